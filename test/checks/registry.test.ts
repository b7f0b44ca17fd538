// The registry is complete and consistent: every check file is registered, ids and
// codes are unique, the folder is the category, the file name is the id, and every
// listed code is a real Ruff rule.
import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { allChecks } from "../../checks/index.js";
import { ruffCheck } from "../helpers/ruff-oracle.js";

const checksDir = join(dirname(fileURLToPath(import.meta.url)), "../../checks");

function checkFiles(): { id: string; folder: string }[] {
  return readdirSync(checksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(checksDir, d.name))
        .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_"))
        .map((f) => ({ id: basename(f, ".ts"), folder: d.name })),
    );
}

describe("check registry", () => {
  it("registers every check file exactly once", () => {
    expect(allChecks.map((c) => c.id).sort()).toEqual(
      checkFiles()
        .map((f) => f.id)
        .sort(),
    );
  });

  it("keeps each check in the folder of its category", () => {
    const folders = new Map(checkFiles().map((f) => [f.id, f.folder]));
    for (const c of allChecks) expect([c.id, folders.get(c.id)]).toEqual([c.id, c.category]);
  });

  it("has unique ids and codes", () => {
    const ids = allChecks.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const codes = allChecks.flatMap((c) => c.codes);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it("uses kebab-case ids and complete docs", () => {
    for (const c of allChecks) {
      expect(c.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(c.docs.summary.length).toBeGreaterThan(10);
      expect(c.docs.why.length).toBeGreaterThan(30);
    }
  });

  it.each(allChecks.filter((c) => c.codes.length > 0).map((c) => [c.id, c.codes] as const))(
    "%s lists codes Ruff knows: %j",
    (_id, codes) => {
      // Ruff rejects unknown codes in `select`; a known code simply reports nothing on `pass`.
      expect(() => ruffCheck("pass\n", codes)).not.toThrow();
    },
  );
});

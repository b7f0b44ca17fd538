// `peptalk check --format sarif` is valid SARIF 2.1.0 (the OASIS JSON Schema, shipped in
// test/fixtures/sarif) and stays within GitHub code scanning's result limit.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { allChecks } from "../../checks/index.js";
import { ruleInfo } from "../../src/engine/check.js";
import type { Finding } from "../../src/engine/types.js";
import { makeFinding } from "../helpers/finding.js";
import { formatSarif, SARIF_MAX_RESULTS } from "../../src/cli/format/sarif.js";
import { runCli, tempTree } from "../helpers/cli.js";

const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(sarif: unknown): void {
  const ok = validate(sarif);
  expect(ok ? [] : validate.errors).toEqual([]);
}

const finding = (i: number): Finding => makeFinding({ path: `pkg/m${i}.py`, fingerprint: `fp${i}` });

describe("SARIF output", () => {
  it("validates against the SARIF 2.1.0 schema, with fixes, for a real run", () => {
    const root = tempTree({
      "pkg/__init__.py": "",
      "pkg/a.py": "def f(x: object) -> object:\n    if x == None:\n        return 1\n    return x != None\n",
      "pkg/b.py": "s = 'é😀'; t = x == None  # unicode before the finding\n",
      "pkg/broken.py": "def f(:\n",
      "pkg/c.py": "ok = not k in d\n",
      // A Ruff config with its default selection, which includes E713 (a taste rule).
      "ruff.toml": "line-length = 100\n",
    });
    const result = runCli(["check", "--format", "sarif"], root);
    const sarif = JSON.parse(result.stdout);
    expectValid(sarif);
    expect(sarif.runs[0].results.length).toBe(5);
    // Only the safe E713 fix is a SARIF fix; the unsafe E711 ones are not.
    const withFixes = sarif.runs[0].results.filter((r: { fixes?: unknown[] }) => r.fixes);
    expect(withFixes.map((r: { ruleId: string }) => r.ruleId)).toEqual(["not-in-test"]);
  });

  it("carries a fix only when it is safe", () => {
    const edit = { start: 2, end: 4, text: "is", line: 1, column: 3, endLine: 1, endColumn: 5 };
    const safe: Finding = { ...finding(1), fix: { description: "Use `is`", edits: [edit], safety: "safe" } };
    const unsafe: Finding = {
      ...finding(2),
      fix: { description: "Use `is`", edits: [edit], safety: "unsafe", unsafeReason: "`__eq__` may be overridden" },
    };
    const sarif = JSON.parse(formatSarif([safe, unsafe], allChecks.map(ruleInfo)));
    expectValid(sarif);
    const [first, second] = sarif.runs[0].results;
    expect(first.fixes).toHaveLength(1);
    expect(second).not.toHaveProperty("fixes");
  });

  it("validates with no findings at all", () => {
    expectValid(JSON.parse(formatSarif([], allChecks.map(ruleInfo))));
  });

  it("stays within GitHub's 25,000 results per run", () => {
    const many = Array.from({ length: SARIF_MAX_RESULTS + 10 }, (_, i) => finding(i));
    const sarif = JSON.parse(formatSarif(many, allChecks.map(ruleInfo)));
    expect(sarif.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expectValid(sarif);
  });
});

// Every rule's documented examples are executed: `bad` must be flagged, `good` must
// pass, and `bad`'s fixed text must still parse.
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "../../src/engine/check.js";
import { applyNonOverlappingFixes } from "../../src/engine/fix.js";
import { countSyntaxErrors, parsePython } from "../../src/engine/parser.js";
import { runCheck } from "../helpers/check-table.js";

const fileChecks = allChecks.filter((c): c is FileCheck => c.kind === "file");

function rowFor(check: FileCheck): { path: string; python: string } {
  return {
    path: check.appliesTo === "tests" ? "tests/test_example.py" : "pkg/example.py",
    python: check.minPython ?? "3.12",
  };
}

describe("documented examples", () => {
  it.each(fileChecks.map((c) => [c.id, c] as const))("%s: `bad` is flagged, `good` is not", (_id, check) => {
    const row = rowFor(check);
    const bad = runCheck(check, check.docs.bad, row);
    expect(bad.length).toBeGreaterThan(0);
    expect(runCheck(check, check.docs.good, row)).toEqual([]);
    const fixes = bad.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length > 0) {
      const fixed = applyNonOverlappingFixes(check.docs.bad, fixes).text;
      expect(countSyntaxErrors(parsePython(fixed).rootNode)).toBe(0);
    }
  });
});

// Every rule's documented examples are executed: `bad` must be flagged, `good` must
// pass, and `bad`'s fixed text must still parse.
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import type { FileCheck, ProjectCheck } from "../../src/engine/check.js";
import { applyNonOverlappingFixes } from "../../src/engine/fix.js";
import { countSyntaxErrors, parsePython } from "../../src/engine/parser.js";
import { runCheck } from "../helpers/check-table.js";
import { runProjectCheck } from "../helpers/project-table.js";

const fileChecks = allChecks.filter((c): c is FileCheck => c.kind === "file");
const projectChecks = allChecks.filter((c): c is ProjectCheck => c.kind === "project");

function rowFor(check: FileCheck): { path: string; python: string } {
  return {
    path: check.appliesTo === "tests" ? "tests/test_example.py" : "pkg/example.py",
    python: check.minPython ?? "3.12",
  };
}

describe("documented examples", () => {
  it.each(fileChecks.map((c) => [c.id, c] as const))("%s: `bad` is flagged, `good` is not", (_id, check) => {
    const row = rowFor(check);
    const bad = runCheck(check, check.docs.bad, { ...row, ...check.docsContext?.bad });
    expect(bad.length).toBeGreaterThan(0);
    expect(runCheck(check, check.docs.good, { ...row, ...check.docsContext?.good })).toEqual([]);
    const fixes = bad.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length > 0) {
      const fixed = applyNonOverlappingFixes(check.docs.bad, fixes).text;
      expect(countSyntaxErrors(parsePython(fixed).rootNode)).toBe(0);
    }
  });

  if (projectChecks.length > 0)
    it.each(projectChecks.map((c) => [c.id, c] as const))(
      "%s: the `bad` project is flagged, `good` is not",
      (_id, check) => {
        expect(runProjectCheck(check, { name: "bad", ...check.examples.bad }).length).toBeGreaterThan(0);
        expect(runProjectCheck(check, { name: "good", ...check.examples.good })).toEqual([]);
      },
    );
});

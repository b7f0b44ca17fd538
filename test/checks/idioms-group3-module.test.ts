// A realistic module for the third group of idiom checks: the exact findings of those checks,
// and Ruff's agreement on every coded one.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "../../src/engine/check.js";
import { analyzeFile } from "../../src/engine/runner.js";
import type { PythonVersion } from "../../src/engine/types.js";
import { ruffCheck } from "../helpers/ruff-oracle.js";

const GROUP = [
  "assert-tuple",
  "builtin-shadowing",
  "dataclass-candidate",
  "duplicate-dict-key",
  "global-statement",
  "loop-variable-closure",
  "mutable-class-default",
  "mutable-dataclass-default",
  "print-in-library",
  "redefined-loop-variable",
  "return-in-init",
  "string-concat-in-loop",
  "useless-expression",
  "utcnow",
  "zip-without-strict",
];

/** "line rule", sorted by line. The near misses beside them stay silent (see the fixture). */
const EXPECTED = [
  "15 mutable-dataclass-default", // `columns: list = []` on a dataclass
  "20 dataclass-candidate", // JobResult only stores its three parameters (Job validates: silent)
  "39 mutable-class-default", // `formats = [...]` (the ClassVar beside it is silent)
  "46 return-in-init", // `return False` in `__init__`
  "49 duplicate-dict-key", // the second "id" (b"id" is another key)
  "51 builtin-shadowing", // parameter `id`
  "52 assert-tuple", // `assert (cond, msg)` (the next line's form is right)
  "57 global-statement", // `global _exports` then `_exports += 1`
  "61 zip-without-strict", // zip(results, labels) (zip with itertools.count is silent)
  "65 useless-expression", // `handle.closed`
  "66 utcnow", // datetime.utcnow() (now(timezone.utc) is silent)
  "72 string-concat-in-loop", // `text += f"..."` (the line buffer flushed in `wrapped` is silent)
  "88 loop-variable-closure", // lambda: result.job_id (default-bound and sorted keys are silent)
  "97 redefined-loop-variable", // row = row.strip()
  "112 builtin-shadowing", // variable `type`
  "113 print-in-library", // print() in a library method (stderr, report_* and main() are silent)
];

describe("realistic module idioms-group3.py", () => {
  const source = readFileSync(new URL("../fixtures/python/idioms-group3.py", import.meta.url), "utf8");
  const checks = allChecks.filter((k): k is FileCheck => k.kind === "file" && GROUP.includes(k.id));
  const python: PythonVersion = [3, 10]; // zip-without-strict needs 3.10
  const findings = analyzeFile("pkg/exporter.py", source, checks, {
    python,
    isTestFile: false,
    project: null,
    // print-in-library ships `off`: turn it on to see it here.
    severities: { "print-in-library": "info" },
  }).findings;

  it("runs every check of the group and has 50+ lines", () => {
    expect(checks.map((k) => k.id).sort()).toEqual([...GROUP].sort());
    expect(source.split("\n").length).toBeGreaterThan(50);
  });

  it("gets exactly the expected findings", () => {
    const got = findings.map((f) => `${f.line} ${f.rule}`);
    expect(got.sort()).toEqual([...EXPECTED].sort());
  });

  it("agrees with Ruff on every coded check", () => {
    const codes = [...new Set(checks.flatMap((k) => k.codes))];
    const ours = findings.flatMap((f) => f.codes.map((code) => `${code}:${f.line}`)).sort();
    const theirs = ruffCheck(source, codes, python)
      .map((d) => `${d.code}:${d.line}`)
      .sort();
    expect(ours).toEqual(theirs);
  });
});

// A realistic module for the first group of idiom checks: the exact findings of those checks,
// which of them carry a fix, and Ruff's agreement on every coded one.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "../../src/engine/check.js";
import { analyzeFile } from "../../src/engine/runner.js";
import type { PythonVersion } from "../../src/engine/types.js";
import { ruffCheck } from "../helpers/ruff-oracle.js";

const GROUP = [
  "bare-except",
  "bool-comparison",
  "fstring-without-placeholders",
  "function-call-default-argument",
  "is-literal",
  "lambda-assignment",
  "mutable-default-argument",
  "not-in-test",
  "not-is-test",
  "open-without-with",
  "raise-without-from",
  "range-len-loop",
  "silent-except",
  "star-import",
  "type-comparison",
  "useless-try-except",
];

/** "line rule", sorted by line. The near misses beside them stay silent (see the fixture). */
const EXPECTED = [
  "6 star-import", // from os.path import *
  "17 mutable-default-argument", // defaults={} (`keys: Sequence[str] = []` promises not to mutate)
  "18 open-without-with", // fh = open(path) (closing(open(...)) in a with and `return open(...)` are silent)
  "30 function-call-default-argument", // when=time.time() (`int("3")` is immutable)
  "31 fstring-without-placeholders", // f"never synced" (the f-string beside it has a placeholder)
  "35 bool-comparison", // dry_run == True (the same text in a string on line 10 is silent)
  "37 not-in-test", // not client in records
  "39 not-is-test", // not records is None
  "39 type-comparison", // type(records) == list
  "43 bare-except", // except: pass
  "43 silent-except", // the same handler swallows everything
  "47 silent-except", // except Exception: pass
  "52 raise-without-from", // raise SyncError(str(err)) in `except OSError as err`
  "55 useless-try-except", // except TimeoutError: raise
  "60 range-len-loop", // reads records[i] (the loop reading records[i - 1] is silent)
  "61 is-literal", // .status is "new"
  "68 lambda-assignment", // by_name = lambda record: ...
  // retry(): a bare `except:` that logs and re-raises is silent, as in Ruff.
];

/** The findings that come with a fix: "line rule". */
const FIXABLE = [
  "31 fstring-without-placeholders",
  "37 not-in-test",
  "39 not-is-test",
  "61 is-literal",
  "68 lambda-assignment",
  // `dry_run == True` gets none: `dry_run` may be a non-bool, so `dry_run` alone could differ.
];

describe("realistic module idioms-group1.py", () => {
  const source = readFileSync(new URL("../fixtures/python/idioms-group1.py", import.meta.url), "utf8");
  const checks = allChecks.filter((k): k is FileCheck => k.kind === "file" && GROUP.includes(k.id));
  const python: PythonVersion = [3, 9];
  const findings = analyzeFile("pkg/sync.py", source, checks, {
    python,
    isTestFile: false,
    project: null,
    severities: {},
  }).findings;

  it("runs every check of the group and has 50+ lines", () => {
    expect(checks.map((k) => k.id).sort()).toEqual([...GROUP].sort());
    expect(source.split("\n").length).toBeGreaterThan(50);
  });

  it("gets exactly the expected findings", () => {
    const got = findings.map((f) => `${f.line} ${f.rule}`);
    expect(got.sort()).toEqual([...EXPECTED].sort());
  });

  it("offers fixes exactly where they are safe", () => {
    const got = findings.filter((f) => f.fix).map((f) => `${f.line} ${f.rule}`);
    expect(got.sort()).toEqual([...FIXABLE].sort());
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

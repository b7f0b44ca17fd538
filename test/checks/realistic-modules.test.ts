// One realistic module per check group: the exact findings a reviewer would get, and
// Ruff's agreement on every coded check (deliberate differences listed with their reason).
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "../../src/engine/check.js";
import { analyzeFile } from "../../src/engine/runner.js";
import { parsePythonVersion } from "../../src/engine/version.js";
import type { PythonVersion } from "../../src/engine/types.js";
import { ruffCheck } from "../helpers/ruff-oracle.js";

interface Case {
  file: string;
  /** The checks to run: whole categories (as a default config runs them) or named rules. */
  categories?: string[];
  rules?: string[];
  python: string;
  /** The module's path; default `pkg/<file>`. */
  path?: string;
  /** Severity overrides, e.g. to turn on a rule that ships `off`. */
  severities?: Record<string, "error" | "warning" | "info">;
  /** "line rule" of every finding. */
  expected: string[];
  /** "line rule" of the findings that carry a fix; checked when given. */
  fixable?: string[];
  /** "CODE:line" → why peptalk differs from Ruff there. */
  differences: Record<string, string>;
}

const cases: Case[] = [
  {
    file: "idioms_realistic.py",
    categories: ["idioms"],
    python: "3.9",
    expected: [
      "4 star-import",
      "7 dataclass-candidate",
      "7 object-inheritance",
      "25 range-len-loop",
      "36 needless-bool",
      "44 string-concat-in-loop",
      "48 utcnow",
      "54 bare-except",
      "59 none-comparison",
      "61 type-comparison",
      "63 not-in-test",
      "65 fstring-without-placeholders",
      "76 raise-without-from",
    ],
    differences: {
      "RUF012:15": "`Inventory.handlers` is never changed in place: a class-level table, not shared state",
      "B006:17":
        "`items=[]` is only kept on the instance (`self.items = items`): on real code such defaults were read-only",
    },
  },
  {
    file: "typing_naming_realistic.py",
    categories: ["typing", "naming"],
    python: "3.10",
    expected: [
      "5 exception-name",
      "9 exception-name",
      "14 implicit-optional",
      "18 any-in-signature",
      "18 deprecated-typing-alias",
      "21 deprecated-typing-alias",
      "21 missing-parameter-annotation",
      "24 deprecated-typing-alias",
      "31 deprecated-typing-alias",
      "34 missing-parameter-annotation",
      "34 missing-return-annotation",
      "40 optional-to-union",
      "46 deprecated-typing-alias",
      "46 deprecated-typing-alias",
      "46 deprecated-typing-alias",
      "47 deprecated-typing-alias",
      "57 any-in-signature",
      "57 any-in-signature",
    ],
    differences: {
      "ANN001:27": "`_internal` is private: peptalk checks public functions only",
      "ANN001:53": "`_helper` is private: peptalk checks public functions only",
    },
  },
  {
    // The first group of idiom checks, each beside near misses that must stay silent.
    file: "idioms-group1.py",
    path: "pkg/sync.py",
    rules: [
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
    ],
    python: "3.9",
    expected: [
      "6 star-import", // from os.path import *
      // defaults={} on line 17 is only spread into a new dict: never mutated, so silent.
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
    ],
    fixable: [
      "31 fstring-without-placeholders",
      "37 not-in-test",
      "39 not-is-test",
      "61 is-literal",
      "68 lambda-assignment",
      // `dry_run == True` gets none: `dry_run` may be a non-bool, so `dry_run` alone could differ.
    ],
    differences: {
      "B006:17": "peptalk reports a mutable default only when the function mutates, stores or returns it",
    },
  },
  {
    // The third group of idiom checks.
    file: "idioms-group3.py",
    path: "pkg/exporter.py",
    rules: [
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
    ],
    python: "3.10", // zip-without-strict needs 3.10
    // print-in-library ships `off`: turn it on to see it here.
    severities: { "print-in-library": "info" },
    expected: [
      "15 mutable-dataclass-default", // `columns: list = []` on a dataclass
      "20 dataclass-candidate", // JobResult only stores its three parameters (Job validates: silent)
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
    ],
    differences: {
      "RUF012:39": "`formats` is never changed in place: a class-level table, not shared state",
    },
  },
];

describe.each(cases)("realistic module $file", (c) => {
  const source = readFileSync(new URL(`../fixtures/python/${c.file}`, import.meta.url), "utf8");
  // The checks a default config runs in these categories (rules that ship `off` stay off).
  const checks = allChecks.filter(
    (k): k is FileCheck =>
      k.kind === "file" &&
      (c.rules ? c.rules.includes(k.id) : (c.categories ?? []).includes(k.category) && k.severity !== "off"),
  );
  const python = parsePythonVersion(c.python) as PythonVersion;
  const findings = analyzeFile(c.path ?? `pkg/${c.file}`, source, checks, {
    python,
    isTestFile: false,
    project: null,
    severities: c.severities ?? {},
  }).findings;

  it("runs every named rule", () => {
    if (c.rules) expect(checks.map((k) => k.id).sort()).toEqual([...c.rules].sort());
  });

  it("has 50+ lines and gets exactly the expected findings", () => {
    expect(source.split("\n").length).toBeGreaterThan(50);
    expect(findings.map((f) => `${f.line} ${f.rule}`).sort()).toEqual([...c.expected].sort());
  });

  it("offers fixes exactly where they are safe", () => {
    if (c.fixable)
      expect(
        findings
          .filter((f) => f.fix)
          .map((f) => `${f.line} ${f.rule}`)
          .sort(),
      ).toEqual([...c.fixable].sort());
  });

  it("agrees with Ruff on every coded check, but for the documented differences", () => {
    const codes = [...new Set(checks.flatMap((k) => k.codes))];
    const ours = new Set(findings.flatMap((f) => f.codes.map((code) => `${code}:${f.line}`)));
    const theirs = new Set(ruffCheck(source, codes, python).map((d) => `${d.code}:${d.line}`));
    const noisy = [...ours].filter((k) => !theirs.has(k) && !(k in c.differences));
    const missing = [...theirs].filter((k) => !ours.has(k) && !(k in c.differences));
    expect({ noisy, missing }).toEqual({ noisy: [], missing: [] });
  });
});

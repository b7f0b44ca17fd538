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
  categories: string[];
  python: string;
  expected: string[];
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
      "15 mutable-class-default",
      "17 mutable-default-argument",
      "22 open-without-with",
      "25 range-len-loop",
      "36 needless-bool",
      "44 string-concat-in-loop",
      "48 utcnow",
      "54 bare-except",
      "54 silent-except",
      "59 none-comparison",
      "61 type-comparison",
      "63 not-in-test",
      "65 fstring-without-placeholders",
      "69 lambda-assignment",
      "76 raise-without-from",
    ],
    differences: {},
  },
  {
    file: "typing_naming_realistic.py",
    categories: ["typing", "naming"],
    python: "3.10",
    expected: [
      "5 class-name",
      "5 exception-name",
      "9 exception-name",
      "14 implicit-optional",
      "18 any-in-signature",
      "18 deprecated-typing-alias",
      "21 deprecated-typing-alias",
      "21 function-name",
      "21 missing-parameter-annotation",
      "24 deprecated-typing-alias",
      "24 self-first-argument",
      "31 deprecated-typing-alias",
      "34 missing-parameter-annotation",
      "34 missing-return-annotation",
      "40 argument-name",
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
];

describe.each(cases)("realistic module $file", (c) => {
  const source = readFileSync(new URL(`../fixtures/python/${c.file}`, import.meta.url), "utf8");
  // The checks a default config runs in these categories (rules that ship `off` stay off).
  const checks = allChecks.filter(
    (k): k is FileCheck => k.kind === "file" && c.categories.includes(k.category) && k.severity !== "off",
  );
  const python = parsePythonVersion(c.python) as PythonVersion;
  const findings = analyzeFile(`pkg/${c.file}`, source, checks, {
    python,
    isTestFile: false,
    project: null,
    severities: {},
  }).findings;

  it("has 50+ lines and gets exactly the expected findings", () => {
    expect(source.split("\n").length).toBeGreaterThan(50);
    expect(findings.map((f) => `${f.line} ${f.rule}`).sort()).toEqual([...c.expected].sort());
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

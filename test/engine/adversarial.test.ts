// Pathological files, generated here (none is checked in): every one must come back from the
// engine well-formed, analysed or skipped with a reason, within its budget. No timing is
// asserted: a file that ran away would run past the test's timeout instead.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "../../src/engine/check.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { runEngine } from "../../src/engine/engine.js";
import { analyzeFile, type FileAnalysis } from "../../src/engine/runner.js";

const fileChecks = allChecks.filter((c): c is FileCheck => c.kind === "file");
const severities = Object.fromEntries(fileChecks.map((c) => [c.id, "warning" as const]));
const analyse = (source: string, budgetMs?: number): FileAnalysis =>
  analyzeFile("bomb.py", source, fileChecks, {
    python: [3, 8],
    isTestFile: false,
    project: null,
    severities,
    ...(budgetMs === undefined ? {} : { budgetMs }),
  });

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
/** The JS heap still in use once garbage is collected. */
const retainedHeap = (): number => {
  collect();
  return process.memoryUsage().heapUsed;
};

/** Analysed with sane findings and no crashed check, or skipped for the budget: nothing in between. */
function expectWellFormed(result: FileAnalysis, source: string): void {
  if (result.skipped !== undefined) {
    expect(result.skipped).toMatch(/^not analysed: over the [\d.]+ s budget$/);
    expect(result.findings).toEqual([]);
    return;
  }
  expect(result.failures).toEqual([]);
  const lines = source.split("\n").length;
  for (const f of result.findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  }
  expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
}

const nested = (depth: number, open: string, inner: string, close: string): string =>
  open.repeat(depth) + inner + close.repeat(depth);

const GENERATED: [name: string, make: () => string][] = [
  ["100 KB of `None == a` on one line", () => `x = ${"None == a or ".repeat(7700)}None\n`],
  ["950 KB of `None == a` on one line", () => `x = ${"None == a or ".repeat(73_000)}None\n`],
  [
    "26 KB of nested comprehensions",
    () => {
      let s = "y";
      for (let i = 0; s.length < 26_000; i++) s = `[x for x in ${s}]`;
      return `z = ${s}\n`;
    },
  ],
  ["20,000 nested `(a and ...)`", () => `x = ${nested(20_000, "(a and ", "b", ")")}\n`],
  ["629 KB of repeated syntax errors", () => "def f(:\n  x = = 1\n".repeat(629_000 / 22)],
  ["10,000 syntax errors", () => "x = = 1\n".repeat(10_000)],
  ["unbalanced openers", () => "def f(\n".repeat(20_000)],
  ["50,000 nested parentheses", () => `x = ${nested(50_000, "(", "1", ")")}\n`],
  ["50,000 nested lists", () => `x = ${nested(50_000, "[", "", "]")}\n`],
  [
    "3,000 nested blocks",
    () => {
      let s = "";
      for (let i = 0; i < 3000; i++) s += `${" ".repeat(i)}if x:\n`;
      return `${s}${" ".repeat(3000)}pass\n`;
    },
  ],
  ["20,000 nested lambdas in a loop", () => `for i in y:\n    f = ${"lambda: ".repeat(20_000)}i\n`],
  ["a 1 MB line", () => `x = ${"a + ".repeat(250_000)}1\n`],
  ["a 5 MB string literal", () => `x = "${"a".repeat(5_000_000)}"\n`],
  ["a byte-order mark", () => "\uFEFFif x == None:\n    pass\n"],
  ["NUL characters", () => "x = 1\0\0\ny == None\n\0"],
  [
    "mixed line endings",
    () => Array.from({ length: 10_000 }, (_, i) => `x${i} = None == a${["\n", "\r\n", "\r"][i % 3]}`).join(""),
  ],
  ["a 20,000-deep `|` chain", () => `x = a${" | int".repeat(20_000)}\n`],
];

describe("adversarial files", () => {
  it.each(GENERATED)(
    "%s: analysed or skipped with a reason, never a crash",
    (_name, make) => {
      const before = retainedHeap();
      const source = make();
      expectWellFormed(analyse(source), source);
      // Bounded memory: nothing accumulates from file to file. (A file stopped by its budget
      // may leave its last tree to the next parse, hence room for one such file.)
      expect(retainedHeap() - before).toBeLessThan(256_000_000);
    },
    120_000,
  );

  it("skips a file over its budget with the reason, in the result and in runEngine's summary", async () => {
    const source = "def f(\n".repeat(40_000);
    expect(analyse(source, 200).skipped).toBe("not analysed: over the 0.2 s budget");

    const config = resolveConfig({}, { rules: allChecks }).config;
    const result = await runEngine(
      {
        files: [
          { path: "bomb.py", content: source },
          { path: "ok.py", content: "x == None\n" },
        ],
        config,
        fileBudgetMs: 200,
      },
      allChecks,
    );
    expect(result.skipped).toEqual([{ path: "bomb.py", reason: "not analysed: over the 0.2 s budget" }]);
    expect(result.analysed).toEqual(["ok.py"]);
    expect(result.findings.map((f) => `${f.path} ${f.rule}`)).toEqual(["ok.py none-comparison"]);
  }, 60_000);
});

describe("deep nesting loses no check (no stack overflow)", () => {
  const rules = (source: string): string[] => {
    const result = analyse(source);
    expect(result.failures).toEqual([]);
    return result.findings.map((f) => f.rule);
  };

  it("merge-isinstance and repeated-equality on a 20,000-operand `or` chain", () => {
    // Two runs of 10,000 (merge-isinstance merges only neighbouring calls).
    const chain = Array.from({ length: 20_000 }, (_, i) => (i >= 10_000 ? `a == ${i}` : "isinstance(a, int)")).join(
      " or ",
    );
    const found = rules(`if ${chain}:\n    pass\n`);
    expect(found).toContain("merge-isinstance");
    expect(found).toContain("repeated-equality");
  });

  it("builtin-shadowing and loop-variable-closure through 5,000 nested tuple targets", () => {
    const target = nested(5000, "(", "list", ",)");
    const found = rules(`for ${target} in y:\n    f = lambda: list\n`);
    expect(found).toContain("builtin-shadowing");
    expect(found).toContain("loop-variable-closure");
  });

  it("syntax-newer-than-requires-python on a 20,000-deep `|` union", () => {
    expect(rules(`x = int${" | str".repeat(20_000)}\n`)).toContain("syntax-newer-than-requires-python");
  });

  it("a 20,000-deep attribute chain still resolves names", () => {
    const result = analyse(`import os\nx = os${".path".repeat(20_000)}\n`);
    expect(result.failures).toEqual([]);
  });
});

import { describe, expect, it } from "@jest/globals";
import { defineCheck } from "../../src/engine/check.js";
import { analyzeFile, SYNTAX_ERROR_RULE } from "../../src/engine/runner.js";
import noneComparison from "../../checks/idioms/none-comparison.js";
import { ruffCheck } from "../helpers/ruff-oracle.js";

const options = { python: [3, 9] as const, isTestFile: false, project: null, severities: {} };

const throwing = defineCheck({
  id: "always-throws",
  codes: [],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: { summary: "A check that throws on every call.", why: "Proves isolation.", bad: "x\n", good: "x\n" },
  create() {
    return {
      call() {
        throw new Error("boom");
      },
    };
  },
});

const everyCall = defineCheck({
  id: "every-call",
  codes: [],
  category: "idioms",
  severity: "info",
  type: "bug",
  fix: "never",
  docs: { summary: "Reports every call.", why: "Test double.", bad: "f()\n", good: "x\n" },
  create(ctx) {
    return { call: (node) => ctx.report({ node, message: "call" }) };
  },
});

describe("analyzeFile", () => {
  it("does not create a check whose required text the source lacks", () => {
    const created: string[] = [];
    const picky = defineCheck({
      type: "bug",
      id: "needs-pickle",
      codes: [],
      category: "security",
      severity: "info",
      fix: "never",
      requires: ["pickle", "load"],
      docs: { summary: "Reports calls in files naming pickle.", why: "Test double.", bad: "f()\n", good: "x\n" },
      create(ctx) {
        created.push(ctx.path);
        return { call: (node) => ctx.report({ node, message: "call" }) };
      },
    });
    expect(analyzeFile("a.py", "import pickle\npickle.loads(b)\n", [picky], options).findings).toHaveLength(1);
    expect(analyzeFile("b.py", "import pickle\npickle.dumps(b)\n", [picky], options).findings).toEqual([]);
    expect(analyzeFile("c.py", "f()\n", [picky, everyCall], options).findings.map((f) => f.rule)).toEqual([
      "every-call",
    ]);
    expect(created).toEqual(["a.py"]);
  });

  it("isolates a check that throws: others still report, the failure is recorded", () => {
    const result = analyzeFile("m.py", "f()\nif x == None: pass\n", [throwing, noneComparison, everyCall], options);
    expect(result.findings.map((f) => f.rule)).toEqual(["every-call", "none-comparison"]);
    expect(result.failures).toEqual([{ rule: "always-throws", path: "m.py", message: "boom" }]);
  });

  it("reports the first syntax error and still finds problems outside the broken region", () => {
    const source = "if x == None:\n    pass\n\ndef broken(:\n    pass\n\ny = z != None\n";
    const result = analyzeFile("m.py", source, [noneComparison], options);
    const syntax = result.findings.filter((f) => f.rule === SYNTAX_ERROR_RULE);
    expect(syntax).toHaveLength(1);
    expect(syntax[0]!.line).toBe(4);
    expect(result.findings.filter((f) => f.rule === "none-comparison").map((f) => f.line)).toEqual([1, 7]);
  });

  /** A test double that rewrites every call to the text `rewrite` gives for its callee. */
  const rewritingCalls = (id: string, rewrite: (callee: string) => string) =>
    defineCheck({
      id,
      codes: [],
      category: "idioms",
      severity: "info",
      type: "bug",
      fix: "sometimes",
      docs: { summary: "Rewrites calls.", why: "Test double.", bad: "f()\n", good: "x\n" },
      create(ctx) {
        return {
          call: (node) => {
            const edit = ctx.edits.replace(node, rewrite(node.childForFieldName("function")?.text ?? ""));
            ctx.report({ node, message: "x", fix: { title: "rewrite", edits: [edit] } });
          },
        };
      },
    });

  it("offers no fix that would not parse", () => {
    const [finding] = analyzeFile("m.py", "f()\n", [rewritingCalls("bad-fix", () => "def (")], options).findings;
    expect(finding!.fix).toBeNull();
  });

  it("keeps every good fix of a file when a few of its fixes would break it", () => {
    // Calls to `bad()` get a fix that does not parse; every other call gets a harmless one.
    const mixed = rewritingCalls("mixed-fixes", (callee) => (callee === "bad" ? "def (" : "g()"));
    const lines = Array.from({ length: 40 }, (_, i) => (i === 7 || i === 31 ? "bad()" : `f${i}()`));
    const findings = analyzeFile("m.py", lines.join("\n") + "\n", [mixed], options).findings;
    expect(findings).toHaveLength(40);
    expect(findings.filter((f) => f.fix === null).map((f) => f.line)).toEqual([8, 32]);
  });

  it("rejects a fix from a check that declares it never fixes", () => {
    const liar = defineCheck({
      id: "liar",
      codes: [],
      category: "idioms",
      severity: "info",
      type: "bug",
      fix: "never",
      docs: { summary: "Declares no fix, offers one.", why: "Test double.", bad: "f()\n", good: "x\n" },
      create(ctx) {
        return {
          call: (node) =>
            ctx.report({ node, message: "x", fix: { title: "t", edits: [ctx.edits.replace(node, "g()")] } }),
        };
      },
    });
    const result = analyzeFile("m.py", "f()\n", [liar], options);
    expect(result.findings).toEqual([]);
    expect(result.failures[0]!.message).toMatch(/declares fix: "never"/);
  });

  it("dispatches :exit visitors after the node's children, in document order", () => {
    const order: string[] = [];
    const tracer = defineCheck({
      id: "tracer",
      codes: [],
      category: "idioms",
      severity: "info",
      type: "bug",
      fix: "never",
      docs: { summary: "Traces the walk.", why: "Test double.", bad: "f()\n", good: "x\n" },
      create() {
        return {
          function_definition: (n) => order.push(`enter ${n.childForFieldName("name")!.text}`),
          "function_definition:exit": (n) => order.push(`exit ${n.childForFieldName("name")!.text}`),
          call: (n) => order.push(`call ${n.text}`),
        };
      },
    });
    analyzeFile("m.py", "def a():\n    def b():\n        f()\n    g()\nh()\n", [tracer], options);
    expect(order).toEqual(["enter a", "enter b", "call f()", "exit b", "call g()", "exit a", "call h()"]);
  });

  it("gives identical findings on identical lines different fingerprints, stable when lines move", () => {
    const a = analyzeFile("m.py", "x == None\nx == None\n", [noneComparison], options).findings;
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(2);
    const moved = analyzeFile("m.py", "import os\n\n\nx == None\nx == None\n", [noneComparison], options).findings;
    expect(moved.map((f) => f.fingerprint)).toEqual(a.map((f) => f.fingerprint));
    const otherPath = analyzeFile("n.py", "x == None\n", [noneComparison], options).findings;
    expect(otherPath[0]!.fingerprint).not.toBe(a[0]!.fingerprint);
  });

  it("counts columns in UTF-16 code units, like Ruff", () => {
    const source = 's = "é😀"; t = x == None\n';
    const [finding] = analyzeFile("m.py", source, [noneComparison], options).findings;
    const [ruff] = ruffCheck(source, ["E711"]);
    expect([finding!.line, finding!.column, finding!.endColumn]).toEqual([ruff!.line, ruff!.column, ruff!.endColumn]);
    expect(finding!.column).toBe(21);
  });

  it("verifies overlapping fixes in later rounds and drops only the one that breaks the file", () => {
    const replacing = (id: string, type: string, text: string, only?: string) =>
      defineCheck({
        type: "bug",
        id,
        codes: [],
        category: "idioms",
        severity: "info",
        fix: "always",
        docs: { summary: "Replaces a node.", why: "Test double.", bad: "f()\n", good: "x\n" },
        create(ctx) {
          return {
            [type]: (node) => {
              if (only !== undefined && node.text !== only) return;
              ctx.report({ node, message: id, fix: { title: id, edits: [ctx.edits.replace(node, text)] } });
            },
          };
        },
      });
    const checks = [
      replacing("rename-target", "identifier", "y", "x"),
      replacing("replace-call", "call", "baz()"),
      replacing("break-call", "call", "foo("),
      replacing("rename-argument", "identifier", "qux", "bar"),
      replacing("insert-nothing", "integer", "2"),
    ];
    const result = analyzeFile("m.py", "x = foo(bar)\nz = 1\n", checks, options);
    const fixed = Object.fromEntries(result.findings.map((f) => [f.rule, f.fix?.edits.map((e) => e.text) ?? null]));
    expect(fixed).toEqual({
      "rename-target": ["y"],
      "replace-call": ["baz()"],
      "break-call": null,
      "rename-argument": ["qux"],
      "insert-nothing": ["2"],
    });
  });
});

describe("a check that overflows the stack", () => {
  const overflowing = defineCheck({
    id: "overflows",
    type: "bug",
    codes: [],
    category: "idioms",
    severity: "warning",
    fix: "never",
    docs: { summary: "Recurses without end.", why: "Proves RangeError isolation.", bad: "x\n", good: "x\n" },
    create(ctx) {
      const deeper = (n: number): number => deeper(n + 1) + 1;
      return {
        call(node) {
          ctx.report({ node, message: "before the overflow" });
          deeper(0);
        },
      };
    },
  });

  it("is reported as a failure for that file and rule (not analysed), never silently dropped", () => {
    const result = analyzeFile("m.py", "f()\nif x == None: pass\n", [overflowing, noneComparison], options);
    expect(result.failures).toEqual([
      { rule: "overflows", path: "m.py", message: expect.stringMatching(/Maximum call stack size exceeded/) },
    ]);
    // Its partial findings are dropped with it; the other checks' stand.
    expect(result.findings.map((f) => f.rule)).toEqual(["none-comparison"]);
  });
});

describe("fingerprints", () => {
  const findings = (source: string) => analyzeFile("m.py", source, [noneComparison], options).findings;
  const existing = "def old():\n    if x == None:\n        pass\n";

  it("keep an existing finding's when an identical one is added above it, in a new function", () => {
    const [old] = findings(existing);
    const after = findings(`def new():\n    if x == None:\n        pass\n\n\n${existing}`);
    expect(after.map((f) => f.line)).toEqual([2, 7]);
    expect(after[1]!.fingerprint).toBe(old!.fingerprint);
    expect(after[0]!.fingerprint).not.toBe(old!.fingerprint);
  });

  it("survive lines moving and re-indentation inside the same scope", () => {
    const [old] = findings(existing);
    const [moved] = findings(`\n\ndef old():\n    y = 1\n    if   x == None :\n        pass\n`);
    expect(moved!.fingerprint).toBe(old!.fingerprint);
  });

  it("tell apart identical findings in one scope and name methods by their class", () => {
    const inClass = findings("class A:\n    def old(self):\n        if x == None:\n            pass\n");
    const [old] = findings(existing);
    expect(inClass[0]!.fingerprint).not.toBe(old!.fingerprint);
    const twice = findings("def old():\n    if x == None:\n        pass\n    if x == None:\n        pass\n");
    expect(new Set(twice.map((f) => f.fingerprint)).size).toBe(2);
  });
});

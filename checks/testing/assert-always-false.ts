import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, unparenthesize } from "../../src/engine/ast.js";
import { owningClass } from "../../src/engine/definitions.js";
import { inheritsTestCase } from "./_pytest.js";

const EMPTY_CONSTRUCTORS = new Set(["list", "dict", "set", "tuple", "frozenset", "str", "bytes", "bytearray"]);

/** Ruff's `Truthiness` reading: the expression is certainly falsy (`False`, `None`, `0`, `""`, `[]`, `list()`, ...). */
function alwaysFalsy(ctx: CheckContext, node: SyntaxNode): boolean {
  const expr = unparenthesize(node);
  switch (expr.type) {
    case "false":
    case "none":
      return true;
    case "integer":
      return /^(?:0[xXoObB])?[0_]+[lLjJ]?$/.test(expr.text);
    case "float":
      return /^[0_]*\.?[0_]*(?:[eE][+-]?\d+)?[jJ]?$/.test(expr.text) && /0/.test(expr.text);
    case "string":
      return expr.namedChildren.every((c) => c.type === "string_start" || c.type === "string_end");
    case "concatenated_string":
      return expr.namedChildren.every((c) => alwaysFalsy(ctx, c));
    case "list":
    case "tuple":
    case "dictionary":
      return expr.namedChildren.filter((c) => c.type !== "comment").length === 0;
    case "call": {
      const fn = expr.childForFieldName("function");
      if (fn?.type !== "identifier" || !EMPTY_CONSTRUCTORS.has(fn.text) || !ctx.isBuiltin(fn)) return false;
      if (!["list", "dict", "set", "tuple", "frozenset"].includes(fn.text)) return false;
      const args = expr.childForFieldName("arguments");
      if (args?.type !== "argument_list") return false;
      const { positional, keywords, hasStar } = callArguments(expr);
      if (hasStar || keywords.size > 0) return false;
      if (positional.length === 0) return args.namedChildren.filter((c) => c.type !== "comment").length === 0;
      return positional.length === 1 && alwaysFalsy(ctx, positional[0]!);
    }
    default:
      return false;
  }
}

function inTestCaseMethod(ctx: CheckContext, statement: SyntaxNode): boolean {
  for (let cur = statement.parent; cur; cur = cur.parent) {
    if (cur.type === "function_definition") {
      const klass = owningClass(cur);
      return !!klass && inheritsTestCase(ctx, klass);
    }
  }
  return false;
}

export default defineCheck({
  id: "assert-always-false",
  codes: ["PT015"],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "never",
  appliesTo: "non-tests",
  docs: {
    summary: "`assert False` (or another always-falsy value) to mark code that must not be reached.",
    why: "Like every `assert`, `assert False, 'msg'` disappears under `python -O`, so in library code the branch it guards then falls through silently. `raise AssertionError('msg')` (or a more specific exception) always fails.",
    bad: "def area(shape):\n    if shape.kind == 'circle':\n        return 3.14 * shape.r ** 2\n    assert False, 'unknown shape'\n",
    good: "def area(shape):\n    if shape.kind == 'circle':\n        return 3.14 * shape.r ** 2\n    raise AssertionError('unknown shape')\n",
    differences:
      "Ruff's PT015 reports this in any file and suggests `pytest.fail()`; peptalk looks at library code only (not `test_*.py`, `*_test.py`, `conftest.py` or files under `tests/`): tests never run under `python -O`, and `try: parse(x); assert False` is the idiom there. Test-support code shipped in the package (`pkg/testing/`, `testing.py`, `test_support`) is skipped for the same reason. In a test helper class inside a library (a unittest `TestCase`) it suggests `self.fail()`.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("assert")) return {};
    // Test-support code shipped in the library (`pkg/testing/`, `testing.py`) runs only under tests.
    if (/(^|\/)(testing|test_?support|test_?utils?)(\/|\.py$)/.test(ctx.path)) return {};
    return {
      assert_statement(statement) {
        const test = statement.namedChildren.find((c) => c.type !== "comment");
        if (!test || !alwaysFalsy(ctx, test)) return;
        const instead = inTestCaseMethod(ctx, statement) ? "self.fail()" : "raise AssertionError(...)";
        ctx.report({
          node: statement,
          message: `Assertion always fails (and vanishes under \`python -O\`): use \`${instead}\``,
        });
      },
    };
  },
});

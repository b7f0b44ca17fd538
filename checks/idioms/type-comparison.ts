import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks } from "../../src/engine/comparisons.js";

/** `type(x)`: the builtin, with one argument. */
function isTypeOf(ctx: CheckContext, node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (n.type !== "call") return false;
  const fn = n.childForFieldName("function");
  const args = n.childForFieldName("arguments");
  return !!fn && ctx.isBuiltin(fn, "type") && args?.type === "argument_list" && args.namedChildCount === 1;
}

// Builtin classes: `x.__class__ == int` is a type check as surely as `type(x) == int`.
const BUILTIN_CLASSES = [
  "bool",
  "bytearray",
  "bytes",
  "complex",
  "dict",
  "float",
  "frozenset",
  "int",
  "list",
  "memoryview",
  "object",
  "range",
  "set",
  "slice",
  "str",
  "tuple",
  "type",
];

function isClassAttribute(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  return n.type === "attribute" && n.childForFieldName("attribute")?.text === "__class__";
}

function isBuiltinClass(ctx: CheckContext, node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  return n.type === "identifier" && BUILTIN_CLASSES.includes(n.text) && ctx.isBuiltin(n, n.text);
}

/** `type(x) == T`, `T == type(x)`, or `x.__class__ == int` (a builtin class on the other side). */
function isTypeComparison(ctx: CheckContext, left: SyntaxNode, right: SyntaxNode): boolean {
  if (isTypeOf(ctx, left) || isTypeOf(ctx, right)) return true;
  return (
    (isClassAttribute(left) && isBuiltinClass(ctx, right)) || (isClassAttribute(right) && isBuiltinClass(ctx, left))
  );
}

export default defineCheck({
  id: "type-comparison",
  codes: ["E721"],
  pylint: ["unidiomatic-typecheck"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`type(x) == T` instead of `isinstance(x, T)` or `type(x) is T`.",
    why: "`type(x) == T` rejects subclasses, which is rarely intended, and `==` on classes can be overridden by metaclasses. Use `isinstance(x, T)`, or `type(x) is T` when an exact type match is really what you mean.",
    bad: "if type(value) == dict:\n    merge(value)\n",
    good: "if isinstance(value, dict):\n    merge(value)\n",
    differences:
      "Ruff's E721 also flags `x == int` whenever one side is a builtin class, e.g. NumPy's `dtype == float`, which is correct code; peptalk only flags comparisons where one side is a one-argument `type(...)` call, or `x.__class__` compared with a builtin class.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        const hit = comparisonLinks(node).some(
          (l) => (l.operator === "==" || l.operator === "!=") && isTypeComparison(ctx, l.left, l.right),
        );
        if (hit) ctx.report({ node, message: "Compare types with `isinstance()` or `is`, not `==`" });
      },
    };
  },
});

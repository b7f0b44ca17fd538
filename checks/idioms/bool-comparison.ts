import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type FixSpec } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks, literalComparisons, type ComparisonLink } from "../../src/engine/comparisons.js";
import { isConstantLiteral } from "../../src/engine/literals.js";

// Builtins that always return a bool.
const BOOL_BUILTINS = new Set(["isinstance", "issubclass", "hasattr", "callable", "bool", "all", "any"]);
// Comparisons that always produce a bool, whatever the operands' `__eq__` does.
const BOOL_OPERATORS: Record<string, string> = { in: "not in", "not in": "in", is: "is not", "is not": "is" };

function isBoolLiteral(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  return n.type === "true" || n.type === "false";
}

/** The kind of an expression certain to evaluate to a bool, or null when it may be anything. */
function boolKind(ctx: CheckContext, node: SyntaxNode): "not" | "comparison" | "call" | null {
  if (node.type === "not_operator") return "not";
  if (node.type === "comparison_operator")
    return comparisonLinks(node).every((l) => l.operator in BOOL_OPERATORS) ? "comparison" : null;
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    return fn && [...BOOL_BUILTINS].some((name) => ctx.isBuiltin(fn, name)) ? "call" : null;
  }
  return null;
}

/**
 * `x == True` → `x` and `x == False` → `not x`, only when `x` is certainly a bool: for other
 * values the rewrite changes the result (`2 == True` is false, `2` is truthy).
 */
function boolFix(ctx: CheckContext, node: SyntaxNode, link: ComparisonLink, negated: boolean): FixSpec | null {
  if (comparisonLinks(node).length !== 1 || hasComment(node)) return null;
  // `not x == True` → `not not x` reads worse than the original: report only.
  if (node.parent?.type === "not_operator") return null;
  const operand = unparenthesize(link.other);
  const kind = boolKind(ctx, operand);
  if (!kind) return null;
  let replacement: string;
  let unsafeReason: string | undefined;
  if (!negated) replacement = ctx.text(operand);
  else if (kind === "not") {
    const argument = operand.childForFieldName("argument");
    if (!argument) return null;
    replacement = ctx.text(argument);
    // `(not x) != True` is `bool(x)`; `x` alone is only the same where its truth is what counts.
    if (!boolKind(ctx, unparenthesize(argument)))
      unsafeReason = `the result would be \`${replacement.length > 30 ? "the operand" : replacement}\` itself, not a bool`;
  } else if (kind === "comparison") {
    // `(k in d) == False` → `k not in d`; chains are left alone.
    const links = comparisonLinks(operand);
    if (links.length !== 1) return null;
    const op = links[0]!.operatorNode;
    replacement =
      ctx.text({ start: operand.startIndex, end: op.startIndex }) +
      BOOL_OPERATORS[links[0]!.operator]! +
      ctx.text({ start: op.endIndex, end: operand.endIndex });
  } else replacement = `not ${ctx.text(operand)}`;
  return {
    title: negated ? `Replace with \`${replacement}\`` : "Remove the comparison",
    edits: [ctx.edits.replace(node, replacement)],
    ...(unsafeReason ? { safety: "unsafe" as const, unsafeReason } : {}),
  };
}

export default defineCheck({
  id: "bool-comparison",
  codes: ["E712"],
  pylint: ["singleton-comparison"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "Comparison to `True` or `False` with `==` or `!=`.",
    why: "`if ready == True:` says the same as `if ready:` with more noise, and `== True` is also true for `1` and `1.0`. Test the value's truth directly, or use `is True` when only the bool will do.",
    bad: "if ready == True:\n    start()\n",
    good: "if ready:\n    start()\n",
    fixSafety:
      "Rewrites `x == True` as `x` and `x == False` as `not x` only when `x` is certainly a bool: a `not` expression, an `in`/`is` test, or a call to the builtin `isinstance`, `issubclass`, `hasattr`, `callable`, `bool`, `all` or `any`. A bool compares with `True`/`False` exactly as its truth, so the fix is safe, except for `(not x) != True` → `x` where `x` is not certainly a bool: that yields `x` itself rather than `bool(x)`, so it is unsafe.",
    differences:
      "Ruff offers its fix on every such comparison and marks it unsafe (`__eq__` may be overloaded); peptalk offers one only where the operand is certainly a bool, because `2 == True` is false while `2` is truthy, and then the fix cannot change the result.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        // `0 == False` compares two constants on purpose (tests of bool semantics do it); Ruff agrees.
        const links = literalComparisons(node, ["==", "!="], isBoolLiteral).filter((l) => !isConstantLiteral(l.other));
        if (links.length === 0) return;
        const link = links[0]!;
        const negated = (link.operator === "!=") !== (unparenthesize(link.literal).type === "false");
        ctx.report({
          node,
          message: `Comparison to \`${unparenthesize(link.literal).text}\` with \`${link.operator}\`: test ${negated ? "`not x`" : "`x`"} directly`,
          fix: boolFix(ctx, node, link, negated),
        });
      },
    };
  },
});

// `not x in y` / `not x is y`: shared by not-in-test and not-is-test.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext, FixSpec } from "./check.js";
import { hasComment, unparenthesize } from "./ast.js";
import { comparisonLinks } from "./comparisons.js";

/** The comparison under a `not` when it has exactly one `operator` link, else null. */
export function negatedComparison(not: SyntaxNode, operator: "in" | "is"): SyntaxNode | null {
  const argument = not.childForFieldName("argument");
  if (!argument) return null;
  const inner = unparenthesize(argument);
  if (inner.type !== "comparison_operator") return null;
  const links = comparisonLinks(inner);
  if (links.length !== 1 || links[0]!.operator !== operator) return null;
  return inner;
}

export function negationFix(
  ctx: CheckContext,
  not: SyntaxNode,
  comparison: SyntaxNode,
  replacement: string,
  title: string,
): FixSpec | null {
  if (hasComment(not)) return null;
  const [link] = comparisonLinks(comparison);
  if (!link) return null;
  const text = `${ctx.text(link.left)} ${replacement} ${ctx.text(link.right)}`;
  return { title, edits: [ctx.edits.replace(not, text)] };
}

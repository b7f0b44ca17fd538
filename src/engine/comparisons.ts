// Splitting `a == b < c` into (left, operator, right) links, shared by the comparison checks.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext, FixSpec } from "./check.js";
import { hasComment } from "./ast.js";

export interface ComparisonLink {
  left: SyntaxNode;
  operator: string;
  operatorNode: SyntaxNode;
  right: SyntaxNode;
  /** The operand that matched the literal predicate. */
  literal: SyntaxNode;
  /** The other operand. */
  other: SyntaxNode;
}

export function comparisonLinks(
  node: SyntaxNode,
): { left: SyntaxNode; operator: string; operatorNode: SyntaxNode; right: SyntaxNode }[] {
  const links = [];
  const operands = node.children.filter((c) => c.isNamed && c.type !== "comment");
  const operators = node.children.filter((c) => !c.isNamed);
  for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
    const op = operators[i]!;
    links.push({
      left: operands[i]!,
      operator: op.text.replace(/\s+/g, " "),
      operatorNode: op,
      right: operands[i + 1]!,
    });
  }
  return links;
}

/** Links using one of `operators` where either side satisfies `isLiteral`. */
export function literalComparisons(
  node: SyntaxNode,
  operators: readonly string[],
  isLiteral: (n: SyntaxNode) => boolean,
): ComparisonLink[] {
  const out: ComparisonLink[] = [];
  for (const link of comparisonLinks(node)) {
    if (!operators.includes(link.operator)) continue;
    if (isLiteral(link.right)) out.push({ ...link, literal: link.right, other: link.left });
    else if (isLiteral(link.left)) out.push({ ...link, literal: link.left, other: link.right });
  }
  return out;
}

/** Replace the operator of a two-operand comparison; null for chains or comments. */
export function comparisonFix(
  ctx: CheckContext,
  node: SyntaxNode,
  link: ComparisonLink,
  replacement: string,
  title: string,
): FixSpec | null {
  if (comparisonLinks(node).length !== 1 || hasComment(node)) return null;
  return { title, edits: [ctx.edits.replace(link.operatorNode, replacement)] };
}

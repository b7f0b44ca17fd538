import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

function hasElse(ifNode: SyntaxNode): boolean {
  return ifNode.namedChildren.some((c) => c.type === "else_clause" || c.type === "elif_clause");
}

function sameCondition(statement: SyntaxNode | null, condition: SyntaxNode): boolean {
  return statement?.type === "if_statement" && statement.childForFieldName("condition")?.text === condition.text;
}

export default defineCheck({
  id: "collapsible-if",
  codes: ["SIM102"],
  pylint: ["else-if-used"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`if a:` whose only statement is `if b:`, with no `else` on either.",
    why: "Two nested conditions with nothing between them are one condition, `if a and b:`; the extra level of indentation only makes the reader look for an `else` that is not there.",
    bad: "if user:\n    if user.is_active:\n        greet(user)\n",
    good: "if user and user.is_active:\n    greet(user)\n",
    differences:
      "Ruff's SIM102 also reports nested `if`s that carry a comment on either test, an outer `if __debug__:`, conditions that span several lines (the merged one would run to three or more), and an outer `if` that parallels a sibling with the same test; peptalk stays quiet there, where the nesting is deliberate.",
  },
  create(ctx) {
    const check = (outer: SyntaxNode): void => {
      const body = outer.childForFieldName("consequence");
      const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
      const inner = statements[0];
      if (statements.length !== 1 || inner?.type !== "if_statement" || hasElse(inner)) return;
      // `if sys.platform == ...:` / `sys.version_info` blocks stay separate so type checkers
      // can narrow on them (as in Ruff).
      if (/\b\w*sys\.(platform|version_info)\b/.test(outer.childForFieldName("condition")?.text ?? "")) return;
      const colon = inner.children.find((c) => c.type === ":");
      if (!colon) return;
      const outerCondition = outer.childForFieldName("condition");
      const innerCondition = inner.childForFieldName("condition");
      if (!outerCondition || !innerCondition) return;
      // A debug-only block is kept apart on purpose.
      if (outerCondition.text === "__debug__") return;
      // Merging two multi-line conditions makes one condition of three lines or more.
      if (outerCondition.text.includes("\n") || innerCondition.text.includes("\n")) return;
      // A comment on either test (or above the inner one) says where it applies; merging loses that.
      const header = ctx.text({ start: outer.startIndex, end: colon.endIndex });
      if (outer.descendantsOfType("comment").some((c) => c.endIndex <= colon.endIndex) || header.includes("#")) return;
      const lineEnd = ctx.source.indexOf("\n", colon.endIndex);
      if (/^\s*#/.test(ctx.source.slice(colon.endIndex, lineEnd === -1 ? undefined : lineEnd))) return;
      // The outer test parallels a sibling `if` with the same condition: the structure is deliberate.
      if ([outer.previousNamedSibling, outer.nextNamedSibling].some((s) => sameCondition(s, outerCondition))) return;
      ctx.report({
        range: { start: outer.startIndex, end: colon.endIndex },
        message: "Use a single `if` with `and` instead of nested `if` statements",
      });
    };
    return {
      if_statement(node) {
        if (!hasElse(node)) check(node);
      },
      // The last `elif` of a chain (no `else` after it) collapses the same way.
      elif_clause(node) {
        const clauses =
          node.parent?.namedChildren.filter((c) => c.type === "elif_clause" || c.type === "else_clause") ?? [];
        if (clauses[clauses.length - 1]?.id === node.id) check(node);
      },
    };
  },
});

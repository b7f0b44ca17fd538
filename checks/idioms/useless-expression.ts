import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

const USELESS = new Set([
  "identifier",
  "attribute",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "list",
  "tuple",
  "dictionary",
  "set",
]);

function isUseless(node: SyntaxNode): boolean {
  if (USELESS.has(node.type)) return true;
  if (node.type === "parenthesized_expression") return node.namedChildCount === 1 && isUseless(node.namedChild(0)!);
  if (node.type === "unary_operator")
    return ["integer", "float"].includes(node.childForFieldName("argument")?.type ?? "");
  // Bytes literals (not str: those are docstrings and comments by convention).
  if (node.type === "string") return /^[rR]?[bB]/.test(node.text);
  return false;
}

export default defineCheck({
  id: "useless-expression",
  codes: ["B018"],
  pylint: ["pointless-statement"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A statement that is a bare name, attribute or literal, with no effect.",
    why: "A statement like `self.value` or `[1, 2]` computes something and throws it away: usually a forgotten `return`, assignment or call, or a leftover from debugging.",
    bad: "def total(self):\n    self.subtotal\n",
    good: "def total(self):\n    return self.subtotal\n",
    differences:
      "Ruff also flags arithmetic such as `1 / 0`, which tests write on purpose to raise; peptalk only flags names, attributes and literals.",
  },
  create(ctx) {
    return {
      expression_statement(statement) {
        const expr = statement.namedChildren.filter((c) => c.type !== "comment");
        if (expr.length === 0 || !expr.every(isUseless)) return;
        // `a, b` without parentheses is a tuple too: report the whole statement.
        const range = { start: expr[0]!.startIndex, end: expr[expr.length - 1]!.endIndex };
        ctx.report({ range, message: "Useless expression: its value is discarded" });
      },
    };
  },
});

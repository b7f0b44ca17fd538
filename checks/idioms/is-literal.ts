import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { comparisonFix, literalComparisons } from "../../src/engine/comparisons.js";
import { isConstantLiteral } from "../../src/engine/literals.js";
import { MUTABLE_DISPLAYS } from "../../src/engine/classes.js";

/** A literal, or a display that builds a new object each time (`x is []` is always false). */
function isLiteralOperand(node: SyntaxNode): boolean {
  return isConstantLiteral(node) || MUTABLE_DISPLAYS.has(unparenthesize(node).type);
}

export default defineCheck({
  id: "is-literal",
  codes: ["F632"],
  pylint: ["literal-comparison"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary: "`is` / `is not` against a string, bytes, number or tuple literal, or a list/dict/set display.",
    why: "`is` compares identity. Whether two equal strings or numbers are the same object is an interpreter detail (small-int and string interning), so `x is 'a'` can be true in one run and false in another; Python warns about it (SyntaxWarning). A list, dict or set display builds a new object, so `x is []` is always false. Compare values with `==`.",
    bad: "if status is 'done':\n    finish()\n",
    good: "if status == 'done':\n    finish()\n",
    fixSafety:
      "Safe, as in Ruff: replaces `is` with `==` (`is not` with `!=`) in a two-operand comparison without comments. Identity with a literal is an interpreter detail that code cannot rely on, so value equality is what the comparison means.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        const [link] = literalComparisons(node, ["is", "is not"], isLiteralOperand);
        if (!link) return;
        const replacement = link.operator === "is" ? "==" : "!=";
        ctx.report({
          node,
          message: `\`${link.operator}\` compares identity: use \`${replacement}\` to compare with a literal`,
          fix: comparisonFix(ctx, node, link, replacement, `Replace \`${link.operator}\` with \`${replacement}\``),
        });
      },
    };
  },
});

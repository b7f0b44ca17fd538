import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { comparisonFix, literalComparisons } from "../../src/engine/comparisons.js";

/** str/bytes/number literals and tuples of them: values whose identity is an implementation detail. */
function isConstantLiteral(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  switch (n.type) {
    case "string":
      return !n.namedChildren.some((c) => c.type === "interpolation");
    case "concatenated_string":
    case "integer":
    case "float":
      return true;
    case "tuple":
      return n.namedChildren.every(isConstantLiteral);
    default:
      return false;
  }
}

export default defineCheck({
  id: "is-literal",
  codes: ["F632"],
  pylint: ["literal-comparison"],
  category: "idioms",
  severity: "error",
  fix: "sometimes",
  docs: {
    summary: "`is` / `is not` against a string, bytes or number literal.",
    why: "`is` compares identity. Whether two equal strings or numbers are the same object is an interpreter detail (small-int and string interning), so `x is 'a'` can be true in one run and false in another; Python warns about it (SyntaxWarning). Compare values with `==`.",
    bad: "if status is 'done':\n    finish()\n",
    good: "if status == 'done':\n    finish()\n",
    fixSafety: "Replaces `is` with `==` (`is not` with `!=`) in a two-operand comparison without comments.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        const [link] = literalComparisons(node, ["is", "is not"], isConstantLiteral);
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

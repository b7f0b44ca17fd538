import { defineCheck } from "../../src/engine/check.js";
import { literalComparisons } from "../../src/engine/comparisons.js";

export default defineCheck({
  id: "bool-comparison",
  codes: ["E712"],
  pylint: ["singleton-comparison"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "Comparison to `True` or `False` with `==` or `!=`.",
    why: "`if ready == True:` says the same as `if ready:` with more noise, and `== True` is also true for `1` and `1.0`. Test the value's truth directly, or use `is True` when only the bool will do.",
    bad: "if ready == True:\n    start()\n",
    good: "if ready:\n    start()\n",
    differences:
      "Ruff offers a fix that rewrites `x == True` to `x`; it is unsafe (`2 == True` is false, `2` is truthy), so peptalk reports without a suggestion.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        const links = literalComparisons(node, ["==", "!="], (n) => n.type === "true" || n.type === "false");
        if (links.length === 0) return;
        const link = links[0]!;
        const negated = (link.operator === "!=") !== (link.literal.type === "false");
        ctx.report({
          node,
          message: `Comparison to \`${link.literal.text}\` with \`${link.operator}\`: test ${negated ? "`not x`" : "`x`"} directly`,
        });
      },
    };
  },
});

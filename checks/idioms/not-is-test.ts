import { defineCheck } from "../../src/engine/check.js";
import { negatedComparison, negationFix } from "../../src/engine/negation.js";

export default defineCheck({
  id: "not-is-test",
  codes: ["E714"],
  pylint: ["unnecessary-negation"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "identity tests are negated with `is not`" },
  fix: "sometimes",
  docs: {
    summary: "`not x is y` instead of `x is not y`.",
    why: "`not x is None` invites the misreading `(not x) is None`. `x is not None` is the identity operator made for this and reads as intended.",
    bad: "if not result is None:\n    use(result)\n",
    good: "if result is not None:\n    use(result)\n",
    fixSafety:
      "Safe, as in Ruff: rewrites `not a is b` as `a is not b`, which Python compiles to the same bytecode; no fix when a comment sits inside.",
  },
  create(ctx) {
    return {
      // The house style: `x is not y` spelled as such.
      comparison_operator(node) {
        if (node.children.some((c) => c.type === "is not")) ctx.follows(node);
      },
      not_operator(not) {
        const comparison = negatedComparison(not, "is");
        if (!comparison) return;
        ctx.report({
          node: comparison,
          message: "Identity test should use `is not`",
          fix: negationFix(ctx, not, comparison, "is not", "Use `is not`"),
        });
      },
    };
  },
});

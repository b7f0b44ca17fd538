import { defineCheck } from "../../src/engine/check.js";
import { negatedComparison, negationFix } from "../../src/engine/negation.js";

export default defineCheck({
  id: "not-in-test",
  codes: ["E713"],
  pylint: ["unnecessary-negation"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "membership tests are negated with `not in`" },
  fix: "sometimes",
  docs: {
    summary: "`not x in y` instead of `x not in y`.",
    why: "`not x in y` reads as `(not x) in y` to many readers, although Python parses it as `not (x in y)`. `x not in y` is the operator made for this and says it unambiguously.",
    bad: "if not key in cache:\n    load(key)\n",
    good: "if key not in cache:\n    load(key)\n",
    fixSafety:
      "Safe, as in Ruff: rewrites `not a in b` as `a not in b`, which Python compiles to the same bytecode; no fix when a comment sits inside.",
  },
  create(ctx) {
    return {
      // The house style: `x not in y` spelled as such.
      comparison_operator(node) {
        if (node.children.some((c) => c.type === "not in")) ctx.follows(node);
      },
      not_operator(not) {
        const comparison = negatedComparison(not, "in");
        if (!comparison) return;
        ctx.report({
          node: comparison,
          message: "Membership test should use `not in`",
          fix: negationFix(ctx, not, comparison, "not in", "Use `not in`"),
        });
      },
    };
  },
});

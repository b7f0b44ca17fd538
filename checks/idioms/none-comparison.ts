import { defineCheck } from "../../src/engine/check.js";
import { comparisonFix, literalComparisons } from "../../src/engine/comparisons.js";
import type { FixSpec } from "../../src/engine/check.js";

function unsafe(fix: FixSpec | null, unsafeReason: string): FixSpec | null {
  return fix && { ...fix, safety: "unsafe", unsafeReason };
}

export default defineCheck({
  id: "none-comparison",
  codes: ["E711"],
  pylint: ["singleton-comparison"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary: "Comparison to `None` with `==` or `!=`.",
    why: "`None` is a singleton: identity (`is`) is what is meant. `==` calls `__eq__`, which a class may override (NumPy arrays and ORMs do), so `x == None` can return something other than a bool.",
    bad: "if value == None:\n    pass\n",
    good: "if value is None:\n    pass\n",
    fixSafety:
      "Unsafe, as in Ruff: `==`/`!=` call `__eq__`/`__ne__`, which a class may override, and code sometimes relies on it (SQLAlchemy's `column == None` builds `IS NULL`; `is None` would be plain `False`). Rewrites the operator when the comparison has exactly two operands and no comment.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        for (const c of literalComparisons(node, ["==", "!="], (n) => n.type === "none")) {
          const replacement = c.operator === "==" ? "is" : "is not";
          ctx.report({
            node: c.literal,
            message: `Comparison to \`None\` should be \`${replacement}\`, not \`${c.operator}\``,
            fix: unsafe(
              comparisonFix(ctx, node, c, replacement, `Replace \`${c.operator}\` with \`${replacement}\``),
              `\`${c.operator}\` calls \`${c.operator === "==" ? "__eq__" : "__ne__"}\`, which a class may override (SQLAlchemy turns \`column == None\` into \`IS NULL\`, NumPy compares element-wise): \`${replacement} None\` would not`,
            ),
          });
        }
      },
    };
  },
});

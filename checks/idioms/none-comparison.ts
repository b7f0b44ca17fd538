import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { comparisonFix, literalComparisons } from "../../src/engine/comparisons.js";
import type { FixSpec } from "../../src/engine/check.js";
import { SCOPE_TYPES } from "../../src/engine/ast.js";
import { lastName } from "../../src/engine/bindings.js";

// Calls whose arguments are SQL expressions: there `column == None` builds `IS NULL` on purpose.
const SQL_BUILDERS = new Set([
  "where",
  "filter",
  "having",
  "and_",
  "or_",
  "not_",
  "case",
  "join",
  "outerjoin",
  "on",
  "select",
  "values",
  "exclude",
  "onclause",
]);
// Operands that are SQL expressions (`t.c.id`, `self._comparator`, `bindparam(...)`).
const SQL_OPERAND = /(^|\.)c\.\w+|_comparator\b|\bbindparam\(|\bcolumn\b|\bliteral\(/;

function inSqlExpression(ctx: CheckContext, comparison: SyntaxNode): boolean {
  if (/^\s*(import|from)\s+sqlalchemy\b/m.test(ctx.source)) return true;
  if (SQL_OPERAND.test(comparison.text)) return true;
  for (let cur = comparison.parent; cur && !SCOPE_TYPES.has(cur.type); cur = cur.parent) {
    if (cur.type !== "call") continue;
    const fn = cur.childForFieldName("function");
    if (fn && SQL_BUILDERS.has(lastName(fn))) return true;
  }
  return false;
}

/** A comment on the comparison's line (or the line above) about it: `# must be != None`. */
function explained(ctx: CheckContext, comparison: SyntaxNode): boolean {
  const lines = ctx.source.split("\n");
  const row = comparison.startPosition.row;
  const candidates = [lines[comparison.endPosition.row] ?? "", lines[row - 1] ?? ""];
  return candidates.some((line) => {
    const hash = line.indexOf("#");
    return hash !== -1 && /none|==|!=/i.test(line.slice(hash));
  });
}

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
    differences:
      "Ruff's E711 also reports `== None` where it builds SQL (arguments of `.where(`, `.filter(`, `and_(`, `or_(`, `case(`..., operands such as `t.c.id`, `_comparator`, `bindparam(...)`, or any module importing `sqlalchemy`) and where a comment on the line or the line above explains it (`# must be != None`); peptalk stays quiet there, because `is None` would be a plain Python bool and break the query, or the author says the overloaded `==` is meant.",
    fixSafety:
      "Unsafe, as in Ruff: `==`/`!=` call `__eq__`/`__ne__`, which a class may override, and code sometimes relies on it (SQLAlchemy's `column == None` builds `IS NULL`; `is None` would be plain `False`). Rewrites the operator when the comparison has exactly two operands and no comment.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        if (!/==|!=/.test(node.text)) return;
        const found = literalComparisons(node, ["==", "!="], (n) => n.type === "none");
        if (found.length === 0 || inSqlExpression(ctx, node) || explained(ctx, node)) return;
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

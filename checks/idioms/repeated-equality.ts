import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks } from "../../src/engine/comparisons.js";

/** The flat operands of an `operator` chain, without recursion: chains can be 20,000 deep. */
function operands(node: SyntaxNode, operator: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const pending = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const n = unparenthesize(next);
    if (n.type !== "boolean_operator" || n.childForFieldName("operator")?.text !== operator) out.push(n);
    else pending.push(n.childForFieldName("right")!, n.childForFieldName("left")!);
  }
  return out;
}

/** Values a membership test lists as they are: literals, names and attributes. */
const SIMPLE_VALUE = new Set([
  "integer",
  "float",
  "string",
  "concatenated_string",
  "none",
  "true",
  "false",
  "unary_operator",
  "identifier",
  "attribute",
]);

/** Compared with `==` one at a time so type checkers narrow them (as Ruff, which skips them too). */
const PLATFORM_CHECKS = new Set(["sys.platform", "sys.version_info"]);

export default defineCheck({
  id: "repeated-equality",
  codes: ["PLR1714"],
  pylint: ["consider-using-in"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`x == a or x == b` instead of `x in {a, b}`.",
    why: "Repeating the subject for each alternative is noisy and easy to get wrong when one comparison is edited. A membership test lists the alternatives once.",
    bad: "if status == 'new' or status == 'open':\n    pass\n",
    good: "if status in {'new', 'open'}:\n    pass\n",
    differences:
      'Ruff\'s PLR1714 also reports comparisons against computed values (`tok != "rel:%s" % k and tok != prop.key`, calls, subscripts); peptalk stays quiet there, where the explicit comparisons read better than a tuple of expressions.',
  },
  create(ctx) {
    const visit = (node: SyntaxNode): void => {
      const op = node.childForFieldName("operator")?.text;
      if (op !== "or" && op !== "and") return;
      // Only the top of a chain of the same operator reports.
      const parent = node.parent?.type === "parenthesized_expression" ? node.parent.parent : node.parent;
      if (parent?.type === "boolean_operator" && parent.childForFieldName("operator")?.text === op) return;
      const wanted = op === "or" ? "==" : "!=";
      const subjects = new Map<string, number>();
      // The value each comparison tests the subject against, per subject text, in order.
      const values = new Map<string, SyntaxNode[]>();
      // Where in the chain each subject is compared, to require the comparisons to be adjacent.
      const positions = new Map<string, number[]>();
      const subjectNodes = new Map<string, SyntaxNode>();
      for (const [index, operand] of operands(node, op).entries()) {
        if (operand.type !== "comparison_operator") continue;
        const links = comparisonLinks(operand);
        if (links.length !== 1 || links[0]!.operator !== wanted) continue;
        const { left, right } = links[0]!;
        // `a == 0 or b == 0` shares only a literal: that is not one subject compared twice.
        const literal = (n: SyntaxNode): boolean =>
          ["integer", "float", "string", "none", "true", "false", "concatenated_string", "unary_operator"].includes(
            n.type,
          );
        // The subject must be a plain name or attribute: a call or subscript may differ between evaluations.
        const subject = (n: SyntaxNode): boolean => n.type === "identifier" || n.type === "attribute";
        if (literal(left) && literal(right)) continue;
        for (const side of [left, right]) {
          if (subject(side) && !(side === right && right.text === left.text)) {
            subjects.set(side.text, (subjects.get(side.text) ?? 0) + 1);
            values.set(side.text, [...(values.get(side.text) ?? []), side === left ? right : left]);
            positions.set(side.text, [...(positions.get(side.text) ?? []), index]);
            if (!subjectNodes.has(side.text)) subjectNodes.set(side.text, side);
          }
        }
      }
      const [subject] = [...subjects].filter(([, n]) => n >= 2).map(([s]) => s);
      if (!subject) return;
      if (PLATFORM_CHECKS.has(ctx.qualifiedName(subjectNodes.get(subject)!) ?? "")) return;
      const alternatives = values.get(subject)!;
      // Comparisons split by another clause (`e != -1 and r != -1 and e != fd`): merging reorders them.
      const at = positions.get(subject)!;
      if (at.some((p, i) => i > 0 && p !== at[i - 1]! + 1)) return;
      // Against other variables only (`f != ancestor and p != f`), the explicit form is clearer.
      if (alternatives.every((v) => unparenthesize(v).type === "identifier" && !/^[A-Z_][A-Z0-9_]*$/.test(v.text)))
        return;
      // Against computed values (`"x:%s" % k`, `f()`), the explicit comparisons read better.
      if (alternatives.some((v) => !SIMPLE_VALUE.has(unparenthesize(v).type))) return;
      const listed = alternatives.map((v) => ctx.text(v).replace(/\s*\n\s*/g, " ")).join(", ");
      ctx.report({
        node,
        message: `Merge the comparisons: \`${subject} ${op === "or" ? "in" : "not in"} (${listed})\``,
      });
    };
    return { boolean_operator: visit };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";

/** `a or b or c` → [a, b, c] (one flat `or` chain). */
function orOperands(node: SyntaxNode): SyntaxNode[] {
  const n = unparenthesize(node);
  if (n.type !== "boolean_operator" || n.childForFieldName("operator")?.text !== "or") return [n];
  return [...orOperands(n.childForFieldName("left")!), ...orOperands(n.childForFieldName("right")!)];
}

/** `isinstance(x, T)` → [x, T], for the builtin with exactly two positional arguments. */
function isinstanceArgs(ctx: CheckContext, node: SyntaxNode): [SyntaxNode, SyntaxNode] | null {
  if (node.type !== "call") return null;
  const fn = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  if (!fn || !ctx.isBuiltin(fn, "isinstance") || args?.type !== "argument_list") return null;
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  if (items.length !== 2 || items.some((c) => c.type === "keyword_argument" || c.type.endsWith("splat"))) return null;
  return [items[0]!, items[1]!];
}

export default defineCheck({
  id: "merge-isinstance",
  codes: ["SIM101"],
  pylint: ["consider-merging-isinstance"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "`isinstance(x, A) or isinstance(x, B)` instead of one call with a tuple.",
    why: "`isinstance` takes a tuple of types: `isinstance(x, (A, B))` states the alternatives once and evaluates `x` once.",
    bad: "if isinstance(value, int) or isinstance(value, float):\n    pass\n",
    good: "if isinstance(value, (int, float)):\n    pass\n",
    fixSafety:
      "Offered when the whole `or` chain is `isinstance` calls on the same name or attribute, without comments.",
  },
  create(ctx) {
    return {
      boolean_operator(node) {
        // Only the top of an `or` chain reports.
        const parent = node.parent?.type === "parenthesized_expression" ? node.parent.parent : node.parent;
        if (parent?.type === "boolean_operator" && parent.childForFieldName("operator")?.text === "or") return;
        if (node.childForFieldName("operator")?.text !== "or") return;
        const operands = orOperands(node);
        const calls = operands.map((o) => isinstanceArgs(ctx, o));
        const bySubject = new Map<string, [SyntaxNode, SyntaxNode][]>();
        for (const c of calls) if (c) bySubject.set(c[0].text, [...(bySubject.get(c[0].text) ?? []), c]);
        for (const [subject, group] of bySubject) {
          if (group.length < 2) continue;
          const whole = calls.every((c) => c && c[0].text === subject) && !hasComment(node);
          const simple = ["identifier", "attribute"].includes(group[0]![0].type);
          const types = group.flatMap(([, t]) => {
            const inner = unparenthesize(t);
            return inner.type === "tuple" ? inner.namedChildren.map((e) => e.text) : [t.text];
          });
          ctx.report({
            node,
            message: `Multiple \`isinstance\` calls for \`${subject}\`: merge them into one with a tuple`,
            fix:
              whole && simple
                ? {
                    title: "Merge the `isinstance` calls",
                    edits: [ctx.edits.replace(node, `isinstance(${subject}, (${types.join(", ")}))`)],
                  }
                : null,
          });
        }
      },
    };
  },
});

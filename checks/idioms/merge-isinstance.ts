import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";

/** `a or b or c` → [a, b, c] (one flat `or` chain), without recursion: chains can be 20,000 deep. */
function orOperands(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const pending = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const n = unparenthesize(next);
    if (n.type !== "boolean_operator" || n.childForFieldName("operator")?.text !== "or") out.push(n);
    else pending.push(n.childForFieldName("right")!, n.childForFieldName("left")!);
  }
  return out;
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
    differences:
      "Ruff's SIM101 also reports `isinstance` calls on the same value that another clause separates (`isinstance(o, A) or isinstance(o, B) and flag or isinstance(o, C)`), where merging moves a check across it, and chains holding a comment that explains the split; peptalk stays quiet there.",
    fixSafety:
      "Offered when the whole `or` chain is `isinstance` calls on the same name or attribute, without comments. Ruff marks it unsafe: the merged call evaluates every type up front, where the chain stopped at the first match (`isinstance(x, str) or isinstance(x, np.ndarray)` with `np = None` only fails after the fix), and it reads an attribute subject once instead of once per call. peptalk marks it safe when that cannot matter: the subject is a plain name and every type after the first call's is a builtin class (`int`, `float`, ...).",
  },
  create(ctx) {
    return {
      boolean_operator(node) {
        if (node.childForFieldName("operator")?.text !== "or") return;
        // Only the top of an `or` chain reports.
        const parent = node.parent?.type === "parenthesized_expression" ? node.parent.parent : node.parent;
        if (parent?.type === "boolean_operator" && parent.childForFieldName("operator")?.text === "or") return;
        const operands = orOperands(node);
        const calls = operands.map((o) => isinstanceArgs(ctx, o));
        // A comment in the chain explains why the checks are split (an ABC check kept last on purpose).
        if (node.descendantsOfType("comment").length > 0) return;
        const bySubject = new Map<string, [SyntaxNode, SyntaxNode][]>();
        const positions = new Map<string, number[]>();
        calls.forEach((c, i) => {
          if (!c) return;
          bySubject.set(c[0].text, [...(bySubject.get(c[0].text) ?? []), c]);
          positions.set(c[0].text, [...(positions.get(c[0].text) ?? []), i]);
        });
        for (const [subject, group] of bySubject) {
          if (group.length < 2) continue;
          // Only calls next to each other: merging across another clause reorders the checks.
          const at = positions.get(subject)!;
          if (at.some((p, i) => i > 0 && p !== at[i - 1]! + 1)) continue;
          const whole = calls.every((c) => c && c[0].text === subject) && !hasComment(node);
          const simple = ["identifier", "attribute"].includes(group[0]![0].type);
          const types = group.flatMap(([, t]) => {
            const inner = unparenthesize(t);
            return inner.type === "tuple" ? inner.namedChildren.map((e) => e.text) : [t.text];
          });
          // Later types used to be evaluated only when the earlier checks failed; builtin class
          // names cannot fail or have effects, anything else may.
          const eager = group.slice(1).some(([, t]) => {
            const inner = unparenthesize(t);
            const names = inner.type === "tuple" ? inner.namedChildren : [inner];
            return names.some((n) => n.type !== "identifier" || !ctx.isBuiltin(n));
          });
          const unsafeReason =
            group[0]![0].type !== "identifier"
              ? `\`${subject}\` would be read once instead of once per call, and every type evaluated before the first check`
              : eager
                ? "every type would be evaluated before the first check, where the `or` chain stopped at the first match"
                : undefined;
          ctx.report({
            node,
            message: `Multiple \`isinstance\` calls for \`${subject}\`: merge them into one with a tuple`,
            fix:
              whole && simple
                ? {
                    title: "Merge the `isinstance` calls",
                    edits: [ctx.edits.replace(node, `isinstance(${subject}, (${types.join(", ")}))`)],
                    ...(unsafeReason ? { safety: "unsafe" as const, unsafeReason } : {}),
                  }
                : null,
          });
        }
      },
    };
  },
});

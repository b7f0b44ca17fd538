import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

function isAsync(node: SyntaxNode): boolean {
  return node.children.some((c) => c.type === "async");
}

export default defineCheck({
  id: "nested-with",
  codes: ["SIM117"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`with a:` whose only statement is `with b:`.",
    why: "`with a, b:` manages both resources with one level of indentation and the same exit order; nesting adds indentation and nothing else.",
    bad: "with open(src) as fin:\n    with open(dst, 'w') as fout:\n        fout.write(fin.read())\n",
    good: "with open(src) as fin, open(dst, 'w') as fout:\n    fout.write(fin.read())\n",
  },
  create(ctx) {
    return {
      with_statement(outer) {
        const body = outer.childForFieldName("body");
        const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        const inner = statements[0];
        if (statements.length !== 1 || inner?.type !== "with_statement" || isAsync(inner) !== isAsync(outer)) return;
        // In a chain of three or more, only the outermost pair is reported (as Ruff does).
        const parentWith = outer.parent?.parent;
        if (
          parentWith?.type === "with_statement" &&
          outer.parent!.namedChildren.filter((c) => c.type !== "comment").length === 1 &&
          isAsync(parentWith) === isAsync(outer)
        )
          return;
        // A comment between the two headers would have nowhere to go.
        const header = outer.children.find((c) => c.type === ":");
        if (header && ctx.text({ start: header.endIndex, end: inner.startIndex }).includes("#")) return;
        const colon = inner.children.find((c) => c.type === ":");
        if (!colon) return;
        ctx.report({
          range: { start: outer.startIndex, end: colon.endIndex },
          message: "Use a single `with` with several context managers instead of nesting",
        });
      },
    };
  },
});

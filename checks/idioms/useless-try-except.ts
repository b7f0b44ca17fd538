import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { exceptHandlerName } from "../../src/engine/ast.js";

/** An except clause whose whole body is `raise` or `raise <its own name>`. */
function onlyReraises(clause: SyntaxNode): boolean {
  const body = clause.namedChildren.find((c) => c.type === "block");
  const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  if (statements.length !== 1 || statements[0]!.type !== "raise_statement") return false;
  const raised = statements[0]!.namedChildren.filter((c) => c.type !== "comment");
  if (raised.length === 0) return true;
  return raised.length === 1 && raised[0]!.type === "identifier" && raised[0]!.text === exceptHandlerName(clause);
}

export default defineCheck({
  id: "useless-try-except",
  codes: ["TRY203"],
  pylint: ["try-except-raise"],
  category: "idioms",
  severity: "info",
  fix: "never",
  docs: {
    summary: "An `except` clause that only re-raises what it caught.",
    why: "`except E: raise` does exactly what having no handler does, but makes readers look for a reason. Remove it, or add the handling it was meant to have.",
    bad: "try:\n    save(record)\nexcept OSError:\n    raise\n",
    good: "save(record)\n",
    differences:
      "Like Ruff, a re-raising handler is left alone when another handler of the same `try` does something (the re-raise then keeps the exception away from it).",
  },
  create(ctx) {
    return {
      try_statement(node) {
        const handlers = node.namedChildren.filter((c) => c.type === "except_clause");
        if (handlers.length === 0 || !handlers.every(onlyReraises)) return;
        for (const clause of handlers) {
          // The range ends at the `raise`, not at a trailing comment.
          const raise = clause.namedChildren
            .find((c) => c.type === "block")!
            .namedChildren.find((c) => c.type === "raise_statement")!;
          ctx.report({
            range: { start: clause.startIndex, end: raise.endIndex },
            message: "This handler only re-raises the exception: remove it",
          });
        }
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { exceptHandlerName, unparenthesize } from "../../src/engine/ast.js";

function statementsOf(clause: SyntaxNode): SyntaxNode[] {
  const body = clause.namedChildren.find((c) => c.type === "block");
  return body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
}

/** An except clause that starts with `raise` or `raise <its own name>` (anything after it is dead code). */
function onlyReraises(clause: SyntaxNode): boolean {
  const first = statementsOf(clause)[0];
  if (first?.type !== "raise_statement") return false;
  const raised = first.namedChildren.filter((c) => c.type !== "comment");
  if (raised.length === 0) return true;
  const name = raised.length === 1 ? unparenthesize(raised[0]!) : null;
  return name?.type === "identifier" && name.text === exceptHandlerName(clause);
}

export default defineCheck({
  id: "useless-try-except",
  codes: ["TRY203"],
  pylint: ["try-except-raise"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "An `except` clause that only re-raises what it caught.",
    why: "`except E: raise` does exactly what having no handler does, but makes readers look for a reason. Remove it, or add the handling it was meant to have.",
    bad: "try:\n    save(record)\nexcept OSError:\n    raise\n",
    good: "save(record)\n",
    differences:
      "Like Ruff, a re-raising handler is left alone when another handler of the same `try` does something (the re-raise then keeps the exception away from it). Unlike Ruff, a handler holding a comment (a `# TODO` placeholder) is left alone too.",
  },
  create(ctx) {
    return {
      try_statement(node) {
        const handlers = node.namedChildren.filter((c) => c.type === "except_clause");
        if (handlers.length === 0 || !handlers.every(onlyReraises)) return;
        // A comment in a handler (`# TODO - add error checking`) marks a placeholder kept on purpose.
        if (handlers.some((h) => h.descendantsOfType("comment").length > 0)) return;
        // `try`/`else` without `except` is a SyntaxError: the `else` body has to move.
        const hasElse = node.namedChildren.some((c) => c.type === "else_clause");
        const advice = hasElse
          ? "remove it and move the `else:` body to the end of the `try:` body (a `try` with `else` needs an `except`)"
          : "remove it";
        for (const clause of handlers) {
          // The range ends at the last statement, not at a trailing comment.
          const statements = statementsOf(clause);
          ctx.report({
            range: { start: clause.startIndex, end: statements[statements.length - 1]!.endIndex },
            message: `This handler only re-raises the exception: ${advice}`,
          });
        }
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { SCOPE_TYPES, exceptHandlerName, unparenthesize } from "../../src/engine/ast.js";

/** The except clause a node sits in, within the same function; null otherwise. */
function enclosingExcept(node: SyntaxNode): SyntaxNode | null {
  let child = node;
  for (let cur = node.parent; cur; child = cur, cur = cur.parent) {
    if (cur.type === "except_clause" || cur.type === "except_group_clause") return cur;
    if (SCOPE_TYPES.has(cur.type)) return null;
    // A raise in a nested `try` body is caught by that try's handlers; a `finally`, a nested
    // try's `else` or a loop's `else` is not the handler's own flow (Ruff leaves them alone too).
    if (cur.type === "try_statement" && cur.childForFieldName("body")?.id === child.id) return null;
    if (cur.type === "finally_clause" || (cur.type === "else_clause" && cur.parent?.type !== "if_statement"))
      return null;
  }
  return null;
}

export default defineCheck({
  id: "raise-without-from",
  codes: ["B904"],
  pylint: ["raise-missing-from"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "`raise NewError(...)` inside `except` without `from err` or `from None`.",
    why: 'Without `from`, the traceback says "During handling of the above exception, another exception occurred", which reads like a bug in the handler. `raise NewError(...) from err` records the cause deliberately; `from None` hides it when it is noise.',
    bad: "try:\n    value = int(text)\nexcept ValueError:\n    raise ConfigError(f'not a number: {text}')\n",
    good: "try:\n    value = int(text)\nexcept ValueError as err:\n    raise ConfigError(f'not a number: {text}') from err\n",
  },
  requires: ["raise", "except"],
  create(ctx) {
    return {
      raise_statement(node) {
        const exception = node.namedChildren.find((c) => c.type !== "comment");
        // A bare `raise`, or one with `from`, is fine.
        if (!exception || node.childForFieldName("cause") || node.children.some((c) => c.type === "from")) return;
        const clause = enclosingExcept(node);
        if (!clause) return;
        // Re-raising the caught exception itself keeps its context.
        const raised = unparenthesize(exception);
        if (raised.type === "identifier" && raised.text === exceptHandlerName(clause)) return;
        ctx.report({ node, message: "Raise inside `except` without `from err` or `from None`" });
      },
    };
  },
});

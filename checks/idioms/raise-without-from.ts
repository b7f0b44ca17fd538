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

/**
 * Whether `name` is bound by an `except ... as name` handler the node sits in (same function):
 * `raise e` then re-raises the exception being handled, even from a nested handler
 * (`except Exception as e:` / `try: import zlib` / `except ImportError: raise e`).
 */
function boundByEnclosingHandler(node: SyntaxNode, name: string): boolean {
  for (let cur = node.parent; cur && !SCOPE_TYPES.has(cur.type); cur = cur.parent) {
    if ((cur.type === "except_clause" || cur.type === "except_group_clause") && exceptHandlerName(cur) === name)
      return true;
  }
  return false;
}

// Exceptions whose chain nobody sees: SystemExit prints only its message; the iteration and
// interrupt signals are translations, not errors.
const NO_TRACEBACK = new Set([
  "SystemExit",
  "StopIteration",
  "StopAsyncIteration",
  "KeyboardInterrupt",
  "GeneratorExit",
]);

/** The class a raise names: `E` in `raise E` / `raise E(...)` / `raise mod.E(...)`. */
function raisedClass(raised: SyntaxNode): SyntaxNode | null {
  const target = raised.type === "call" ? raised.childForFieldName("function") : raised;
  return target?.type === "identifier" || target?.type === "attribute" ? target : null;
}

/** Whether the chain would add nothing a reader needs (precision.md's NOISE classes for B904). */
function chainIsNoise(raised: SyntaxNode, clause: SyntaxNode): boolean {
  const cls = raisedClass(raised);
  const name = cls ? (cls.type === "attribute" ? cls.childForFieldName("attribute")!.text : cls.text) : "";
  if (NO_TRACEBACK.has(name)) return true;
  // A private control-flow signal (`_GiveupOnFastCopy`) is caught by the caller to fall back.
  if (/^_[A-Z]/.test(name)) return true;
  // `raise self.severe(...)`: a factory of the class builds a user-facing message, not a traceback.
  const fn = raised.type === "call" ? raised.childForFieldName("function") : null;
  if (fn?.type === "attribute" && /^(self|cls)$/.test(fn.childForFieldName("object")?.text ?? "")) {
    const method = fn.childForFieldName("attribute")?.text ?? "";
    if (/^[a-z]/.test(method)) return true;
  }
  // A comment in the handler explains the translation.
  return clause.descendantsOfType("comment").length > 0;
}

export default defineCheck({
  id: "raise-without-from",
  codes: ["B904"],
  pylint: ["raise-missing-from"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "raises inside `except` say `from`" },
  fix: "never",
  // Tests raise inside handlers on purpose (to build exception contexts, to simulate failures).
  appliesTo: "non-tests",
  docs: {
    summary: "`raise NewError(...)` inside `except` without `from err` or `from None`.",
    why: 'Without `from`, the traceback says "During handling of the above exception, another exception occurred", which reads like a bug in the handler. `raise NewError(...) from err` records the cause deliberately; `from None` hides it when it is noise.',
    bad: "try:\n    value = int(text)\nexcept ValueError:\n    raise ConfigError(f'not a number: {text}')\n",
    good: "try:\n    value = int(text)\nexcept ValueError as err:\n    raise ConfigError(f'not a number: {text}') from err\n",
    differences:
      "Ruff's B904 also reports raises whose chain nobody reads: `SystemExit` (prints only its message), `StopIteration`/`StopAsyncIteration`/`KeyboardInterrupt`/`GeneratorExit` translations, a private control-flow signal (`_GiveupOnFastCopy`) the caller catches, a message built by the class's own factory (`raise self.severe(...)`), and handlers whose comment explains the translation; peptalk stays quiet there. Ruff also reports `raise e` inside a nested handler when `e` is bound by an enclosing `except ... as e` (`except Exception as e:` / `try: import zlib` / `except ImportError: raise e`): that re-raises the exception being handled, so there is no other error to chain, and peptalk says nothing. Test files are not checked: tests raise inside handlers on purpose, to build exception contexts or simulate failures.",
  },
  requires: ["raise", "except"],
  create(ctx) {
    return {
      raise_statement(node) {
        const exception = node.namedChildren.find((c) => c.type !== "comment");
        // A bare `raise`, or one with `from`, is fine; the latter is the house style where it prevails.
        if (!exception) return;
        if (node.childForFieldName("cause") || node.children.some((c) => c.type === "from")) {
          if (enclosingExcept(node)) ctx.follows(node);
          return;
        }
        const clause = enclosingExcept(node);
        if (!clause) return;
        // Re-raising the caught exception itself keeps its context.
        const raised = unparenthesize(exception);
        if (raised.type === "identifier" && boundByEnclosingHandler(node, raised.text)) return;
        if (chainIsNoise(raised, clause)) return;
        ctx.report({ node, message: "Raise inside `except` without `from err` or `from None`" });
      },
    };
  },
});

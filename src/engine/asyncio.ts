// Where code runs on an event loop: directly in the body of an `async def`.
import type { SyntaxNode } from "tree-sitter";

/** The `async def` whose own body holds `node` (not a nested def or lambda), or null. */
export function enclosingAsyncDef(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "lambda" || cur.type === "class_definition") return null;
    if (cur.type === "function_definition") return cur.children.some((c) => c.type === "async") ? cur : null;
  }
  return null;
}

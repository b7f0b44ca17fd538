// Where a def or class sits: module level, in a class, nested in a function; and whether
// Python users would call it public (no leading underscore anywhere on its path).
import type { SyntaxNode } from "tree-sitter";

/** The def/class node itself, unwrapped from a decorated_definition for parent checks. */
function outerNode(def: SyntaxNode): SyntaxNode {
  return def.parent?.type === "decorated_definition" ? def.parent : def;
}

/** The class a def is a method of (defined directly in its body), or null. */
export function owningClass(def: SyntaxNode): SyntaxNode | null {
  const block = outerNode(def).parent;
  return block?.type === "block" && block.parent?.type === "class_definition" ? block.parent : null;
}

/** Module level: directly in the module, or under module-level if/try/with blocks. */
export function isModuleLevel(node: SyntaxNode): boolean {
  for (let cur = outerNode(node).parent; cur; cur = cur.parent) {
    if (cur.type === "module") return true;
    if (cur.type === "function_definition" || cur.type === "class_definition" || cur.type === "lambda") return false;
  }
  return false;
}

export function decorators(def: SyntaxNode): string[] {
  const parent = def.parent;
  if (parent?.type !== "decorated_definition") return [];
  return parent.namedChildren.filter((c) => c.type === "decorator").map((d) => d.text.replace(/^@\s*/, ""));
}

export function nameOf(def: SyntaxNode): string {
  return def.childForFieldName("name")?.text ?? "";
}

export function isDunder(name: string): boolean {
  return /^__\w+__$/.test(name);
}

/** A public function or method: no leading underscore on it or on any class it belongs to, not nested in a function. */
export function isPublicDefinition(def: SyntaxNode): boolean {
  const name = nameOf(def);
  // `__init__` and other dunders are part of the public interface (as Ruff's ANN rules say).
  if (name.startsWith("_") && !isDunder(name)) return false;
  const klass = owningClass(def);
  if (klass) return isPublicDefinition(klass);
  return isModuleLevel(def);
}

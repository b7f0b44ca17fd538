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

/** A def decorated `@overload` / `@typing.overload`: a signature for type checkers, not code. */
export function isOverload(def: SyntaxNode): boolean {
  return decorators(def).some((d) => /(^|\.)overload$/.test(d));
}

/**
 * The implementation of an overloaded function: an earlier def of the same name in the same
 * block is an `@overload`. Its signature is deliberately loose; the overloads carry the types.
 */
export function isOverloadImplementation(def: SyntaxNode): boolean {
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  const name = nameOf(def);
  for (let prev = statement.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    const other = prev.type === "decorated_definition" ? prev.childForFieldName("definition") : null;
    if (other?.type === "function_definition" && nameOf(other) === name && isOverload(other)) return true;
  }
  return false;
}

export function nameOf(def: SyntaxNode): string {
  return def.childForFieldName("name")?.text ?? "";
}

export function isDunder(name: string): boolean {
  return /^__\w+__$/.test(name);
}

/**
 * A public function or method: no leading underscore on it or on any class it belongs to,
 * not nested in a function, and listed in the module's `__all__` when it has one (the same
 * reading as Ruff's visibility rules; like Ruff, a `_module.py` file does not make its contents private).
 */
export function isPublicDefinition(def: SyntaxNode, path?: string): boolean {
  const name = nameOf(def);
  // `__init__` and other dunders are part of the public interface (as Ruff's ANN rules say).
  if (name.startsWith("_") && !isDunder(name)) return false;
  const klass = owningClass(def);
  if (klass) return isPublicDefinition(klass, path);
  if (!isModuleLevel(def)) return false;
  const exported = moduleAll(def.tree.rootNode);
  return exported === null || exported.has(name);
}

export function isPrivateModule(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/\.pyi?$/, "");
  return base.startsWith("_") && !isDunder(base);
}

const allCache = new WeakMap<object, Set<string> | null>();

/** The names in a module-level `__all__ = [...]` of string literals, or null when there is none. */
export function moduleAll(root: SyntaxNode): Set<string> | null {
  const key = root.tree as object;
  if (allCache.has(key)) return allCache.get(key)!;
  let names: Set<string> | null = null;
  for (const statement of root.namedChildren) {
    const assignment = statement.type === "expression_statement" ? statement.namedChild(0) : null;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__all__") continue;
    const value = assignment.childForFieldName("right");
    if (!value || !["list", "tuple", "expression_list", "binary_operator"].includes(value.type)) continue;
    // `[...] + other_module.__all__`: the literal names are what is known (as in Ruff).
    names = new Set(value.descendantsOfType("string").map((c) => c.text.replace(/^[rRuU]?(['"])(.*)\1$/s, "$2")));
  }
  if (names) {
    // `__all__ += [...]` (also under `if`), as modules that extend it per platform do.
    for (const aug of root.descendantsOfType("augmented_assignment")) {
      if (aug.childForFieldName("left")?.text !== "__all__") continue;
      for (const s of aug.childForFieldName("right")?.descendantsOfType("string") ?? [])
        names.add(s.text.replace(/^[rRuU]?(['"])(.*)\1$/s, "$2"));
    }
  }
  allCache.set(key, names);
  return names;
}

/**
 * Most functions the module defines (at least half of four or more, dunders and `ignored`
 * names aside) are mixedCase: PEP 8's "prevailing style" in which mixedCase is allowed.
 */
export function mixedCasePrevails(source: string, ignored: ReadonlySet<string> = new Set()): boolean {
  const names = [...source.matchAll(/^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm)]
    .map((m) => m[1]!)
    .filter((n) => !/^__\w+__$/.test(n) && !ignored.has(n));
  const mixed = names.filter((n) => n !== n.toLowerCase()).length;
  return names.length >= 4 && mixed * 2 >= names.length;
}

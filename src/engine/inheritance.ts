// What a class inherits, as far as one file can tell: naming checks must not judge a name the
// base class dictates (`addFailure`, `handleError`, `visit_Name`), and only a base defined in
// the file (or a builtin) can be read; any other base may define anything.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "./check.js";

// Bases whose methods are known and dictate no spelling (their own names are all lower_case).
const KNOWN_PLAIN_BASES =
  /^(?:typing(?:_extensions)?\.(?:Generic|Protocol|NamedTuple|TypedDict)|abc\.ABC|builtins\.object)$/;

/** The base class expressions of a class: its superclass arguments, keywords (`metaclass=`) aside. */
export function superclasses(klass: SyntaxNode): SyntaxNode[] {
  return (klass.childForFieldName("superclasses")?.namedChildren ?? []).filter(
    (b) => b.type !== "keyword_argument" && b.type !== "comment",
  );
}

const classCache = new WeakMap<object, Map<string, SyntaxNode[]>>();

/** Every class the file defines, by name (nested ones too: a test's local base classes). */
export function classesByName(root: SyntaxNode): Map<string, SyntaxNode[]> {
  const key = root.tree as object;
  const cached = classCache.get(key);
  if (cached) return cached;
  const map = new Map<string, SyntaxNode[]>();
  for (const klass of root.descendantsOfType("class_definition")) {
    const name = klass.childForFieldName("name")?.text;
    if (!name) continue;
    const list = map.get(name) ?? [];
    list.push(klass);
    map.set(name, list);
  }
  classCache.set(key, map);
  return map;
}

/** Names a class body binds directly: methods and class attributes. */
function bodyDefines(klass: SyntaxNode, name: string): boolean {
  for (const statement of klass.childForFieldName("body")?.namedChildren ?? []) {
    const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (
      (def?.type === "function_definition" || def?.type === "class_definition") &&
      def.childForFieldName("name")?.text === name
    )
      return true;
    if (statement.type === "expression_statement") {
      const assignment = statement.namedChild(0);
      if (assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === name) return true;
    }
  }
  return false;
}

/** The classes of this file a base expression names (`Base`, `Base[T]`), or null when it is not one. */
function localClassesFor(base: SyntaxNode, classes: Map<string, SyntaxNode[]>): SyntaxNode[] | null {
  const target = base.type === "subscript" ? base.childForFieldName("value") : base;
  if (target?.type !== "identifier") return null;
  return classes.get(target.text) ?? null;
}

/** A base whose methods are known and none of which dictates a camelCase or odd name. */
function isPlainKnownBase(ctx: CheckContext, base: SyntaxNode): boolean {
  const target = base.type === "subscript" ? base.childForFieldName("value") : base;
  if (!target) return false;
  if (target.type === "identifier" && ctx.isBuiltin(target)) return true;
  const name = ctx.qualifiedName(target);
  return !!name && KNOWN_PLAIN_BASES.test(name);
}

/**
 * The class may inherit `name` from a base, which then dictates its spelling and signature:
 * a base in this file defines it (directly or through its own bases), or a base is defined
 * elsewhere (imported, an attribute, a call) and so may define anything.
 */
export function mayInherit(ctx: CheckContext, klass: SyntaxNode, name: string, seen = new Set<SyntaxNode>()): boolean {
  if (seen.has(klass)) return false;
  seen.add(klass);
  const classes = classesByName(ctx.tree.rootNode);
  for (const base of superclasses(klass)) {
    const local = localClassesFor(base, classes)?.filter((c) => c !== klass);
    if (local && local.length > 0) {
      if (local.some((c) => bodyDefines(c, name) || mayInherit(ctx, c, name, seen))) return true;
      continue;
    }
    if (!isPlainKnownBase(ctx, base)) return true;
  }
  return false;
}

/** Some base of the class, or of its bases in this file, satisfies `test` (the base expression). */
export function someAncestor(
  klass: SyntaxNode,
  test: (base: SyntaxNode) => boolean,
  seen = new Set<SyntaxNode>(),
): boolean {
  if (seen.has(klass)) return false;
  seen.add(klass);
  const classes = classesByName(klass.tree.rootNode);
  return superclasses(klass).some(
    (base) =>
      test(base) || (localClassesFor(base, classes) ?? []).some((c) => c !== klass && someAncestor(c, test, seen)),
  );
}

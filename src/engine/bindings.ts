// What a local name was bound to (used by the concurrency and performance checks): the binding
// sites of a name in one scope and the value of each plain `name = value` assignment.
// Precision first: any binding other than a plain assignment has no known value.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "./check.js";
import { SCOPE_TYPES, enclosingScope, unparenthesize, walkScope } from "./ast.js";
import { targetNames } from "./names.js";

export interface BindingSite {
  /** The identifier that binds the name. */
  id: SyntaxNode;
  /** The assigned value for `name = value` / `name: T = value` with one plain target; else null. */
  value: SyntaxNode | null;
}

/** `name` or `(name)` as the whole target of an assignment. */
function soleTarget(left: SyntaxNode): SyntaxNode | null {
  if (left.type === "identifier") return left;
  // tree-sitter reads `(t) = v` as a one-element tuple pattern; Python reads a plain name.
  if ((left.type === "tuple_pattern" || left.type === "parenthesized_expression") && !left.text.includes(",")) {
    const inner = left.namedChildren.filter((c) => c.type !== "comment");
    return inner.length === 1 ? soleTarget(inner[0]!) : null;
  }
  return null;
}

/** The scope node (def, lambda, class or module root) that owns the binding identifier `id`. */
export function bindingScope(id: SyntaxNode): SyntaxNode {
  const parent = id.parent;
  // A def's or class's name is bound in the scope around it.
  const holder = parent && SCOPE_TYPES.has(parent.type) && parent.childForFieldName("name")?.id === id.id ? parent : id;
  return enclosingScope(holder) ?? id.tree.rootNode;
}

/** The scope a node's own code runs in (def, lambda, class, or the module root). */
export function scopeOf(node: SyntaxNode): SyntaxNode {
  return enclosingScope(node) ?? node.tree.rootNode;
}

/**
 * Every site in `scope` (not in nested scopes) that binds `name`, in document order; null
 * when the name is declared `global`/`nonlocal` there (its bindings live elsewhere).
 */
export function bindingSites(scope: SyntaxNode, name: string): BindingSite[] | null {
  const sites: BindingSite[] = [];
  let escapes = false;
  if (scope.type === "function_definition" || scope.type === "lambda") {
    const params = scope.childForFieldName("parameters");
    for (const id of params?.descendantsOfType("identifier") ?? []) {
      // Parameter names, not their annotations or defaults.
      const p = id.parent!;
      const isName =
        p.type === "parameters" ||
        p.type === "lambda_parameters" ||
        p.type.endsWith("splat_pattern") ||
        ((p.type === "default_parameter" || p.type === "typed_default_parameter") &&
          p.childForFieldName("name")?.id === id.id) ||
        (p.type === "typed_parameter" && p.namedChild(0)?.id === id.id);
      if (isName && id.text === name) sites.push({ id, value: null });
    }
  }
  const body = scope.type === "module" ? scope : scope.childForFieldName("body");
  if (!body) return sites;
  const add = (ids: SyntaxNode[], value: SyntaxNode | null): void => {
    for (const id of ids) if (id.text === name) sites.push({ id, value });
  };
  walkScope(body, (n) => {
    if (escapes) return false;
    switch (n.type) {
      case "function_definition":
      case "class_definition":
        if (n.id !== body.id) {
          const id = n.childForFieldName("name");
          if (id) add([id], null);
        }
        return;
      case "assignment": {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        if (!left) return;
        const sole = soleTarget(left);
        // `a = b = v`: each target gets v, but keep it simple: no known value.
        const chained = right?.type === "assignment" || n.parent?.type === "assignment";
        if (sole) add([sole], right && !chained ? unparenthesize(right) : null);
        else add(targetNames(left), null);
        return;
      }
      case "augmented_assignment":
      case "for_statement": {
        const left = n.childForFieldName("left");
        if (left) add(targetNames(left), null);
        return;
      }
      case "as_pattern": {
        const alias = n.childForFieldName("alias");
        if (alias) add(targetNames(alias), null);
        return;
      }
      case "named_expression": {
        const id = n.childForFieldName("name");
        if (id) add([id], null);
        return;
      }
      case "delete_statement":
        add(n.namedChildren.flatMap(targetNames), null);
        return;
      case "import_statement":
      case "import_from_statement":
        for (const item of n.childrenForFieldName("name")) {
          const id = item.type === "aliased_import" ? item.childForFieldName("alias") : (item.namedChild(0) ?? item);
          if (id) add([id], null);
        }
        return;
      case "global_statement":
      case "nonlocal_statement":
        if (n.namedChildren.some((c) => c.text === name)) escapes = true;
        return;
    }
    return;
  });
  return escapes ? null : sites;
}

/**
 * The bindings a use of the identifier `use` can see: all sites of its name in the scope it
 * resolves to. Null when the name is not a local/module binding (an import, a builtin, unknown).
 */
export function visibleBindings(
  ctx: CheckContext,
  use: SyntaxNode,
): { scope: SyntaxNode; sites: BindingSite[] } | null {
  const binding = ctx.names.lookup(use.text, use);
  if (binding?.kind !== "local") return null;
  const scope = bindingScope(binding.node);
  const sites = bindingSites(scope, use.text);
  return sites && sites.length > 0 ? { scope, sites } : null;
}

/** Whether every binding `use` can see is a plain assignment whose value satisfies `test`. */
export function alwaysAssigned(ctx: CheckContext, use: SyntaxNode, test: (value: SyntaxNode) => boolean): boolean {
  const found = visibleBindings(ctx, use);
  return !!found && found.sites.every((s) => s.value !== null && test(s.value));
}

/** The qualified name of the function a call calls, or null. */
export function calledName(ctx: CheckContext, node: SyntaxNode | null): string | null {
  const call = node ? unparenthesize(node) : null;
  if (call?.type !== "call") return null;
  const fn = call.childForFieldName("function");
  return fn ? ctx.qualifiedName(fn) : null;
}

/** The expression a statement consists of, when it is a single expression (not an assignment). */
export function statementExpression(statement: SyntaxNode): SyntaxNode | null {
  if (statement.type !== "expression_statement") return null;
  const children = statement.namedChildren.filter((c) => c.type !== "comment");
  if (children.length !== 1) return null;
  return unparenthesize(children[0]!);
}

/** Whether `node` is a statement expression: its value is computed and dropped. */
export function isDropped(node: SyntaxNode): boolean {
  let cur = node;
  while (cur.parent?.type === "parenthesized_expression") cur = cur.parent;
  return cur.parent?.type === "expression_statement" && statementExpression(cur.parent)?.id === node.id;
}

const EXPECTING = /(^|\.)(assertRaises\w*|assertWarns\w*|raises|warns|deprecated_call|catch_warnings|check_warnings)$/;

/**
 * Whether `node` runs inside `with self.assertRaises(...)`, `pytest.raises(...)`, `warnings.catch_warnings()`
 * and the like (in its own scope): code that a test expects to fail or to warn.
 */
export function insideExpectedFailure(node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (SCOPE_TYPES.has(cur.type)) return false;
    if (cur.type !== "with_statement") continue;
    const clause = cur.namedChildren.find((c) => c.type === "with_clause");
    for (const call of clause?.descendantsOfType("call") ?? []) {
      const fn = call.childForFieldName("function");
      if (fn && EXPECTING.test(fn.text)) return true;
    }
  }
  return false;
}

/** The last name of a callee (`b` in `a.b`, `f` in `f`): a cheap filter before resolving names. */
export function lastName(fn: SyntaxNode): string {
  if (fn.type === "identifier") return fn.text;
  if (fn.type === "attribute") return fn.childForFieldName("attribute")?.text ?? "";
  return "";
}

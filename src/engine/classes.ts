// Mutable values and class-body helpers, shared by the mutable-default and class-attribute checks.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "./check.js";
import { unparenthesize } from "./ast.js";

export const MUTABLE_DISPLAYS = new Set([
  "list",
  "dictionary",
  "set",
  "list_comprehension",
  "dictionary_comprehension",
  "set_comprehension",
]);
export const MUTABLE_CALLS = new Set([
  "list",
  "dict",
  "set",
  "collections.Counter",
  "collections.OrderedDict",
  "collections.defaultdict",
  "collections.deque",
]);

/** A list/dict/set display or comprehension, or a call to a mutable constructor. */
export function isMutableValue(ctx: CheckContext, value: SyntaxNode, displaysOnly = false): boolean {
  const node = unparenthesize(value);
  if (MUTABLE_DISPLAYS.has(node.type)) return true;
  if (displaysOnly || node.type !== "call") return false;
  const fn = node.childForFieldName("function");
  const name = fn && ctx.qualifiedName(fn);
  return !!name && MUTABLE_CALLS.has(name);
}

/** The decorated class's decorators' texts, or [] for a plain class. */
export function decoratorsOf(klass: SyntaxNode): SyntaxNode[] {
  const parent = klass.parent;
  return parent?.type === "decorated_definition" ? parent.namedChildren.filter((c) => c.type === "decorator") : [];
}

/** `@dataclass`, `@dataclasses.dataclass(...)`, attrs' `@define`/`@attr.s` style decorators. */
export function isDataclass(ctx: CheckContext, klass: SyntaxNode): boolean {
  return decoratorsOf(klass).some((d) => {
    const expr = d.namedChild(0);
    const target = expr?.type === "call" ? expr.childForFieldName("function") : expr;
    const name = target && ctx.qualifiedName(target);
    return name === "dataclasses.dataclass";
  });
}

/** Assignments directly in a class body: [statement's assignment node, target, annotation, value]. */
export function classAttributes(
  klass: SyntaxNode,
): { node: SyntaxNode; target: SyntaxNode; annotation: SyntaxNode | null; value: SyntaxNode }[] {
  const body = klass.childForFieldName("body");
  const out = [];
  for (const statement of body?.namedChildren ?? []) {
    if (statement.type !== "expression_statement") continue;
    const assignment = statement.namedChild(0);
    if (assignment?.type !== "assignment") continue;
    const target = assignment.childForFieldName("left");
    const value = assignment.childForFieldName("right");
    if (!target || !value) continue;
    out.push({ node: assignment, target, annotation: assignment.childForFieldName("type"), value });
  }
  return out;
}

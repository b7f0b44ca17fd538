// Parameter defaults: shared by mutable-default-argument (B006) and function-call-default-argument (B008).
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "./check.js";
import { unparenthesize } from "./ast.js";

// Annotations that promise the default is never mutated. The same set as Ruff's
// immutable-annotation reading, so that both checks agree with B006/B008.
const IMMUTABLE_TYPES = new Set([
  "bool",
  "bytes",
  "complex",
  "float",
  "frozenset",
  "int",
  "object",
  "range",
  "str",
  "tuple",
  ...[
    "AbstractSet",
    "ByteString",
    "Callable",
    "Collection",
    "Container",
    "FrozenSet",
    "Iterable",
    "Literal",
    "LiteralString",
    "Mapping",
    "Never",
    "NoReturn",
    "Reversible",
    "Sequence",
    "Sized",
    "Tuple",
  ].map((n) => `typing.${n}`),
  ...["ByteString", "Collection", "Container", "Iterable", "Mapping", "Reversible", "Sequence", "Set", "Sized"].map(
    (n) => `collections.abc.${n}`,
  ),
]);

/** The base and type arguments of `X[a, b]`, in either of tree-sitter's spellings. */
function genericParts(node: SyntaxNode): { base: SyntaxNode; args: SyntaxNode[] } | null {
  if (node.type === "generic_type") {
    const base = node.namedChild(0);
    const params = node.namedChildren.find((c) => c.type === "type_parameter");
    return base ? { base, args: params?.namedChildren ?? [] } : null;
  }
  if (node.type === "subscript") {
    const base = node.childForFieldName("value");
    return base ? { base, args: node.childrenForFieldName("subscript") } : null;
  }
  return null;
}

/**
 * The parameter's annotation promises its value is never mutated: an immutable type, or
 * `Optional`/`Union`/`|` of such types and `None`, or `Annotated[T, ...]` of one.
 */
export function isImmutableAnnotation(ctx: CheckContext, annotation: SyntaxNode | null, depth = 0): boolean {
  if (!annotation || depth > 8) return false;
  const node = unparenthesize(annotation.type === "type" ? (annotation.namedChild(0) ?? annotation) : annotation);
  const all = (list: SyntaxNode[]): boolean =>
    list.length > 0 && list.every((p) => isImmutableAnnotation(ctx, p, depth + 1));
  if (node.type === "none") return true;
  if (node.type === "union_type") return all(node.namedChildren);
  if (node.type === "binary_operator" && node.childForFieldName("operator")?.type === "|")
    return all([node.childForFieldName("left")!, node.childForFieldName("right")!]);
  const generic = genericParts(node);
  const name = ctx.qualifiedName(generic ? generic.base : node);
  if (!name) return false;
  if (generic && (name === "typing.Optional" || name === "typing.Union")) return all(generic.args);
  if (generic && name === "typing.Annotated") return isImmutableAnnotation(ctx, generic.args[0] ?? null, depth + 1);
  return IMMUTABLE_TYPES.has(name);
}

/** The parameter has an immutable annotation (see isImmutableAnnotation). */
export function hasImmutableAnnotation(ctx: CheckContext, param: SyntaxNode): boolean {
  return isImmutableAnnotation(ctx, param.childForFieldName("type"));
}

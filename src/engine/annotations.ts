// Reading type annotations: `X[...]` in both tree shapes tree-sitter gives them.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "./check.js";

/** `Optional[int]` (generic_type) or `typing.Optional[int]` (subscript) → head and arguments. */
export function subscriptParts(node: SyntaxNode): { head: SyntaxNode; args: SyntaxNode[] } | null {
  if (node.type === "generic_type") {
    const head = node.namedChild(0);
    const params = node.namedChildren.find((c) => c.type === "type_parameter");
    if (!head || !params) return null;
    return { head, args: params.namedChildren.filter((c) => c.type !== "comment") };
  }
  if (node.type === "subscript") {
    const head = node.childForFieldName("value");
    if (!head) return null;
    return { head, args: node.childrenForFieldName("subscript") };
  }
  return null;
}

/** The expression inside a `type` node. */
export function typeExpression(node: SyntaxNode | null): SyntaxNode | null {
  if (!node) return null;
  return node.type === "type" ? (node.namedChild(0) ?? null) : node;
}

/** The qualified name an annotation's head refers to: `typing.Optional`, `list`, ... */
export function annotationName(ctx: CheckContext, node: SyntaxNode): string | null {
  return ctx.qualifiedName(node);
}

/** Whether an annotation already admits None: Optional[...], Union[..., None], `X | None`, None, Any, object, Hashable. */
export function admitsNone(ctx: CheckContext, annotation: SyntaxNode): boolean {
  const node = typeExpression(annotation);
  if (!node) return true;
  if (node.type === "none") return true;
  if (node.type === "string") return true; // a forward reference: not read here
  if (node.type === "binary_operator")
    return admitsNone(ctx, node.childForFieldName("left")!) || admitsNone(ctx, node.childForFieldName("right")!);
  if (node.type === "identifier" || node.type === "attribute") {
    const name = annotationName(ctx, node) ?? node.text;
    // `None` is hashable: `bind_to: Hashable = None` is a type-correct default (dask).
    if (/^(typing|typing_extensions|collections\.abc)\.Hashable$/.test(name)) return true;
    return /(^|\.)(Any|object|Optional)$/.test(name) || name === "None";
  }
  const parts = subscriptParts(node);
  if (parts) {
    const head = annotationName(ctx, parts.head) ?? parts.head.text;
    if (/(^|\.)Optional$/.test(head)) return true;
    if (/(^|\.)(Union)$/.test(head)) return parts.args.some((a) => admitsNone(ctx, a));
    // Annotated[T, ...] admits None when T does.
    if (/(^|\.)Annotated$/.test(head) && parts.args[0]) return admitsNone(ctx, parts.args[0]);
    return false;
  }
  return true;
}

/**
 * The def opts out of type checking or carries its types elsewhere: `# type: ignore` on its
 * header, or a PEP 484 type comment (`# type: (int) -> str`). Annotation rules say nothing there.
 */
export function typedByComment(ctx: CheckContext, def: SyntaxNode): boolean {
  const body = def.childForFieldName("body");
  const header = ctx.source.slice(def.startIndex, body ? body.startIndex : def.endIndex);
  if (/#\s*type:\s*ignore\b/.test(header)) return true;
  // A type comment sits on the line after the header, as the body's first line.
  const first = body?.namedChild(0);
  return first?.type === "comment" ? /^#\s*type:\s*\(/.test(first.text) : /#\s*type:\s*\(/.test(header);
}

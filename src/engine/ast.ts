// Small helpers over tree-sitter-python nodes that many checks share.
import { anyWithin } from "./text.js";
import type { SyntaxNode } from "tree-sitter";

export const FUNCTION_SCOPES = new Set(["function_definition", "lambda"]);
export const SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition"]);
const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/** `a.b.c` → ["a","b","c"]; null when the expression is not a plain dotted name. */
export function dottedParts(node: SyntaxNode): string[] | null {
  // From the last attribute inwards, without recursion: chains can be thousands long.
  const tail: string[] = [];
  let cur = node;
  while (cur.type === "attribute") {
    const object = cur.childForFieldName("object");
    const attribute = cur.childForFieldName("attribute");
    if (!object || !attribute) return null;
    tail.push(attribute.text);
    cur = object;
  }
  let head: string[];
  if (cur.type === "identifier") head = [cur.text];
  else if (cur.type === "dotted_name") head = cur.namedChildren.map((c) => c.text);
  else return null;
  return head.concat(tail.reverse());
}

/** The nearest enclosing def/lambda/class, or null at module level. */
export function enclosingScope(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (SCOPE_TYPES.has(cur.type)) return cur;
  }
  return null;
}

/** The nearest enclosing function (def or lambda), skipping classes. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (FUNCTION_SCOPES.has(cur.type)) return cur;
  }
  return null;
}

/** The `def` a node sits in, directly (not in a nested def, lambda or class). */
export function enclosingDef(node: SyntaxNode): SyntaxNode | null {
  const scope = enclosingScope(node);
  return scope?.type === "function_definition" ? scope : null;
}

export function isAsyncDef(def: SyntaxNode | null): boolean {
  return !!def && def.type === "function_definition" && def.children.some((c) => c.type === "async");
}

/** Whether `node` is inside a comprehension (its own scope in Python 3). */
export function insideComprehension(node: SyntaxNode, stopAt?: SyntaxNode | null): boolean {
  for (let cur = node.parent; cur && cur !== stopAt; cur = cur.parent) {
    if (COMPREHENSIONS.has(cur.type)) return true;
  }
  return false;
}

/** Walk a subtree depth-first. Return false from `visit` to skip a node's children. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const cursor = node.walk();
  let depth = 0;
  let descend = true;
  for (;;) {
    if (descend) {
      const keep = visit(cursor.currentNode);
      if (keep !== false && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
    }
    if (depth === 0) return;
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    cursor.gotoParent();
    depth--;
    descend = false;
    if (depth === 0) return;
  }
}

/** Descendants of `node` that are not inside a nested def, lambda or class body. */
export function walkScope(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  walk(node, (n) => {
    if (n.id !== node.id && SCOPE_TYPES.has(n.type)) {
      visit(n);
      return false;
    }
    return visit(n);
  });
}

/** The value of a plain (non-f, non-concatenated) string literal, or null. */
export function stringLiteralValue(node: SyntaxNode): string | null {
  if (node.type !== "string") return null;
  const start = node.child(0);
  if (!start || start.type !== "string_start") return null;
  if (/[fFtT]/.test(start.text)) {
    if (node.namedChildren.some((c) => c.type === "interpolation")) return null;
  }
  return node.namedChildren
    .filter((c) => c.type === "string_content")
    .map((c) => c.text)
    .join("");
}

export function isStringNode(node: SyntaxNode): boolean {
  return node.type === "string" || node.type === "concatenated_string";
}

/** Call arguments split into positional and keyword arguments. */
export function callArguments(call: SyntaxNode): {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  hasStar: boolean;
} {
  const args = call.childForFieldName("arguments");
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let hasStar = false;
  if (!args || args.type !== "argument_list") return { positional, keywords, hasStar };
  for (const arg of args.namedChildren) {
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name");
      const value = arg.childForFieldName("value");
      if (name && value) keywords.set(name.text, value);
    } else if (arg.type === "list_splat" || arg.type === "dictionary_splat") {
      hasStar = true;
    } else if (arg.type !== "comment") {
      positional.push(arg);
    }
  }
  return { positional, keywords, hasStar };
}

/** Strip redundant parentheses: `((x))` → `x`. */
export function unparenthesize(node: SyntaxNode): SyntaxNode {
  let cur = node;
  while (cur.type === "parenthesized_expression" && cur.namedChildCount === 1) {
    const inner = cur.namedChild(0);
    if (!inner || inner.type === "comment") break;
    cur = inner;
  }
  return cur;
}

/** The statement a node belongs to: the nearest ancestor whose parent is a block or module. */
export function enclosingStatement(node: SyntaxNode): SyntaxNode {
  let cur = node;
  while (cur.parent && cur.parent.type !== "block" && cur.parent.type !== "module") cur = cur.parent;
  return cur;
}

const commentStarts = new WeakMap<object, number[]>();

/**
 * Whether a comment lies inside `node`. The tree's comments are listed once and searched by
 * position: asking each of 2,000 nested comprehensions for its own would cost the square.
 */
export function hasComment(node: SyntaxNode): boolean {
  let starts = commentStarts.get(node.tree);
  if (!starts) {
    starts = node.tree.rootNode.descendantsOfType("comment").map((c) => c.startIndex);
    commentStarts.set(node.tree, starts);
  }
  return anyWithin(starts, node.startIndex, node.endIndex);
}

/** Indentation (leading whitespace) of the line that contains `offset`. */
export function indentationAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  const match = /^[ \t]*/.exec(source.slice(lineStart));
  return match ? match[0] : "";
}

/** The name an `except E as name:` clause binds, or null. */
export function exceptHandlerName(clause: SyntaxNode): string | null {
  const pattern = clause.namedChildren.find((c) => c.type === "as_pattern");
  const alias = pattern?.childForFieldName("alias");
  return alias?.namedChild(0)?.text ?? alias?.text ?? null;
}

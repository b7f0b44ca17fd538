// One tree-sitter parser per thread, reused for every file (building one is costly).
import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import type { SyntaxNode, Tree } from "tree-sitter";

// The native binding's prototypes are patched when tree-sitter's index.js loads; loading it
// a second time in one process breaks every tree. Jest gives each test file its own module
// registry and its own globalThis, but shares the outer realm's `Buffer` constructor, so the
// loaded parser is kept there: once per process, whoever imports this module.
const KEY = Symbol.for("peptalk.tree-sitter");
type Loaded = { parser: Parser };

// Every accessor of a node crosses into native code and back (marshalling the node each
// time). Trees are never edited here, so what a node answers once stays true: each node
// object (tree-sitter hands out one object per node) keeps its answers. Cached arrays are
// frozen so no check can change what the next one sees.
const MEMO = Symbol("peptalk.node-memo");
const MEMOIZED_GETTERS = [
  "type",
  "startIndex",
  "endIndex",
  "parent",
  "children",
  "namedChildren",
  "childCount",
  "namedChildCount",
  "hasError",
  "isNamed",
  "isMissing",
  "text",
  "startPosition",
  "endPosition",
];

type Memo = Record<string, unknown> & { fields?: Map<string, unknown> };

function memoOf(node: object): Memo {
  const holder = node as { [MEMO]?: Memo };
  return (holder[MEMO] ??= {});
}

function memoizeNodeAccessors(SyntaxNodeClass: { prototype: object }): void {
  const proto = SyntaxNodeClass.prototype as Record<string, unknown>;
  for (const name of MEMOIZED_GETTERS) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    const get = descriptor?.get;
    if (!get) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: object) {
        const memo = memoOf(this);
        if (name in memo) return memo[name];
        let value = get.call(this) as unknown;
        if (Array.isArray(value) || (value && typeof value === "object" && !("tree" in value)))
          value = Object.freeze(value);
        memo[name] = value;
        return value;
      },
    });
  }
  const childForFieldName = proto["childForFieldName"] as (this: object, field: string) => unknown;
  proto["childForFieldName"] = function (this: object, field: string): unknown {
    const memo = memoOf(this);
    const fields = (memo.fields ??= new Map());
    if (fields.has(field)) return fields.get(field);
    const child = childForFieldName.call(this, field);
    fields.set(field, child);
    return child;
  };
}

function parser(): Parser {
  const holder = Buffer as unknown as Record<symbol, Loaded | undefined>;
  let loaded = holder[KEY];
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const ParserClass = require("tree-sitter") as typeof Parser;
    memoizeNodeAccessors((ParserClass as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode);
    const python = require("tree-sitter-python") as Parser.Language;
    const instance = new ParserClass();
    instance.setLanguage(python);
    loaded = { parser: instance };
    holder[KEY] = loaded;
  }
  return loaded.parser;
}

export function parsePython(source: string): Tree {
  return parser().parse(source);
}

/** The first ERROR or MISSING node in document order, or null when the tree is clean. */
export function firstSyntaxError(root: SyntaxNode): SyntaxNode | null {
  if (!root.hasError) return null;
  const cursor = root.walk();
  for (;;) {
    const node = cursor.currentNode;
    if (node.type === "ERROR" || node.isMissing) return node;
    // Only descend into subtrees that contain an error.
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return null;
    }
  }
}

/** How many ERROR and MISSING nodes a tree has: a fix must not add any. */
export function countSyntaxErrors(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  let count = 0;
  const cursor = root.walk();
  for (;;) {
    const node = cursor.currentNode;
    if (node.type === "ERROR" || node.isMissing) count++;
    if (node.hasError && node.type !== "ERROR" && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return count;
    }
  }
}

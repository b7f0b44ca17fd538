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

function parser(): Parser {
  const holder = Buffer as unknown as Record<symbol, Loaded | undefined>;
  let loaded = holder[KEY];
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const ParserClass = require("tree-sitter") as typeof Parser;
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

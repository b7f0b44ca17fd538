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

// node-tree-sitter keeps a native weak reference and finalizer for every node object it hands
// out, so that asking for the same node twice gives the same object. That bookkeeping costs more
// than the node itself and keeps the collector busy, so it is switched off and identity is kept
// here instead: every accessor that returns nodes returns the one object this tree already has
// for that node id (`a === b` holds for the same node however it was reached).
const CANONICAL = Symbol("peptalk.nodes");
const ID_HIGH = 2 ** 32;
type NodeFields = Record<number, number> & { tree: Record<symbol, Map<number, object> | undefined> };

function canonicalNode(node: object | null | undefined): object | null | undefined {
  if (!node) return node;
  const fields = node as NodeFields;
  const known = (fields.tree[CANONICAL] ??= new Map());
  const id = fields[0]! + fields[1]! * ID_HIGH;
  const existing = known.get(id);
  if (existing) return existing;
  known.set(id, node);
  return node;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = canonicalNode(value[i] as object | null);
    return value;
  }
  return value && typeof value === "object" && "tree" in value ? canonicalNode(value) : value;
}

// Every accessor of a node crosses into native code and back (marshalling the node each time).
// Trees are not edited while checks read them, so what a node answers once stays true: each
// node object keeps its answers. Cached arrays are frozen so no check can change what the next
// one sees.
const MEMO = Symbol("peptalk.node-memo");
const MEMOIZED_GETTERS = [
  "type",
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
  "endPosition",
];
const NODE_GETTERS = [
  "firstChild",
  "lastChild",
  "firstNamedChild",
  "lastNamedChild",
  "nextSibling",
  "previousSibling",
  "nextNamedSibling",
  "previousNamedSibling",
];
const NODE_METHODS = [
  "child",
  "namedChild",
  "childrenForFieldName",
  "childForFieldId",
  "childrenForFieldId",
  "descendantsOfType",
  "descendantForIndex",
  "namedDescendantForIndex",
  "descendantForPosition",
  "namedDescendantForPosition",
  "closest",
  "firstChildForIndex",
  "firstNamedChildForIndex",
  "childWithDescendant",
];

type Memo = Record<string, unknown> & { fields?: Map<string, unknown> };

function memoOf(node: object): Memo {
  const holder = node as { [MEMO]?: Memo };
  return (holder[MEMO] ??= {});
}

function wrapGetter(proto: object, name: string, wrap: (get: () => unknown) => (this: object) => unknown): void {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get) Object.defineProperty(proto, name, { configurable: true, enumerable: true, get: wrap(get) });
}

function patchNodeAccessors(SyntaxNodeClass: { prototype: object }): void {
  const proto = SyntaxNodeClass.prototype as Record<string, unknown>;
  for (const name of MEMOIZED_GETTERS) {
    wrapGetter(
      proto,
      name,
      (get) =>
        function (this: object) {
          const memo = memoOf(this);
          if (name in memo) return memo[name];
          let value = canonical(get.call(this));
          if (Array.isArray(value) || (value && typeof value === "object" && !("tree" in value)))
            value = Object.freeze(value);
          memo[name] = value;
          return value;
        },
    );
  }
  for (const name of NODE_GETTERS)
    wrapGetter(
      proto,
      name,
      (get) =>
        function (this: object) {
          return canonical(get.call(this));
        },
    );
  for (const name of NODE_METHODS) {
    const method = proto[name] as ((this: object, ...args: unknown[]) => unknown) | undefined;
    if (method)
      proto[name] = function (this: object, ...args: unknown[]): unknown {
        return canonical(method.apply(this, args));
      };
  }
  const childForFieldName = proto["childForFieldName"] as (this: object, field: string) => unknown;
  proto["childForFieldName"] = function (this: object, field: string): unknown {
    const memo = memoOf(this);
    const fields = (memo.fields ??= new Map());
    if (fields.has(field)) return fields.get(field);
    const child = canonical(childForFieldName.call(this, field));
    fields.set(field, child);
    return child;
  };
  // A marshalled node carries [id low, id high, start byte, start row, start column (bytes),
  // alias]; strings are parsed as UTF-16, so bytes are twice the code units. These answers need
  // no call into native code.
  Object.defineProperties(proto, {
    id: {
      configurable: true,
      get(this: NodeFields) {
        return this[0]! + this[1]! * ID_HIGH;
      },
    },
    startIndex: {
      configurable: true,
      get(this: NodeFields) {
        return this[2]! / 2;
      },
    },
    startPosition: {
      configurable: true,
      get(this: NodeFields) {
        return { row: this[3]!, column: this[4]! / 2 };
      },
    },
  });
}

/**
 * The per-type node classes' field getters (`bodyNode`, `argumentsNodes`, …) return canonical
 * nodes too. Their getters cannot be redefined, so each class is replaced by a subclass that
 * overrides them (node-tree-sitter builds nodes from this table).
 */
function patchFieldGetters(language: { nodeSubclasses?: (new (...args: unknown[]) => object)[] }): void {
  const classes = language.nodeSubclasses ?? [];
  const replaced = new Map<object, new (...args: unknown[]) => object>();
  for (let i = 0; i < classes.length; i++) {
    const Original = classes[i]!;
    let Patched = replaced.get(Original);
    if (!Patched) {
      Patched = class extends Original {};
      for (const name of Object.getOwnPropertyNames(Original.prototype)) {
        const get = Object.getOwnPropertyDescriptor(Original.prototype, name)?.get;
        if (get && (name.endsWith("Node") || name.endsWith("Nodes")))
          Object.defineProperty(Patched.prototype, name, {
            configurable: true,
            get(this: object) {
              return canonical(get.call(this));
            },
          });
      }
      replaced.set(Original, Patched);
    }
    classes[i] = Patched;
  }
}

function patchTreeAccessors(TreeClass: { prototype: object }, TreeCursorClass: { prototype: object }): void {
  const proto = TreeClass.prototype as Record<string, unknown>;
  proto["_cacheNode"] = () => undefined;
  proto["_cacheNodes"] = () => undefined;
  for (const [klass, name] of [
    [TreeClass, "rootNode"],
    [TreeCursorClass, "currentNode"],
  ] as const)
    wrapGetter(
      klass.prototype,
      name,
      (get) =>
        function (this: object) {
          return canonical(get.call(this));
        },
    );
}

function parser(): Parser {
  const holder = Buffer as unknown as Record<symbol, Loaded | undefined>;
  let loaded = holder[KEY];
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const ParserClass = require("tree-sitter") as typeof Parser;
    const binding = ParserClass as unknown as Record<"SyntaxNode" | "Tree" | "TreeCursor", { prototype: object }>;
    patchNodeAccessors(binding.SyntaxNode);
    patchTreeAccessors(binding.Tree, binding.TreeCursor);
    const python = require("tree-sitter-python") as Parser.Language;
    const instance = new ParserClass();
    instance.setLanguage(python);
    patchFieldGetters(python as unknown as Parameters<typeof patchFieldGetters>[0]);
    loaded = { parser: instance };
    holder[KEY] = loaded;
  }
  return loaded.parser;
}

/** Parse a file; given the edited tree of an earlier version, only the changed parts are re-parsed. */
export function parsePython(source: string, oldTree?: Tree): Tree {
  return parser().parse(source, oldTree);
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

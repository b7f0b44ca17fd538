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

// Asking tree-sitter for the nodes of some types walks the whole subtree and marshals every
// match, and checks ask again for each function, loop or class they look at. The runner fetches
// every node of the types checks subscribe to (and those scope analysis needs) in one call and
// keeps them on the tree in document order; a later request for only those types, on any node,
// is answered from that list by position.
const NODE_INDEX = Symbol("peptalk.node-index");
interface NodeIndex {
  types: ReadonlySet<string>;
  nodes: readonly SyntaxNode[];
  rootId: number;
}
type IndexedTree = { [NODE_INDEX]?: NodeIndex };

/** Fetch every node of `types` in document order, and answer later requests for them from it. */
export function indexNodesOfTypes(tree: Tree, types: readonly string[]): readonly SyntaxNode[] {
  const root = tree.rootNode;
  const nodes = root.descendantsOfType([...types]);
  (tree as unknown as IndexedTree)[NODE_INDEX] = { types: new Set(types), nodes, rootId: root.id };
  return nodes;
}

/** What native `descendantsOfType` returns: `node` itself and the nodes under it, in document order. */
function descendantsFromIndex(index: NodeIndex, node: SyntaxNode, wanted: readonly string[]): SyntaxNode[] {
  const filter = wanted.length === index.types.size ? null : new Set(wanted);
  const { nodes } = index;
  if (node.id === index.rootId) return filter ? nodes.filter((n) => filter.has(n.type)) : [...nodes];
  const start = node.startIndex;
  const end = node.endIndex;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid]!.startIndex < start) lo = mid + 1;
    else hi = mid;
  }
  const out: SyntaxNode[] = [];
  for (let i = lo; i < nodes.length; i++) {
    const candidate = nodes[i]!;
    const candidateStart = candidate.startIndex;
    if (candidateStart > end) break;
    if (filter && !filter.has(candidate.type)) continue;
    const candidateEnd = candidate.endIndex;
    if (candidateEnd > end) continue; // an ancestor that starts here
    // Same span as `node` (an ancestor, or `node` itself), or empty at an edge: ask the tree.
    const ambiguous = (candidateStart === start && candidateEnd === end) || candidateStart === candidateEnd;
    if (ambiguous && !isSelfOrDescendant(candidate, node)) continue;
    out.push(candidate);
  }
  return out;
}

function isSelfOrDescendant(candidate: SyntaxNode, node: SyntaxNode): boolean {
  for (let cur: SyntaxNode | null = candidate; cur; cur = cur.parent) {
    if (cur.id === node.id) return true;
    if (cur.startIndex < node.startIndex || cur.endIndex > node.endIndex) return false;
  }
  return false;
}

// Every accessor of a node crosses into native code and back (marshalling the node each time).
// Trees are not edited while checks read them, so what a node answers once stays true: each
// node object keeps its answers. Cached arrays are frozen so no check can change what the next
// one sees.
// The answers live in the node object's own numbered slots after the six node-tree-sitter uses
// for the marshalled node (no extra object per node, and integer-keyed reads stay fast).
const FIRST_MEMO_SLOT = 6;
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
const FIELDS_SLOT = FIRST_MEMO_SLOT + MEMOIZED_GETTERS.length;
const PARENT_SLOT = FIRST_MEMO_SLOT + MEMOIZED_GETTERS.indexOf("parent");
/**
 * Accessors whose answers are direct children. Asking a node for its parent makes tree-sitter
 * walk down from the root (time in the depth and the width of the tree), so a child reached
 * from its parent remembers it: a check that walks down a 20,000-deep chain and then visits its
 * inner nodes (each asking for its parent) stays linear.
 */
const CHILD_ACCESSORS = new Set(["children", "namedChildren", "child", "namedChild", "childForFieldName"]);

function adopt(parent: object, value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const child of value)
      if (child && (child as Slots)[PARENT_SLOT] === undefined) (child as Slots)[PARENT_SLOT] = parent;
  } else if (value && typeof value === "object" && (value as Slots)[PARENT_SLOT] === undefined)
    (value as Slots)[PARENT_SLOT] = parent;
  return value;
}
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
  "descendantForIndex",
  "namedDescendantForIndex",
  "descendantForPosition",
  "namedDescendantForPosition",
  "closest",
  "firstChildForIndex",
  "firstNamedChildForIndex",
  "childWithDescendant",
];

type Slots = Record<number, unknown>;

function wrapGetter(proto: object, name: string, wrap: (get: () => unknown) => (this: Slots) => unknown): void {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get) Object.defineProperty(proto, name, { configurable: true, enumerable: true, get: wrap(get) });
}

function patchNodeAccessors(SyntaxNodeClass: { prototype: object }): void {
  const proto = SyntaxNodeClass.prototype as Record<string, unknown>;
  MEMOIZED_GETTERS.forEach((name, i) => {
    const slot = FIRST_MEMO_SLOT + i;
    wrapGetter(
      proto,
      name,
      (get) =>
        function (this: Slots) {
          const known = this[slot];
          if (known !== undefined) return known;
          let value = canonical(get.call(this));
          if (CHILD_ACCESSORS.has(name)) adopt(this, value);
          if (Array.isArray(value) || (value && typeof value === "object" && !("tree" in value)))
            value = Object.freeze(value);
          this[slot] = value;
          return value;
        },
    );
  });
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
      proto[name] = CHILD_ACCESSORS.has(name)
        ? function (this: object, ...args: unknown[]): unknown {
            return adopt(this, canonical(method.apply(this, args)));
          }
        : function (this: object, ...args: unknown[]): unknown {
            return canonical(method.apply(this, args));
          };
  }
  const descendantsOfType = proto["descendantsOfType"] as (this: object, ...args: unknown[]) => unknown;
  proto["descendantsOfType"] = function (this: SyntaxNode, types: string | string[], ...range: unknown[]): unknown {
    const index = (this.tree as unknown as IndexedTree)[NODE_INDEX];
    const wanted = typeof types === "string" ? [types] : types;
    if (index && range.length === 0 && wanted.every((t) => index.types.has(t)))
      return descendantsFromIndex(index, this, wanted);
    return canonical(descendantsOfType.call(this, types, ...range));
  };
  const childForFieldName = proto["childForFieldName"] as (this: object, field: string) => unknown;
  proto["childForFieldName"] = function (this: Slots, field: string): unknown {
    const fields = (this[FIELDS_SLOT] ??= new Map()) as Map<string, unknown>;
    if (fields.has(field)) return fields.get(field);
    const child = adopt(this, canonical(childForFieldName.call(this, field)));
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
 * node-tree-sitter builds each node with `new nodeSubclasses[typeId](tree)`. Each class there is
 * replaced by a plain constructor on the same prototype chain (`instanceof` still holds) that
 * sets `tree` with an assignment rather than `Object.defineProperty`, which is several times
 * slower and runs for every node. The replacement's prototype also overrides the per-type field
 * getters (`bodyNode`, `argumentsNodes`, …), which cannot be redefined in place, so that they
 * return canonical nodes too.
 */
function patchNodeClasses(language: { nodeSubclasses?: unknown[] }): void {
  const classes = (language.nodeSubclasses ?? []) as { prototype: object }[];
  const replaced = new Map<object, { prototype: object }>();
  for (let i = 0; i < classes.length; i++) {
    const Original = classes[i]!;
    let Replacement = replaced.get(Original);
    if (!Replacement) {
      const prototype = Object.create(Original.prototype) as object;
      for (const name of Object.getOwnPropertyNames(Original.prototype)) {
        const get = Object.getOwnPropertyDescriptor(Original.prototype, name)?.get;
        if (get && (name.endsWith("Node") || name.endsWith("Nodes")))
          Object.defineProperty(prototype, name, {
            configurable: true,
            get(this: object) {
              return canonical(get.call(this));
            },
          });
      }
      const construct = function (this: { tree: unknown }, tree: unknown): void {
        this.tree = tree;
      };
      construct.prototype = prototype;
      Replacement = construct as unknown as { prototype: object };
      replaced.set(Original, Replacement);
    }
    classes[i] = Replacement;
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
    patchNodeClasses(python as unknown as { nodeSubclasses?: unknown[] });
    loaded = { parser: instance };
    holder[KEY] = loaded;
  }
  return loaded.parser;
}

/** Thrown when a parse runs past the file's time budget (see `withDeadline`). */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`over the ${formatSeconds(budgetMs)} budget`);
    this.name = "BudgetExceeded";
  }
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

const UNBUDGETED_PARSE_MS = 10_000;

/** The running file's deadline: every parse while it is set (fix checks too) stops there. */
let deadline: { at: number; budgetMs: number } | null = null;

/** Run `fn` with every parse limited to the time left before `at` (a `performance.now()` time). */
export function withDeadline<T>(at: number, budgetMs: number, fn: () => T): T {
  const outer = deadline;
  deadline = { at, budgetMs };
  try {
    return fn();
  } finally {
    deadline = outer;
  }
}

/** Throws BudgetExceeded once the running file's deadline has passed. */
export function checkDeadline(): void {
  if (deadline && performance.now() > deadline.at) throw new BudgetExceeded(deadline.budgetMs);
}

/** Parse a file; given the edited tree of an earlier version, only the changed parts are re-parsed. */
export function parsePython(source: string, oldTree?: Tree): Tree {
  const instance = parser();
  // Outside a file's analysis (a project check parsing an entry point, `--fix`), a parse still
  // gets a file's default budget: no input may parse forever.
  const { at, budgetMs } = deadline ?? { at: performance.now() + UNBUDGETED_PARSE_MS, budgetMs: UNBUDGETED_PARSE_MS };
  const left = at - performance.now();
  if (left <= 0) throw new BudgetExceeded(budgetMs);
  // tree-sitter halts a parse that runs past the timeout and returns null; `reset` makes the
  // next parse start afresh instead of resuming the abandoned one.
  instance.setTimeoutMicros(Math.min(2 ** 32 - 1, Math.ceil(left * 1000)));
  const tree = instance.parse(source, oldTree) as Tree | null;
  if (!tree) {
    instance.reset();
    throw new BudgetExceeded(budgetMs);
  }
  return tree;
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

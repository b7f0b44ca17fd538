// One tree-sitter parser per thread, reused for every file (building one is costly).
import { createRequire } from "node:module";
import { dirname } from "node:path";
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
type NodeFields = Record<number, number> & { tree: Record<symbol, NodeStore | undefined> };

/**
 * A tree's node objects by id. A node id is a 64-bit pointer; keyed by its low 32 bits as a
 * small integer (no number is boxed, hashing stays cheap), checked against the high bits, with
 * a second map for the ids whose low bits collide.
 */
interface NodeStore {
  byLow: Map<number, object>;
  collided: Map<number, object> | null;
}

function storeOf(tree: NodeFields["tree"]): NodeStore {
  return (tree[CANONICAL] ??= { byLow: new Map(), collided: null });
}

function knownNode(store: NodeStore, low: number, high: number): object | undefined {
  const found = store.byLow.get(low | 0) as NodeFields | undefined;
  if (found === undefined || found[1] === high) return found;
  return store.collided?.get(low + high * ID_HIGH);
}

function remember(store: NodeStore, node: NodeFields): void {
  const low = node[0]!;
  if (!store.byLow.has(low | 0)) store.byLow.set(low | 0, node);
  else (store.collided ??= new Map()).set(low + node[1]! * ID_HIGH, node);
}

function canonicalNode(node: object | null | undefined): object | null | undefined {
  if (!node) return node;
  const fields = node as NodeFields;
  const store = storeOf(fields.tree);
  const existing = knownNode(store, fields[0]!, fields[1]!);
  if (existing) return existing;
  remember(store, fields);
  return node;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = canonicalNode(value[i] as object | null);
    return value;
  }
  return value && typeof value === "object" && "tree" in value ? canonicalNode(value) : value;
}

// node-tree-sitter hands a node to JavaScript by writing its six numbers into a shared
// Uint32Array and returning its type id; its own unmarshalling builds three BigInts and a new
// object per node, even for a node this tree already has. The hot accessors below call the
// binding directly and look the node up before building anything.
interface Binding {
  NodeMethods: Record<string, (tree: unknown, ...args: unknown[]) => unknown>;
  nodeTransferArray: Uint32Array;
  getNodeFieldNamesById(language: unknown): (string | null)[];
}
const FIELDS_PER_NODE = 6;
const ERROR_TYPE_ID = 0xffff;
let binding: Binding;
let nodeClasses: (new (tree: unknown) => object)[];
let errorNodeClass: new (tree: unknown) => object;

function marshal(node: NodeFields): void {
  const a = binding.nodeTransferArray;
  a[0] = node[0]!;
  a[1] = node[1]!;
  a[2] = node[2]!;
  a[3] = node[3]!;
  a[4] = node[4]!;
  a[5] = node[5]!;
}

/** The node the binding just wrote at `offset` (answered with `typeId`), as this tree's one object for it. */
function unmarshal(typeId: unknown, tree: NodeFields["tree"], offset: number): object | null {
  if (typeof typeId !== "number") return (typeId as object | null) ?? null;
  const a = binding.nodeTransferArray;
  const low = a[offset]!;
  const high = a[offset + 1]!;
  if (low === 0 && high === 0) return null;
  const store = storeOf(tree);
  const existing = knownNode(store, low, high);
  if (existing) return existing;
  const NodeClass = typeId === ERROR_TYPE_ID ? errorNodeClass : nodeClasses[typeId]!;
  const node = new NodeClass(tree) as NodeFields;
  node[0] = low;
  node[1] = high;
  node[2] = a[offset + 2]!;
  node[3] = a[offset + 3]!;
  node[4] = a[offset + 4]!;
  node[5] = a[offset + 5]!;
  remember(store, node);
  return node;
}

function unmarshalAll(values: unknown[], tree: NodeFields["tree"]): object[] {
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && typeof value === "object") continue; // from the binding's own cache
    values[i] = unmarshal(value, tree, offset);
    offset += FIELDS_PER_NODE;
  }
  return values as object[];
}

/** `NodeMethods[name](tree, ...args)` for this node, its answer as one node. */
function callForNode(node: NodeFields, method: string, ...args: unknown[]): object | null {
  marshal(node);
  return unmarshal(binding.NodeMethods[method]!(node.tree, ...args), node.tree, 0);
}

/** `NodeMethods[name](tree, ...args)` for this node, its answer as nodes. */
function callForNodes(node: NodeFields, method: string, ...args: unknown[]): object[] {
  marshal(node);
  return unmarshalAll(binding.NodeMethods[method]!(node.tree, ...args) as unknown[], node.tree);
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
// for the marshalled node (no extra object per node, and integer-keyed reads stay fast). V8
// gives an object 17 element slots on its first indexed store and grows them to 43 on the 18th,
// so six fields, ten answers and the field table fill exactly 17. `isMissing` and `endPosition`
// are rare and not kept.
const FIRST_MEMO_SLOT = 6;
type Slots = Record<number, unknown>;
type Answer = (node: NodeFields) => unknown;
const nativeAnswer =
  (method: string): Answer =>
  (node) => {
    marshal(node);
    return binding.NodeMethods[method]!(node.tree);
  };
/** The memoized getters, and how each is answered (null: by node-tree-sitter's own getter). */
const MEMOIZED_GETTERS: [string, Answer | null][] = [
  ["type", nativeAnswer("type")],
  ["endIndex", nativeAnswer("endIndex")],
  ["parent", (node) => callForNode(node, "parent")],
  ["children", (node) => callForNodes(node, "children")],
  ["namedChildren", (node) => callForNodes(node, "namedChildren")],
  ["childCount", nativeAnswer("childCount")],
  ["namedChildCount", nativeAnswer("namedChildCount")],
  ["hasError", nativeAnswer("hasError")],
  ["isNamed", nativeAnswer("isNamed")],
  ["text", null],
];
const FIELDS_SLOT = FIRST_MEMO_SLOT + MEMOIZED_GETTERS.length;
const PARENT_SLOT = FIRST_MEMO_SLOT + MEMOIZED_GETTERS.findIndex(([name]) => name === "parent");
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
/** Getters answering one node, each a NodeMethods function of the same name. */
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
/** Methods whose arguments go to the NodeMethods function of the same name as they are. */
const DIRECT_METHODS: [string, "node" | "nodes"][] = [
  ["child", "node"],
  ["namedChild", "node"],
  ["childForFieldId", "node"],
  ["childrenForFieldName", "nodes"],
  ["childrenForFieldId", "nodes"],
];
/** Methods that prepare their arguments first: node-tree-sitter's own, its answer made canonical. */
const WRAPPED_METHODS = [
  "descendantForIndex",
  "namedDescendantForIndex",
  "descendantForPosition",
  "namedDescendantForPosition",
  "closest",
  "firstChildForIndex",
  "firstNamedChildForIndex",
  "childWithDescendant",
];

function wrapGetter(proto: object, name: string, wrap: (get: () => unknown) => (this: Slots) => unknown): void {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get) Object.defineProperty(proto, name, { configurable: true, enumerable: true, get: wrap(get) });
}

function patchNodeAccessors(SyntaxNodeClass: { prototype: object }, fieldIds: ReadonlyMap<string, number>): void {
  const proto = SyntaxNodeClass.prototype as Record<string, unknown>;
  MEMOIZED_GETTERS.forEach(([name, answer], i) => {
    const slot = FIRST_MEMO_SLOT + i;
    const adopts = CHILD_ACCESSORS.has(name);
    wrapGetter(
      proto,
      name,
      (get) =>
        function (this: Slots) {
          const known = this[slot];
          if (known !== undefined) return known;
          let value = answer ? answer(this as NodeFields) : canonical(get.call(this));
          if (adopts) adopt(this, value);
          if (Array.isArray(value) || (value && typeof value === "object" && !("tree" in value)))
            value = Object.freeze(value);
          this[slot] = value;
          return value;
        },
    );
  });
  for (const name of NODE_GETTERS)
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: NodeFields) {
        return callForNode(this, name);
      },
    });
  for (const [name, answers] of DIRECT_METHODS) {
    const adopts = CHILD_ACCESSORS.has(name);
    proto[name] =
      answers === "node"
        ? function (this: NodeFields, ...args: unknown[]): unknown {
            const node = callForNode(this, name, ...args);
            return adopts ? adopt(this, node) : node;
          }
        : function (this: NodeFields, ...args: unknown[]): unknown {
            return callForNodes(this, name, ...args);
          };
  }
  for (const name of WRAPPED_METHODS) {
    const method = proto[name] as ((this: object, ...args: unknown[]) => unknown) | undefined;
    if (method)
      proto[name] = function (this: object, ...args: unknown[]): unknown {
        return canonical(method.apply(this, args));
      };
  }
  proto["descendantsOfType"] = function (this: SyntaxNode, types: string | string[], ...range: unknown[]): unknown {
    const index = (this.tree as unknown as IndexedTree)[NODE_INDEX];
    const wanted = typeof types === "string" ? [types] : types;
    if (index && range.length === 0 && wanted.every((t) => index.types.has(t)))
      return descendantsFromIndex(index, this, wanted);
    return callForNodes(this as unknown as NodeFields, "descendantsOfType", wanted, ...range);
  };
  // A node's fields, asked by name, are answered by field id (no string crosses into native
  // code) and kept as [name, child, name, child, ...]: a node has few fields, and a Map per
  // node would outweigh the node.
  proto["childForFieldName"] = function (this: Slots, field: string): unknown {
    const known = (this[FIELDS_SLOT] ??= []) as unknown[];
    for (let i = 0; i < known.length; i += 2) if (known[i] === field) return known[i + 1];
    const id = fieldIds.get(field);
    const child = id === undefined ? null : adopt(this, callForNode(this as NodeFields, "childForFieldId", id));
    known.push(field, child);
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
      Replacement = plainConstructor(prototype);
      replaced.set(Original, Replacement);
    }
    classes[i] = Replacement;
  }
}

/** A constructor that sets `tree` by assignment, on `prototype`. */
function plainConstructor(prototype: object): { prototype: object } {
  const construct = function (this: { tree: unknown }, tree: unknown): void {
    this.tree = tree;
  };
  construct.prototype = prototype;
  return construct as unknown as { prototype: object };
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
    const classes = ParserClass as unknown as Record<"SyntaxNode" | "Tree" | "TreeCursor", { prototype: object }>;
    // The native module tree-sitter's index.js loaded (node-gyp-build finds the same file, and
    // Node's module cache returns the same exports).
    const main = require.resolve("tree-sitter");
    binding = (createRequire(main)("node-gyp-build") as (dir: string) => Binding)(dirname(main));
    // (Under Jest the array comes from another realm: no `instanceof` here.)
    const transfer = Object.prototype.toString.call(binding.nodeTransferArray);
    if (typeof binding.NodeMethods?.["childForFieldId"] !== "function" || transfer !== "[object Uint32Array]")
      throw new Error("peptalk: tree-sitter's native binding does not have the expected shape");
    const python = require("tree-sitter-python") as Parser.Language;
    const fieldIds = new Map<string, number>();
    binding.getNodeFieldNamesById(python).forEach((name, id) => {
      if (name) fieldIds.set(name, id);
    });
    patchNodeAccessors(classes.SyntaxNode, fieldIds);
    patchTreeAccessors(classes.Tree, classes.TreeCursor);
    const instance = new ParserClass();
    instance.setLanguage(python);
    const language = python as unknown as { nodeSubclasses?: unknown[] };
    patchNodeClasses(language);
    nodeClasses = language.nodeSubclasses as typeof nodeClasses;
    errorNodeClass = plainConstructor(classes.SyntaxNode.prototype) as unknown as typeof errorNodeClass;
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

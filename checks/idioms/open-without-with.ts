import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingDef, enclosingScope, enclosingStatement } from "../../src/engine/ast.js";
import { anyWithin } from "../../src/engine/text.js";

// Callables that return an object owning an OS resource (a file, mostly).
const OPENERS = new Set([
  "open",
  "builtins.open",
  "io.open",
  "io.open_code",
  "codecs.open",
  "bz2.open",
  "gzip.open",
  "lzma.open",
  "lzma.LZMAFile",
  "tarfile.open",
  "tarfile.TarFile.taropen",
  "tempfile.TemporaryFile",
  "tempfile.NamedTemporaryFile",
  "tempfile.SpooledTemporaryFile",
  "tokenize.open",
  "wave.open",
  "dbm.open",
  "dbm.dumb.open",
  "dbm.gnu.open",
  "dbm.ndbm.open",
  "shelve.open",
  "fileinput.input",
  "fileinput.FileInput",
]);

// `Path(p).open()`, `ZipFile(p).open(name)`: `open` called on a freshly built object of these classes.
const OPENER_CLASSES = new Set(["pathlib.Path", "zipfile.ZipFile"]);

/** Last segments of OPENERS: a cheap filter before resolving names through imports. */
const OPENER_NAMES = new Set([...OPENERS].map((q) => q.slice(q.lastIndexOf(".") + 1)));
/** An opener name as a whole word: every call that can open something spells one in its text. */
const OPENER_WORD = new RegExp(`\\b(?:${[...OPENER_NAMES].join("|")})\\b`, "g");
/**
 * What makes the word before it an imported name's alias (`from gzip import open as gzopen`):
 * spaces, newlines, `\` continuations or comments, then `as`.
 */
const AS_ALIAS = /(?:\s|\\|#[^\r\n]*[\r\n])+as\b/y;
/**
 * The other parts of OPENERS' dotted names: `a.b.open(...)` names an opener only when `a` is one
 * of these (`gzip`, `TarFile` after `from tarfile import TarFile`) or an alias of one.
 */
const OPENER_HEADS = new Set([...OPENERS].flatMap((q) => q.split(".").slice(0, -1)));
const HEAD_ALIAS = new RegExp(`\\b(?:${[...OPENER_HEADS].join("|")})${AS_ALIAS.source}`);
const HEAD_WORD = new RegExp(`\\b(?:${[...OPENER_HEADS].join("|")})\\b`, "g");
/**
 * The modules a plain `name(...)` must be imported from to be an opener (`TemporaryFile` from
 * `tempfile`, `input` from `fileinput`): a call of `input()` in a file that never names
 * `fileinput` is the builtin. `open` is an opener as a builtin too.
 */
const MODULES_OF = new Map<string, string[]>();
for (const q of OPENERS) {
  const parts = q.split(".");
  if (parts.length < 2) continue;
  const name = parts[parts.length - 1]!;
  MODULES_OF.set(name, [...(MODULES_OF.get(name) ?? []), parts[parts.length - 2]!]);
}

/** The leftmost name of a dotted callee (`a` in `a.b.open`), or null when it is not a plain dotted name. */
function dottedHead(node: SyntaxNode): SyntaxNode | null {
  let cur: SyntaxNode | null = node;
  while (cur?.type === "attribute") cur = cur.childForFieldName("object");
  return cur?.type === "identifier" ? cur : null;
}

const OWNERS = new Set([
  "closing",
  "enter_context",
  "enter_async_context",
  "enterContext",
  "enterClassContext",
  "enterAsyncContext",
  // `Base.__init__(self, open(p))`, `super().__init__(fh)`: the object being built keeps it.
  "__init__",
  // asyncio transports own the pipe they are given.
  "connect_read_pipe",
  "connect_write_pipe",
]);

/** The last part of a callee's name (`Reader` in `io.Reader`). */
function calleeName(call: SyntaxNode | null | undefined): string | undefined {
  const fn = call?.childForFieldName("function");
  return fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
}

/**
 * `Reader(fh)`, `stack.enter_context(fh)`: the handle is an argument of a call that takes it
 * over. A class (a capitalised name: `TextIOWrapper(fh)`, `Transport(fh)`) keeps what it is
 * given; `contextlib.closing` and exit stacks close it.
 */
function handedToOwner(node: SyntaxNode): boolean {
  let arg = node;
  if (arg.parent?.type === "keyword_argument") arg = arg.parent;
  if (arg.parent?.type !== "argument_list") return false;
  const name = calleeName(arg.parent.parent);
  // `self.initfp(fh)`: the object takes the handle over, as its own method decides.
  const fn = arg.parent.parent?.childForFieldName("function");
  // Test assertions (`self.assertIsInstance(fh, ...)`) only look at it.
  if (fn?.type === "attribute" && fn.childForFieldName("object")?.text === "self")
    return !/^(?:assert|fail|check|skip|subTest)/.test(name ?? "");
  return !!name && (OWNERS.has(name) || /^_*[A-Z]/.test(name));
}

const CONTAINERS = new Set([
  "list",
  "tuple",
  "set",
  "dictionary",
  "pair",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/**
 * Where the handle goes when it is not bound to a plain name: somewhere that manages it, or
 * keeps it for later (an attribute, a container, the caller), which the check cannot follow.
 */
function isKeptOrManaged(node: SyntaxNode, parent: SyntaxNode): boolean {
  // `self.stream = open(p)`, `files[name] = open(p)`: stored, closed by whoever owns the object.
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === node.id) {
    const left = parent.childForFieldName("left");
    if (left?.type === "attribute" || left?.type === "subscript") return true;
  }
  // `handles.append(open(p))`, `Reader(open(p))`, `closing(open(p))`.
  const callee = parent.type === "argument_list" ? calleeName(parent.parent) : undefined;
  if (callee && ["append", "add", "insert", "setdefault", "extend", "push", "put"].includes(callee)) return true;
  if (handedToOwner(node)) return true;
  for (
    let cur: SyntaxNode | null = node.parent;
    cur && cur.type !== "block" && cur.type !== "module";
    cur = cur.parent
  ) {
    // `[open(p) for p in paths]`, `{name: open(p)}`: a container of handles, kept for later.
    if (CONTAINERS.has(cur.type)) return true;
    // `yield open(p)`: the consumer's to close, like a return.
    if (cur.type === "yield") return true;
    if (cur.type === "lambda" || cur.type === "function_definition") break;
  }
  return false;
}

/** The statement is directly in a `with pytest.raises(...)`/`self.assertRaises(...)` block: the call is meant to fail. */
function expectedToRaise(statement: SyntaxNode): boolean {
  const withStatement = statement.parent?.type === "block" ? statement.parent.parent : null;
  if (withStatement?.type !== "with_statement") return false;
  return withStatement
    .descendantsOfType("with_item")
    .some((item) => /^(?:[\w.]+\.)?(?:raises|assertRaises\w*)\s*\(/.test(item.text));
}

/** The blocks from the statement up: a rebinding in one of these replaces the handle on every path. */
function enclosingBlocks(statement: SyntaxNode, scope: SyntaxNode): Set<number> {
  const out = new Set<number>();
  for (let cur = statement.parent; cur; cur = cur.parent) {
    if (cur.type === "block" || cur.type === "module") out.add(cur.id);
    if (cur.id === scope.id) break;
  }
  return out;
}

/**
 * `fh = open(p)` and later, in the same function: `fh.close()` in a `finally`, `with fh:` (or
 * `with closing(fh)`), `return fh`/`yield fh`, `self.fh = fh`, `handles.append(fh)`, or
 * `Reader(fh)`. Uses after the name is bound again on every path are another handle's.
 */
function nameIsManagedLater(statement: SyntaxNode, name: string): boolean {
  const scope = enclosingScope(statement) ?? statement.tree.rootNode;
  const body = scope.type === "module" ? scope : scope.childForFieldName("body");
  if (!body) return false;
  // `global logfp` / `nonlocal fh`: the handle outlives the function, like an attribute.
  if (
    scope.type === "function_definition" &&
    body
      .descendantsOfType(["global_statement", "nonlocal_statement"])
      .some((d) => d.namedChildren.some((n) => n.text === name))
  )
    return true;
  // `fh = open(p)` then `fh.close()` as the very next statement: nothing in between can raise.
  let next = statement.nextNamedSibling;
  while (next?.type === "comment") next = next.nextNamedSibling;
  if (next && new RegExp(`^${name}\\s*\\.\\s*close\\s*\\(\\s*\\)$`).test(next.text)) return true;
  const blocks = enclosingBlocks(statement, scope);
  for (const id of body.descendantsOfType("identifier")) {
    if (id.startIndex < statement.endIndex || id.text !== name) continue;
    const parent = id.parent;
    if (!parent) continue;
    // Another function's `fh` is its own (a nested def reading it keeps it alive: say nothing).
    const own = enclosingScope(id);
    if (own && own.id !== scope.id && own.type !== "lambda") {
      if (own.type === "function_definition") return true;
      continue;
    }
    if (parent.type === "assignment" && parent.childForFieldName("left")?.id === id.id) {
      // `fh = open(q)` at the same level or above: the first handle's story ends here.
      if (parent.parent && blocks.has(parent.parent.parent?.id ?? -1)) break;
      continue;
    }
    const inFinally = (): boolean => {
      for (let cur: SyntaxNode | null = parent; cur && cur.id !== scope.id; cur = cur.parent)
        if (cur.type === "finally_clause") return true;
      return false;
    };
    if (parent.type === "attribute" && parent.childForFieldName("object")?.id === id.id) {
      const method = parent.childForFieldName("attribute")?.text;
      if (method === "close" || method === "__exit__") {
        // `self.addCleanup(fh.close)`, `atexit.register(fh.close)`: the close is registered to run later.
        if (parent.parent?.type === "argument_list") return true;
        if (inFinally()) return true;
      }
      continue;
    }
    // `finally: _sync_close(fh)`: a helper that closes it.
    if (parent.type === "argument_list" && /close/i.test(calleeName(parent.parent) ?? "") && inFinally()) return true;
    for (let cur: SyntaxNode | null = parent; cur && cur.type !== "block" && cur.type !== "module"; cur = cur.parent)
      if (cur.type === "with_item" || cur.type === "return_statement") return true;
    if (isKeptOrManaged(id, parent)) return true;
  }
  return false;
}

/** Where the handle's lifetime is managed by someone else: a `with`, a return, a closing wrapper, an owner. */
function isManaged(call: SyntaxNode): boolean {
  // Anywhere in a `with` header, even through a helper (`with wrap(open(p)) as f:`), the `with` owns it.
  for (let cur = call.parent; cur && cur.type !== "block" && cur.type !== "module"; cur = cur.parent)
    if (cur.type === "with_item") return true;
  // `__enter__` opens what `__exit__` closes.
  const def = enclosingDef(call);
  const defName = def?.childForFieldName("name")?.text;
  if (defName === "__enter__" || defName === "__aenter__") return true;
  let node = call;
  // `return name, open(p)` hands the file to the caller.
  while (
    node.parent &&
    ["parenthesized_expression", "conditional_expression", "tuple", "expression_list"].includes(node.parent.type)
  )
    node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  // `open(p).close()`: closed on the spot.
  if (
    parent.type === "attribute" &&
    parent.childForFieldName("attribute")?.text === "close" &&
    parent.parent?.type === "call"
  )
    return true;
  // Anything handed back by `return` (even wrapped, `return Reader(open(p))`) is the caller's to close.
  const statement = enclosingStatement(call);
  if (statement.type === "return_statement") return true;
  if (isKeptOrManaged(node, parent)) return true;
  if (
    statement.type === "expression_statement" &&
    statement.namedChild(0)?.id === node.id &&
    expectedToRaise(statement)
  )
    return true;
  // `fh = open(p)`: what the function does with `fh` afterwards.
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === node.id) {
    const left = parent.childForFieldName("left");
    if (left?.type === "identifier") return nameIsManagedLater(enclosingStatement(parent), left.text);
  }
  return false;
}

/** `Path(p).open()` / `ZipFile(p).open(name)`: the callee is `.open` on a call to one of OPENER_CLASSES. */
function isOpenOnNewObject(ctx: CheckContext, fn: SyntaxNode): boolean {
  if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "open") return false;
  const object = fn.childForFieldName("object");
  const ctor = object?.type === "call" ? object.childForFieldName("function") : null;
  const name = ctor && ctx.qualifiedName(ctor);
  return !!name && OPENER_CLASSES.has(name);
}

export default defineCheck({
  id: "open-without-with",
  codes: ["SIM115"],
  pylint: ["consider-using-with"],
  category: "idioms",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A file (or similar resource) opened outside a `with` block.",
    why: "A handle that is not closed deterministically leaks until garbage collection: writes may not be flushed, and on Windows the file stays locked. `with open(...) as f:` closes it even when an exception is raised.",
    bad: "f = open('data.txt')\ndata = f.read()\nf.close()\n",
    good: "with open('data.txt') as f:\n    data = f.read()\n",
    differences:
      "Ruff's SIM115 flags `stack.enter_context(open(...))` when it cannot see the `ExitStack`, and files opened in `__aenter__`; in both something else closes the file, so peptalk does not. Nor does it report a handle that is stored on an attribute, in a container or in a `global`, returned or yielded, handed to an object that keeps it (a class, `closing`, an exit stack), closed in a `finally` (or by the very next statement), entered with `with fh:` later in the function, or opened as the call a `pytest.raises`/`assertRaises` block expects to fail: its lifetime is managed elsewhere, where Ruff still reports it.",
  },
  create(ctx): Visitors {
    const source = ctx.source;
    // Where opener names occur as words; a file that names none skips its calls entirely.
    const starts: number[] = [];
    let aliased = false;
    for (const m of source.matchAll(OPENER_WORD)) {
      starts.push(m.index);
      AS_ALIAS.lastIndex = m.index + m[0].length;
      aliased ||= AS_ALIAS.test(source);
    }
    if (starts.length === 0) return {};
    let headAliased: boolean | undefined;
    let headsNamed: Set<string> | undefined;
    /**
     * Whether resolving the callee's name could give an opener. `os.open(fd)` or `self.open()`:
     * a dotted callee whose first part is no opener's module (nor an alias of one) cannot, nor
     * `input()` in a file that never names `fileinput` (it may still be `Path(p).open()`, whose
     * head is a call: that is `isOpenOnNewObject`'s to decide).
     */
    const mayNameOpener = (fn: SyntaxNode): boolean => {
      if (fn.type === "attribute") {
        const head = dottedHead(fn);
        return !!head && (OPENER_HEADS.has(head.text) || (headAliased ??= HEAD_ALIAS.test(source)));
      }
      const modules = MODULES_OF.get(fn.text);
      if (aliased || fn.text === "open" || !modules) return true;
      headsNamed ??= new Set(Array.from(source.matchAll(HEAD_WORD), (m) => m[0]));
      return modules.some((module) => headsNamed!.has(module));
    };
    return {
      call(call) {
        // Unless an opener is imported under another name, a call whose text holds no opener name
        // cannot open anything: that is decided from positions, before reading the callee.
        if (!aliased && !anyWithin(starts, call.startIndex, call.endIndex)) return;
        const fn = call.childForFieldName("function");
        if (!fn || (fn.type !== "identifier" && fn.type !== "attribute")) return;
        const last = fn.type === "identifier" ? fn.text : fn.childForFieldName("attribute")?.text;
        // Resolve only plausible callees: `open`-like names, or an alias imported at module level.
        if (
          !last ||
          (!OPENER_NAMES.has(last) &&
            !(aliased && fn.type === "identifier" && ctx.names.module.get(last)?.kind === "import"))
        )
          return;
        // Most `open()` calls are in a `with`: that is read from the tree before any name is resolved.
        if (isManaged(call)) return;
        const name = mayNameOpener(fn) ? ctx.qualifiedName(fn) : null;
        if (!(name && OPENERS.has(name)) && !isOpenOnNewObject(ctx, fn)) return;
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` outside a \`with\` block: the handle is not closed reliably`,
        });
      },
    };
  },
});

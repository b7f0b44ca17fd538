import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingDef, enclosingStatement } from "../../src/engine/ast.js";

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

/** Some offset of the sorted `starts` lies in [start, end). */
function anyWithin(starts: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < end;
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
]);

/** Where the handle's lifetime is managed by someone else: a `with`, a return, a closing wrapper. */
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
  if (enclosingStatement(call).type === "return_statement") return true;
  if (parent.type === "argument_list") {
    const fn = parent.parent?.childForFieldName("function");
    const name = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
    // contextlib.closing(open(...)), stack.enter_context(open(...)), unittest's enterContext own the handle.
    return !!name && OWNERS.has(name);
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
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A file (or similar resource) opened outside a `with` block.",
    why: "A handle that is not closed deterministically leaks until garbage collection: writes may not be flushed, and on Windows the file stays locked. `with open(...) as f:` closes it even when an exception is raised.",
    bad: "f = open('data.txt')\ndata = f.read()\nf.close()\n",
    good: "with open('data.txt') as f:\n    data = f.read()\n",
    differences:
      "Ruff's SIM115 flags `stack.enter_context(open(...))` when it cannot see the `ExitStack`, and files opened in `__aenter__`; in both something else closes the file, so peptalk does not.",
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

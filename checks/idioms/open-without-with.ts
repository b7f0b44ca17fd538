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
    // Most files never mention an opener: skip their calls entirely.
    if (![...OPENER_NAMES].some((name) => ctx.source.includes(name))) return {};
    // `from gzip import open as gzopen`: aliases are found in the import text, so no scope
    // analysis is needed to decide which calls are worth resolving.
    const candidates = new Set(OPENER_NAMES);
    for (const m of ctx.source.matchAll(/\bimport\b[^\n]*?\b(\w+)\s+as\s+(\w+)/g))
      if (OPENER_NAMES.has(m[1]!)) candidates.add(m[2]!);
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || (fn.type !== "identifier" && fn.type !== "attribute")) return;
        const last = fn.type === "identifier" ? fn.text : fn.childForFieldName("attribute")?.text;
        // Resolve only plausible callees: `open`-like names, or an alias imported at module level.
        if (
          !last ||
          (!OPENER_NAMES.has(last) && !(fn.type === "identifier" && ctx.names.module.get(last)?.kind === "import"))
        )
          return;
        const name = ctx.qualifiedName(fn);
        if (!(name && OPENERS.has(name)) && !isOpenOnNewObject(ctx, fn)) return;
        if (isManaged(call)) return;
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` outside a \`with\` block: the handle is not closed reliably`,
        });
      },
    };
  },
});

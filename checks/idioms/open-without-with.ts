import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

// Callables that return an object owning an OS resource (a file, mostly).
const OPENERS = new Set([
  "open",
  "io.open",
  "io.FileIO",
  "codecs.open",
  "bz2.open",
  "bz2.BZ2File",
  "gzip.open",
  "gzip.GzipFile",
  "lzma.open",
  "lzma.LZMAFile",
  "tarfile.open",
  "tarfile.TarFile",
  "zipfile.ZipFile",
  "tempfile.TemporaryFile",
  "tempfile.NamedTemporaryFile",
  "tempfile.SpooledTemporaryFile",
  "tokenize.open",
  "dbm.open",
  "shelve.open",
  "fileinput.input",
  "fileinput.FileInput",
]);

/** Where the handle's lifetime is managed by someone else: a `with`, a return, a closing wrapper. */
function isManaged(call: SyntaxNode): boolean {
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "with_item" || (parent.type === "as_pattern" && parent.parent?.type === "with_item")) return true;
  if (parent.type === "return_statement") return true;
  if (parent.type === "argument_list") {
    const fn = parent.parent?.childForFieldName("function");
    const name = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
    // contextlib.closing(open(...)), stack.enter_context(open(...)), stack.callback(...) own the handle.
    return name === "closing" || name === "enter_context";
  }
  return false;
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
      "Ruff's SIM115 also flags `stack.enter_context(open(...))`, where an `ExitStack` manages the file; peptalk does not.",
  },
  create(ctx) {
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn) return;
        const name = ctx.qualifiedName(fn);
        if (!name || !OPENERS.has(name) || isManaged(call)) return;
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` outside a \`with\` block: the handle is not closed reliably`,
        });
      },
    };
  },
});

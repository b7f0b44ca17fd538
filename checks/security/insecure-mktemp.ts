import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments, enclosingFunction, stringLiteralValue } from "../../src/engine/ast.js";

/** The name is then created by an API that binds it exclusively: a UNIX socket, a FIFO, a pipe. */
const BOUND_ELSEWHERE = /\b(?:listenUNIX|connectUNIX|AF_UNIX|\.bind\(|mkfifo|socket|CreateNamedPipe|Listener\()/;

/**
 * `try: from tempfile import mkstemp` / `except ImportError: ... mktemp(...)`: a fallback for a
 * Python without `mkstemp` (before 2.3). It never runs on a Python that runs this code.
 */
function isImportFallback(call: SyntaxNode): boolean {
  for (let cur = call.parent; cur; cur = cur.parent) {
    if (cur.type === "function_definition" || cur.type === "class_definition") return false;
    if (cur.type !== "except_clause") continue;
    if (!/^except\s*\(?\s*(?:ImportError|ModuleNotFoundError)\b/.test(cur.text)) continue;
    const body = cur.parent?.type === "try_statement" ? cur.parent.childForFieldName("body") : null;
    if (body && /\bimport\b[^\n]*\bmkstemp\b|\bmkstemp\b[^\n]*\bimport\b/.test(body.text)) return true;
  }
  return false;
}

export default defineCheck({
  id: "insecure-mktemp",
  codes: ["S306"],
  category: "security",
  severity: "warning",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "`tempfile.mktemp()`.",
    why: "`mktemp` returns a name that does not exist yet: another process can create that file first (a race that attackers use to redirect writes). `tempfile.mkstemp()` or `NamedTemporaryFile()` create the file atomically.",
    bad: "import tempfile\n\npath = tempfile.mktemp()\n",
    good: "import tempfile\n\nfd, path = tempfile.mkstemp()\n",
    differences:
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. A Windows pipe name (`prefix=r'\\\\.\\pipe\\...'`) is not reported: it is not a file, and the pipe is created exclusively. Where the name is bound by a socket or FIFO, the message suggests a name inside `mkdtemp()`, since `mkstemp()` would create a file and the bind would fail. A `mktemp()` in the `except ImportError:` fallback of a `try` that imports `mkstemp` (distutils' `byte_compile`) is not reported: `mkstemp` exists on every Python 3, so the fallback never runs.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("mktemp")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "tempfile.mktemp") return;
        if (isImportFallback(call)) return;
        // A Windows pipe name (`\\\\.\\pipe\\...`) is not a file; the pipe is created exclusively.
        const { keywords } = callArguments(call);
        const prefix = keywords.get("prefix") ?? keywords.get("dir");
        // The prefix may be built from a literal (`r'\\\\.\\pipe\\x-{:d}'.format(pid)`): judge its first string.
        const literal = prefix && (prefix.type === "string" ? prefix : prefix.descendantsOfType("string")[0]);
        if (literal && /^\\\\[.?]\\pipe\\/i.test(stringLiteralValue(literal) ?? "")) return;
        const scope = enclosingFunction(call) ?? call.tree.rootNode;
        const message = BOUND_ELSEWHERE.test(scope.text)
          ? "`tempfile.mktemp()` is racy: bind the socket or pipe to a name inside a private `tempfile.mkdtemp()` directory (`mkstemp()` would create a file there and the bind would fail)"
          : "`tempfile.mktemp()` is racy: use `mkstemp()` or `NamedTemporaryFile()`";
        ctx.report({ node: call, message });
      },
    };
  },
});

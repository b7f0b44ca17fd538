import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments, enclosingFunction, stringLiteralValue } from "../../src/engine/ast.js";

/** The name is then created by an API that binds it exclusively: a UNIX socket, a FIFO, a pipe. */
const BOUND_ELSEWHERE = /\b(?:listenUNIX|connectUNIX|AF_UNIX|\.bind\(|mkfifo|socket|CreateNamedPipe|Listener\()/;

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
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. A Windows pipe name (`prefix=r'\\\\.\\pipe\\...'`) is not reported: it is not a file, and the pipe is created exclusively. Where the name is bound by a socket or FIFO, the message suggests a name inside `mkdtemp()`, since `mkstemp()` would create a file and the bind would fail.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("mktemp")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "tempfile.mktemp") return;
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

import { defineCheck, type Visitors } from "../../src/engine/check.js";

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
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("mktemp")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "tempfile.mktemp") return;
        ctx.report({ node: call, message: "`tempfile.mktemp()` is racy: use `mkstemp()` or `NamedTemporaryFile()`" });
      },
    };
  },
});

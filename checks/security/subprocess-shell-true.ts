import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { visibleBindings } from "../../src/engine/bindings.js";
import { callArguments, isStringNode, unparenthesize } from "../../src/engine/ast.js";

const SUBPROCESS = new Set([
  "subprocess.run",
  "subprocess.call",
  "subprocess.check_call",
  "subprocess.check_output",
  "subprocess.Popen",
  "subprocess.getoutput",
  "subprocess.getstatusoutput",
]);

/** A command spelled out in the source: a plain string or a list/tuple of them. */
function isLiteralCommand(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  const n = unparenthesize(node);
  if (isStringNode(n)) return !n.descendantsOfType("interpolation").length;
  if (n.type === "list" || n.type === "tuple")
    return n.namedChildren.every((c) => isStringNode(c) && !c.descendantsOfType("interpolation").length);
  return false;
}

/** A string the program builds from data: an f-string with fields, `%`, `+`, `.format()`, `.join()`. */
function isBuiltString(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (isStringNode(n)) return n.descendantsOfType("interpolation").length > 0;
  if (n.type === "binary_operator") return ["%", "+"].includes(n.childForFieldName("operator")?.text ?? "");
  if (n.type === "call") {
    const fn = n.childForFieldName("function");
    return fn?.type === "attribute" && ["format", "join"].includes(fn.childForFieldName("attribute")?.text ?? "");
  }
  return false;
}

/** The command is built from program data: directly, or through a local assigned such a string. */
function interpolatesData(ctx: CheckContext, command: SyntaxNode): boolean {
  const n = unparenthesize(command);
  if (isBuiltString(n)) return true;
  if (n.type === "identifier") {
    const found = visibleBindings(ctx, n);
    return !!found && found.sites.some((s) => s.value !== null && isBuiltString(s.value));
  }
  return false;
}

/** A comment on the call's line or the line above: the author explains the shell. */
function explained(ctx: CheckContext, call: SyntaxNode): boolean {
  const lines = ctx.source.split("\n");
  const above = lines[call.startPosition.row - 1] ?? "";
  const own = lines[call.startPosition.row] ?? "";
  return /^\s*#/.test(above) || own.includes("#");
}

export default defineCheck({
  id: "subprocess-shell-true",
  codes: ["S602", "S604"],
  category: "security",
  // Off by default: on the fresh-corpus study most of its findings were deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "`shell=True` with a command built at run time.",
    why: "With `shell=True` the command string is parsed by the shell, so any piece of outside input in it (a file name, a branch, a user value) can inject commands. Pass a list of arguments without `shell=True`, or quote with `shlex.quote` if a shell is truly needed.",
    bad: "import subprocess\n\nsubprocess.run(f'tar czf {name}.tgz {path}', shell=True)\n",
    good: "import subprocess\n\nsubprocess.run(['tar', 'czf', f'{name}.tgz', path])\n",
    differences:
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. Commands written as plain literals are not reported: nothing from outside reaches the shell (Ruff reports them with a milder message). Only a command the program builds from data is reported (an f-string with fields, `%`, `+`, `.format()`, `.join()`, directly or through a local): a command line handed over whole (`$PAGER`, the `cmd` parameter of a documented shell API like `getstatusoutput`) is the user's own, and Ruff's S602/S604 report it anyway. A comment on the line or the line above also silences it.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("shell")) return {};
    return {
      call(call) {
        const { positional, keywords } = callArguments(call);
        const shell = keywords.get("shell");
        if (!shell || shell.type !== "true") return;
        const command = positional[0] ?? keywords.get("args");
        if (isLiteralCommand(command)) return;
        // A command line handed over whole (a `$PAGER`, a caller's `cmd` in a documented shell
        // API such as `getstatusoutput`) is the user's own; the risk is data spliced into one.
        if (!command || !interpolatesData(ctx, command) || explained(ctx, call)) return;
        const fn = call.childForFieldName("function");
        if (!fn) return;
        const name = ctx.qualifiedName(fn);
        const inSubprocess = !!name && SUBPROCESS.has(name);
        ctx.report({
          node: fn,
          code: inSubprocess ? "S602" : "S604",
          message: "`shell=True` with a command built at run time: outside input can inject shell commands",
        });
      },
    };
  },
});

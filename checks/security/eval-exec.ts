import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";

/** A string literal with no interpolation (or a concatenation of them). */
function isConstantString(node: SyntaxNode): boolean {
  if (node.type === "concatenated_string") return node.namedChildren.every(isConstantString);
  return node.type === "string" && !node.namedChildren.some((c) => c.type === "interpolation");
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

export default defineCheck({
  id: "eval-exec",
  codes: ["S307", "S102"],
  pylint: ["eval-used", "exec-used"],
  category: "security",
  severity: "warning",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "`eval()` or `exec()`.",
    why: "Both run arbitrary code: with any outside input in reach they are a remote-code-execution hole, and even without it they defeat linters and type checkers. Parse data with `ast.literal_eval` or `json`, dispatch with a dict of functions.",
    bad: "value = eval(text)\n",
    good: "import ast\n\nvalue = ast.literal_eval(text)\n",
    differences:
      'Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. A call whose code is a constant string literal (`exec("""def f(*, a): ...""")`, a syntax-compatibility shim) runs no outside input and is not reported; Ruff reports it.',
  },
  create(ctx): Visitors {
    if (!/\b(eval|exec)\s*\(/.test(ctx.source)) return {};
    // A call of `eval`/`exec` spells the name in its text: other calls are told apart by position.
    const words = Array.from(ctx.source.matchAll(/\b(?:eval|exec)\b/g), (m) => m.index);
    return {
      call(call) {
        if (!anyWithin(words, call.startIndex, call.endIndex)) return;
        const fn = call.childForFieldName("function");
        if (!fn) return;
        // Only a callee spelled `eval`/`exec` (or `builtins.eval`) can be the builtin: a cheap test
        // of its text comes before reading the arguments and resolving names.
        const last =
          fn.type === "identifier" ? fn.text : fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : null;
        if (last !== "eval" && last !== "exec") return;
        // `exec("""def f(*, a): ...""")`: fixed code (a syntax-compatibility shim), no outside input.
        const first = call.childForFieldName("arguments")?.namedChildren.find((c) => c.type !== "comment");
        if (first && isConstantString(first)) return;
        if (ctx.isBuiltin(fn, "eval")) {
          ctx.report({
            node: call,
            code: "S307",
            message: "`eval()` runs arbitrary code: use `ast.literal_eval` for data",
          });
        } else if (ctx.isBuiltin(fn, "exec")) {
          ctx.report({ node: fn, code: "S102", message: "`exec()` runs arbitrary code" });
        }
      },
    };
  },
});

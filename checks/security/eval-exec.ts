import { defineCheck, type Visitors } from "../../src/engine/check.js";

export default defineCheck({
  id: "eval-exec",
  codes: ["S307", "S102"],
  pylint: ["eval-used", "exec-used"],
  category: "security",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "`eval()` or `exec()`.",
    why: "Both run arbitrary code: with any outside input in reach they are a remote-code-execution hole, and even without it they defeat linters and type checkers. Parse data with `ast.literal_eval` or `json`, dispatch with a dict of functions.",
    bad: "value = eval(text)\n",
    good: "import ast\n\nvalue = ast.literal_eval(text)\n",
  },
  create(ctx): Visitors {
    if (!/\b(eval|exec)\s*\(/.test(ctx.source)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn) return;
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

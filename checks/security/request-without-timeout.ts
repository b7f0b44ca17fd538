import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments } from "../../src/engine/ast.js";

const METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request"]);

export default defineCheck({
  id: "request-without-timeout",
  codes: ["S113"],
  category: "security",
  severity: "warning",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "A `requests` call without `timeout=`.",
    why: "`requests` waits forever by default: one unresponsive server hangs the worker, thread or whole service. Pass a `timeout` (seconds, or a `(connect, read)` tuple).",
    bad: "import requests\n\nresponse = requests.get(url)\n",
    good: "import requests\n\nresponse = requests.get(url, timeout=10)\n",
    differences:
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. A call with `**kwargs` is not reported, since they may carry `timeout`; Ruff reports it.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("requests")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        const name = fn && ctx.qualifiedName(fn);
        if (!name || !name.startsWith("requests.") || !METHODS.has(name.slice("requests.".length))) return;
        const { keywords, hasStar } = callArguments(call);
        const timeout = keywords.get("timeout");
        if (timeout?.type === "none") {
          ctx.report({ node: timeout.parent ?? timeout, message: "`timeout=None` lets the request wait forever" });
        } else if (!timeout && !hasStar) {
          ctx.report({ node: fn!, message: `\`${fn!.text}()\` without \`timeout=\` can wait forever` });
        }
      },
    };
  },
});

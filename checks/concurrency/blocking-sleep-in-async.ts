import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";

export default defineCheck({
  id: "blocking-sleep-in-async",
  codes: ["ASYNC251"],
  category: "concurrency",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`time.sleep()` inside `async def`.",
    why: "`time.sleep` blocks the whole event loop: every other task, request and timer stops for that long. `await asyncio.sleep(...)` suspends only this coroutine.",
    bad: "import time\n\nasync def poll():\n    time.sleep(1)\n",
    good: "import asyncio\n\nasync def poll():\n    await asyncio.sleep(1)\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("sleep") || !ctx.source.includes("async")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "time.sleep" || !enclosingAsyncDef(call)) return;
        ctx.report({ node: fn, message: "`time.sleep()` blocks the event loop: use `await asyncio.sleep()`" });
      },
    };
  },
});

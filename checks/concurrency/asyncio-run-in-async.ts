import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";

export default defineCheck({
  id: "asyncio-run-in-async",
  codes: [],
  category: "concurrency",
  severity: "error",
  fix: "never",
  docs: {
    summary: "`asyncio.run()` called inside `async def`.",
    why: "`asyncio.run` starts a new event loop and raises `RuntimeError: asyncio.run() cannot be called from a running event loop`. Inside a coroutine, `await` the coroutine (or schedule it with `asyncio.create_task`).",
    bad: "import asyncio\n\nasync def main():\n    asyncio.run(fetch())\n",
    good: "async def main():\n    await fetch()\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("run") || !ctx.source.includes("async")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "asyncio.run" || !enclosingAsyncDef(call)) return;
        ctx.report({
          node: call,
          message: "`asyncio.run()` inside a coroutine fails: the event loop is already running; `await` instead",
        });
      },
    };
  },
});

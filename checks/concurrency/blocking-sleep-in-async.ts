import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { explainedByComment } from "../../src/engine/comments.js";

/** The event loop library the module uses, for the sleep to suggest: trio and anyio have their own. */
function loopLibrary(source: string): string {
  for (const library of ["trio", "anyio", "curio"])
    if (new RegExp(`^\\s*(?:import|from)\\s+${library}\\b`, "m").test(source)) return library;
  return "asyncio";
}

export default defineCheck({
  id: "blocking-sleep-in-async",
  codes: ["ASYNC251"],
  category: "concurrency",
  severity: "error",
  type: "bug",
  fix: "never",
  // A test that blocks its own loop does so to test the loop (a tick monitor, a scheduler race);
  // a test that sleeps where it should wait for a condition is `sleep-in-test`'s to report.
  appliesTo: "non-tests",
  docs: {
    summary: "`time.sleep()` inside `async def`.",
    why: "`time.sleep` blocks the whole event loop: every other task, request and timer stops for that long. `await asyncio.sleep(...)` suspends only this coroutine.",
    bad: "import time\n\nasync def poll():\n    time.sleep(1)\n",
    good: "import asyncio\n\nasync def poll():\n    await asyncio.sleep(1)\n",
    differences:
      "A `time.sleep()` with a comment on its line or just above is not reported: blocking the loop on purpose (a test that lets the OS finish an operation before the loop can notice, trio's \"Note: not trio.sleep!\") is explained there. In a module that imports trio, anyio or curio, the message suggests that library's `sleep`. Test files are not checked: a test blocks its own loop to test the loop (distributed's tick-interval monitor, trio's scheduler tests), and a sleep that should be a wait is reported by `sleep-in-test`.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("sleep") || !ctx.source.includes("async")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "time.sleep" || !enclosingAsyncDef(call)) return;
        if (explainedByComment(ctx.source, call)) return;
        ctx.report({
          node: fn,
          message: `\`time.sleep()\` blocks the event loop: use \`await ${loopLibrary(ctx.source)}.sleep()\``,
        });
      },
    };
  },
});

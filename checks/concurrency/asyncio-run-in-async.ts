import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { anyWithin } from "../../src/engine/text.js";

export default defineCheck({
  id: "asyncio-run-in-async",
  codes: [],
  category: "concurrency",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`asyncio.run()` called inside `async def`.",
    why: "`asyncio.run` starts a new event loop and raises `RuntimeError: asyncio.run() cannot be called from a running event loop`. Inside a coroutine, `await` the coroutine (or schedule it with `asyncio.create_task`).",
    bad: "import asyncio\n\nasync def main():\n    asyncio.run(fetch())\n",
    good: "async def main():\n    await fetch()\n",
  },
  create(ctx): Visitors {
    // An `async def` needs the `async` keyword, a whole word (`asyncio` alone does not count).
    if (!ctx.source.includes("run") || !/\basync\b/.test(ctx.source)) return {};
    // `asyncio.run` is reached as `asyncio.run(...)`, as `run(...)` after `from asyncio import run`,
    // or through an `import ... as` alias: the callee's text rules out almost every call before
    // its name is resolved.
    const moduleAliased = /\basyncio(?:\s|\\|#[^\r\n]*[\r\n])+as\b/.test(ctx.source);
    const functionAliased = /\brun(?:\s|\\|#[^\r\n]*[\r\n])+as\b/.test(ctx.source);
    const mayBeAsyncioRun = (fn: SyntaxNode): boolean => {
      if (fn.type === "identifier") return functionAliased || fn.text === "run";
      if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "run") return false;
      const object = fn.childForFieldName("object");
      return object?.type === "identifier" && (moduleAliased || object.text === "asyncio");
    };
    // Unless `run` is imported under another name, a call of it spells `run` in its text.
    const runs = Array.from(ctx.source.matchAll(/\brun\b/g), (m) => m.index);
    return {
      call(call) {
        if (!functionAliased && !anyWithin(runs, call.startIndex, call.endIndex)) return;
        const fn = call.childForFieldName("function");
        if (!fn || !mayBeAsyncioRun(fn) || !enclosingAsyncDef(call) || ctx.qualifiedName(fn) !== "asyncio.run") return;
        ctx.report({
          node: call,
          message: "`asyncio.run()` inside a coroutine fails: the event loop is already running; `await` instead",
        });
      },
    };
  },
});

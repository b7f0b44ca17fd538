import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import type { SyntaxNode } from "tree-sitter";
import { dottedParts, enclosingFunction, walkScope } from "../../src/engine/ast.js";
import { insideExpectedFailure } from "../../src/engine/bindings.js";

/** A generator-based coroutine (`yield from` in a plain def): it runs on the loop too. */
function inYieldFromFunction(node: SyntaxNode): boolean {
  const def = enclosingFunction(node);
  const body = def?.type === "function_definition" ? def.childForFieldName("body") : null;
  let found = false;
  if (body)
    walkScope(body, (n) => {
      if (n.type === "yield" && n.text.startsWith("yield from")) found = true;
      return !found;
    });
  return found;
}

/** `try: ... get_event_loop() ... except RuntimeError:`: code that already handles "no current loop". */
function handlesRuntimeError(node: SyntaxNode): boolean {
  for (let cur: SyntaxNode | null = node; cur?.parent; cur = cur.parent) {
    const parent: SyntaxNode = cur.parent;
    if (parent.type === "function_definition" || parent.type === "lambda" || parent.type === "class_definition")
      return false;
    if (parent.type !== "try_statement" || parent.childForFieldName("body")?.id !== cur.id) continue;
    for (const clause of parent.namedChildren) {
      if (clause.type !== "except_clause") continue;
      const caught = clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
      if (!caught || /\b(RuntimeError|Exception|BaseException)\b/.test(caught.text)) return true;
    }
  }
  return false;
}

export default defineCheck({
  id: "deprecated-get-event-loop",
  codes: [],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary:
      "`asyncio.get_event_loop()`: deprecated without a running loop, and not the way to get the loop in a coroutine.",
    why: "Without a running event loop, `asyncio.get_event_loop()` is deprecated: it warns since Python 3.12 (when no loop is set) and raises `RuntimeError` from 3.14 instead of creating a loop. Start the program with `asyncio.run(main())`, or create a loop explicitly with `asyncio.new_event_loop()`. Inside a coroutine, `asyncio.get_running_loop()` is the documented, unambiguous way to get the loop.",
    bad: "import asyncio\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\n",
    good: "import asyncio\n\nasyncio.run(main())\n",
    differences:
      'Outside coroutines only certain cases are reported: at import time, or in a function that then runs the loop itself (`run_until_complete`, `run_forever`); a sync helper may well be called while a loop runs. Not reported: a call inside `try` whose `except` handles `RuntimeError` (code that already copes with "no current loop"), inside a generator-based coroutine (`yield from`), inside `with self.assertRaises(...)`/`pytest.raises(...)`/warnings checks, and `get_event_loop` imported under another name (a fallback for old Pythons). `get_running_loop()` is Python 3.7+: the rule runs only when the target Python is known (config or `requires-python`, also read from setup.cfg, setup.py or installed metadata) and at least 3.7.',
    fixSafety:
      "Safe (no Ruff code to compare with): inside `async def` a loop is running, and `get_event_loop()` returns it, exactly as `get_running_loop()` does: the fix renames the call when it is spelled `asyncio.get_event_loop()` (or through an alias of the module). A bare `get_event_loop()` imported from asyncio is reported without a fix, and so are calls outside coroutines.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("get_event_loop")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        // `from asyncio import get_event_loop as get_running_loop` is a fallback for old Pythons.
        if (!fn || !fn.text.endsWith("get_event_loop") || ctx.qualifiedName(fn) !== "asyncio.get_event_loop") return;
        if (insideExpectedFailure(call)) return;
        if (enclosingAsyncDef(call)) {
          const attribute = fn.type === "attribute" ? fn.childForFieldName("attribute") : null;
          const canRename = !!attribute && dottedParts(fn)?.length === 2;
          ctx.report({
            node: call,
            message: "In a coroutine, use `asyncio.get_running_loop()`: `get_event_loop()` depends on the loop policy",
            fix: canRename
              ? {
                  title: "Replace with `get_running_loop()`",
                  edits: [ctx.edits.replace(attribute, "get_running_loop")],
                }
              : null,
          });
          return;
        }
        if (inYieldFromFunction(call) || handlesRuntimeError(call)) return;
        // Outside a coroutine a loop may still be running (a sync helper called from async
        // code). Certain: import time, or a function that goes on to run the loop itself.
        const fnDef = enclosingFunction(call);
        if (fnDef && !/\.(run_until_complete|run_forever)\(/.test(ctx.text(fnDef))) return;
        ctx.report({
          node: call,
          message:
            "`asyncio.get_event_loop()` without a running loop is deprecated (an error from Python 3.14): use `asyncio.run()` or `asyncio.new_event_loop()`, or `asyncio.get_running_loop()` in code the loop runs",
        });
      },
    };
  },
});

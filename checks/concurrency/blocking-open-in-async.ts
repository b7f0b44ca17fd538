import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { calledName, lastName, visibleBindings } from "../../src/engine/bindings.js";

const OPEN = new Set(["open", "builtins.open", "io.open", "io.open_code"]);

/** `Path(...).open` or `p.open` where `p` was last bound to `pathlib.Path(...)` (as Ruff resolves it). */
function isPathOpen(ctx: CheckContext, fn: SyntaxNode): boolean {
  if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "open") return false;
  const object = fn.childForFieldName("object");
  if (!object) return false;
  if (object.type === "call") return calledName(ctx, object) === "pathlib.Path";
  if (object.type !== "identifier") return false;
  const found = visibleBindings(ctx, object);
  if (!found) return false;
  // The binding the use sees: the last one before it in its own scope, else the last one.
  const before = found.sites.filter((s) => s.id.startIndex < fn.startIndex);
  const site = before.length > 0 ? before[before.length - 1]! : found.sites[found.sites.length - 1]!;
  return calledName(ctx, site.value) === "pathlib.Path";
}

export default defineCheck({
  id: "blocking-open-in-async",
  codes: ["ASYNC230"],
  category: "concurrency",
  // Off by default: on the fresh-corpus study most of its findings were deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  // A test's own event loop serves only that test: opening a fixture file there stalls no one.
  appliesTo: "non-tests",
  docs: {
    summary: "`open()` (or `io.open`, `Path(...).open()`) inside `async def`.",
    why: "Opening, reading and writing a file are blocking system calls: on a slow or network disk they stall the event loop and every other task with it. Read the file in a thread (`await asyncio.to_thread(path.read_text)`) or use an async file library (`anyio.open_file`, `aiofiles`).",
    bad: "async def load(path):\n    with open(path) as f:\n        return f.read()\n",
    good: "import asyncio\nfrom pathlib import Path\n\nasync def load(path):\n    return await asyncio.to_thread(Path(path).read_text)\n",
    differences:
      "Test files are not checked (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`): the loop there runs only the test, which writes and reads its fixture files on purpose. Ruff's ASYNC230 reports them too. In a module that imports trio or anyio, the message suggests that library's thread helper.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("async") || !ctx.source.includes("open")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || (lastName(fn) !== "open" && lastName(fn) !== "open_code") || !enclosingAsyncDef(call)) return;
        const name = ctx.qualifiedName(fn);
        if (!(name !== null && OPEN.has(name)) && !isPathOpen(ctx, fn)) return;
        const toThread = /^\s*(?:import|from)\s+trio\b/m.test(ctx.source)
          ? "trio.to_thread.run_sync"
          : /^\s*(?:import|from)\s+anyio\b/m.test(ctx.source)
            ? "anyio.to_thread.run_sync"
            : "asyncio.to_thread";
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` does blocking file I/O on the event loop: use \`await ${toThread}(...)\` or an async file library`,
        });
      },
    };
  },
});

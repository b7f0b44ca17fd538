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
  severity: "info",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`open()` (or `io.open`, `Path(...).open()`) inside `async def`.",
    why: "Opening, reading and writing a file are blocking system calls: on a slow or network disk they stall the event loop and every other task with it. Read the file in a thread (`await asyncio.to_thread(path.read_text)`) or use an async file library (`anyio.open_file`, `aiofiles`).",
    bad: "async def load(path):\n    with open(path) as f:\n        return f.read()\n",
    good: "import asyncio\nfrom pathlib import Path\n\nasync def load(path):\n    return await asyncio.to_thread(Path(path).read_text)\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("async") || !ctx.source.includes("open")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || (lastName(fn) !== "open" && lastName(fn) !== "open_code") || !enclosingAsyncDef(call)) return;
        const name = ctx.qualifiedName(fn);
        if (!(name !== null && OPEN.has(name)) && !isPathOpen(ctx, fn)) return;
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` does blocking file I/O on the event loop: use \`await asyncio.to_thread(...)\` or an async file library`,
        });
      },
    };
  },
});

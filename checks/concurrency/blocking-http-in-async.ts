import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { lastName } from "../../src/engine/bindings.js";

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "connect", "trace", "request"];
/** The module-level synchronous HTTP functions Ruff's ASYNC210 knows. */
const LAST_NAMES = new Set([...METHODS, "urlopen"]);
const BLOCKING = new Set([
  "urllib.request.urlopen",
  "urllib3.request",
  ...METHODS.flatMap((m) => [`requests.${m}`, `httpx.${m}`]),
]);

export default defineCheck({
  id: "blocking-http-in-async",
  codes: ["ASYNC210"],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A blocking HTTP call (`requests.get`, `httpx.get`, `urllib.request.urlopen`, ...) inside `async def`.",
    why: "A synchronous HTTP call holds the event loop for the whole round trip: every other task, request and timer waits until the response arrives (or the request times out). Use an async client (`httpx.AsyncClient`, `aiohttp`) or move the call to a thread with `await asyncio.to_thread(...)`.",
    bad: "import requests\n\nasync def fetch(url):\n    return requests.get(url, timeout=10).json()\n",
    good: "import httpx\n\nasync def fetch(url):\n    async with httpx.AsyncClient() as client:\n        response = await client.get(url, timeout=10)\n        return response.json()\n",
  },
  create(ctx): Visitors {
    const source = ctx.source;
    if (!source.includes("async") || !/requests|httpx|urlopen|urllib3/.test(source)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !LAST_NAMES.has(lastName(fn))) return;
        const name = ctx.qualifiedName(fn);
        if (!name || !BLOCKING.has(name) || !enclosingAsyncDef(call)) return;
        ctx.report({
          node: fn,
          message: `\`${fn.text}()\` blocks the event loop until the response arrives: use an async HTTP client or \`await asyncio.to_thread(...)\``,
        });
      },
    };
  },
});

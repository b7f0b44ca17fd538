import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { callArguments } from "../../src/engine/ast.js";
import { lastName, visibleBindings } from "../../src/engine/bindings.js";

/** ASYNC221: run a process and wait for it. */
const RUN = new Set([
  "os.system",
  "os.posix_spawn",
  "os.posix_spawnp",
  "subprocess.run",
  "subprocess.call",
  "subprocess.check_call",
  "subprocess.check_output",
  "subprocess.getoutput",
  "subprocess.getstatusoutput",
]);
/** ASYNC220: create a process (and talk to it with blocking pipes). */
const CREATE = new Set(["subprocess.Popen", "os.popen"]);
/** Waits (ASYNC221) in mode `os.P_WAIT`, else creates (ASYNC220). */
const SPAWN = new Set(
  ["spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"].map((f) => `os.${f}`),
);

const LAST_NAMES = new Set([...RUN, ...CREATE, ...SPAWN].map((n) => n.slice(n.lastIndexOf(".") + 1)));

/** Whether an `os.spawn*` call waits for the child: mode `os.P_WAIT`, or no mode given (as Ruff reads it). */
function spawnWaits(ctx: CheckContext, call: SyntaxNode): boolean {
  const { positional, keywords } = callArguments(call);
  const mode = keywords.get("mode") ?? positional[0];
  if (!mode) return true;
  const name = ctx.qualifiedName(mode);
  if (name !== null) return name === "os.P_WAIT";
  if (mode.type !== "identifier") return false;
  // `mode = os.P_WAIT` ... `os.spawnv(mode, ...)`: the last assignment before the call.
  const found = visibleBindings(ctx, mode);
  const before = found?.sites.filter((s) => s.id.startIndex < call.startIndex) ?? [];
  const value = before[before.length - 1]?.value;
  return !!value && ctx.qualifiedName(value) === "os.P_WAIT";
}

export default defineCheck({
  id: "blocking-subprocess-in-async",
  codes: ["ASYNC220", "ASYNC221"],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`subprocess.run`, `subprocess.Popen`, `os.system`, `os.popen`, `os.spawn*` ... inside `async def`.",
    why: "Running a process with the synchronous APIs blocks the event loop until it exits; `subprocess.Popen`/`os.popen` create one whose pipes and `wait()` block too. Every other task stalls meanwhile. Use `await asyncio.create_subprocess_exec(...)` (or `anyio.run_process`), or move the call to a thread with `await asyncio.to_thread(...)`.",
    bad: "import subprocess\n\nasync def build():\n    subprocess.run(['make'], check=True)\n",
    good: "import asyncio\n\nasync def build():\n    process = await asyncio.create_subprocess_exec('make')\n    await process.wait()\n",
    differences:
      "Ruff's ASYNC222 (`os.wait*`) is not part of this check: `os.waitpid(pid, os.WNOHANG)` returns at once.",
  },
  create(ctx): Visitors {
    const source = ctx.source;
    if (!source.includes("async") || !/subprocess|\bos\b|spawn|popen|system/.test(source)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !LAST_NAMES.has(lastName(fn))) return;
        const name = ctx.qualifiedName(fn);
        if (!name || !(RUN.has(name) || CREATE.has(name) || SPAWN.has(name)) || !enclosingAsyncDef(call)) return;
        const spawn = SPAWN.has(name);
        const waits = RUN.has(name) || (spawn && spawnWaits(ctx, call));
        const call_ = `\`${fn.text}()\``;
        ctx.report({
          node: fn,
          code: waits ? "ASYNC221" : "ASYNC220",
          message: waits
            ? `${call_} blocks the event loop until the process exits: use \`asyncio.create_subprocess_exec()\` or \`asyncio.to_thread()\``
            : spawn
              ? `${call_} in a coroutine starts a process that only blocking calls can wait for: use \`asyncio.create_subprocess_exec()\``
              : `${call_} in a coroutine: its pipes and \`wait()\` block the event loop; use \`asyncio.create_subprocess_exec()\``,
        });
      },
    };
  },
});

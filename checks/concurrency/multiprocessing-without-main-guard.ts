import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { alwaysAssigned, calledName, lastName } from "../../src/engine/bindings.js";

/** Calls that start worker processes as soon as they run. */
const STARTS = new Set([
  "multiprocessing.Pool",
  "multiprocessing.pool.Pool",
  "multiprocessing.Manager",
  "concurrent.futures.ProcessPoolExecutor",
  "concurrent.futures.process.ProcessPoolExecutor",
]);
const PROCESS = new Set(["multiprocessing.Process", "multiprocessing.context.Process"]);

/** `if __name__ == "__main__":` (either operand order, possibly within a larger condition). */
function isMainGuard(node: SyntaxNode): boolean {
  if (node.type !== "if_statement") return false;
  const condition = node.childForFieldName("condition")?.text ?? "";
  return condition.includes("__name__") && condition.includes("__main__");
}

/** Code that runs when the module is imported: not in a def, lambda or class body... nor under the main guard. */
function runsAtImport(node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "function_definition" || cur.type === "lambda" || isMainGuard(cur)) return false;
    // A class body runs at import too, but starting processes there is not the pattern this check is about.
    if (cur.type === "class_definition") return false;
  }
  return true;
}

/** What this call starts, or null: a pool/manager/executor, or `.start()` on a `multiprocessing.Process`. */
const LAST_NAMES = new Set(["Pool", "Manager", "ProcessPoolExecutor", "start"]);

function started(ctx: CheckContext, call: SyntaxNode): string | null {
  const callee = call.childForFieldName("function");
  if (!callee || !LAST_NAMES.has(lastName(callee))) return null;
  const name = calledName(ctx, call);
  if (name !== null && STARTS.has(name))
    return `\`${call.childForFieldName("function")!.text}()\` starts worker processes`;
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "start") return null;
  const object = fn.childForFieldName("object");
  if (!object) return null;
  const isProcess = (v: SyntaxNode): boolean => PROCESS.has(calledName(ctx, v) ?? "");
  if (
    object.type === "call" ? isProcess(object) : object.type === "identifier" && alwaysAssigned(ctx, object, isProcess)
  )
    return "`.start()` starts a process";
  return null;
}

export default defineCheck({
  id: "multiprocessing-without-main-guard",
  codes: [],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: 'A module that starts processes at import time, outside `if __name__ == "__main__":`.',
    why: 'With the `spawn` and `forkserver` start methods (the default on Windows and macOS, and on Linux from Python 3.14), every child process imports the main module again. Code at module level that starts processes then runs again in each child: it fails with `RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase`, or keeps spawning. Put it under `if __name__ == "__main__":`.',
    bad: "from multiprocessing import Pool\n\ndef square(x):\n    return x * x\n\nwith Pool() as pool:\n    print(pool.map(square, range(10)))\n",
    good: 'from multiprocessing import Pool\n\ndef square(x):\n    return x * x\n\nif __name__ == "__main__":\n    with Pool() as pool:\n        print(pool.map(square, range(10)))\n',
    differences:
      "Reported once per module, at the first call that starts processes: `multiprocessing.Pool(...)`, `multiprocessing.Manager()`, `ProcessPoolExecutor(...)`, or `.start()` on a `multiprocessing.Process`. Thread pools (`multiprocessing.pool.ThreadPool`, `ThreadPoolExecutor`) are not processes and are not reported.",
  },
  create(ctx): Visitors {
    const source = ctx.source;
    if (!source.includes("multiprocessing") && !source.includes("ProcessPoolExecutor")) return {};
    let done = false;
    return {
      call(call) {
        if (done || !runsAtImport(call)) return;
        const what = started(ctx, call);
        if (!what) return;
        done = true;
        ctx.report({
          node: call,
          message: `${what} at import time: with the \`spawn\`/\`forkserver\` start methods each child re-imports this module and runs it again; move it under \`if __name__ == "__main__":\``,
        });
      },
    };
  },
});

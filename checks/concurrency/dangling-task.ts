import type { SyntaxNode } from "tree-sitter";
import { explainedByComment } from "../../src/engine/comments.js";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import {
  bindingSites,
  calledName,
  insideExpectedFailure,
  isDropped,
  lastName,
  scopeOf,
  visibleBindings,
} from "../../src/engine/bindings.js";

const SPAWNERS: Record<string, string> = {
  "asyncio.create_task": "create_task",
  "asyncio.ensure_future": "ensure_future",
};
const LOOP_GETTERS = new Set(["asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"]);

/** `asyncio.create_task(...)`, `asyncio.ensure_future(...)`, or `loop.create_task(...)` on a loop from asyncio: the text of the callee. */
function taskSpawn(ctx: CheckContext, node: SyntaxNode): string | null {
  const call = unparenthesize(node);
  if (call.type !== "call") return null;
  const fn = call.childForFieldName("function");
  if (!fn) return null;
  const last = lastName(fn);
  if (last !== "create_task" && last !== "ensure_future") return null;
  const name = ctx.qualifiedName(fn);
  if (name !== null && SPAWNERS[name]) return fn.text;
  // `loop = asyncio.get_running_loop()` ... `loop.create_task(...)`: the binding the use sees.
  if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "create_task") return null;
  const object = fn.childForFieldName("object");
  if (object?.type !== "identifier") return null;
  const found = visibleBindings(ctx, object);
  if (!found) return null;
  const sameScope = found.scope.id === scopeOf(fn).id;
  const before = sameScope ? found.sites.filter((s) => s.id.startIndex < fn.startIndex) : found.sites;
  const site = before[before.length - 1];
  const getter = calledName(ctx, site?.value ?? null);
  return getter !== null && LOOP_GETTERS.has(getter) ? fn.text : null;
}

/** Whether `name` is read anywhere in `fn` other than at its own binding sites. */
function isRead(fn: SyntaxNode, name: string, bindings: Set<number>): boolean {
  return fn.descendantsOfType("identifier").some((id) => {
    // `del task` counts as a use (as Ruff reads it).
    if (id.text !== name || (bindings.has(id.id) && id.parent?.type !== "delete_statement")) return false;
    const parent = id.parent!;
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return false;
    if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return false;
    return true;
  });
}

/** Whether `fn` suspends (an `await`, `async for`, `async with`) after `statement`, in its own body. */
function suspendsAfter(fn: SyntaxNode, statement: SyntaxNode): boolean {
  return fn
    .descendantsOfType(["await", "for_statement", "with_statement"])
    .some(
      (n) =>
        n.startIndex >= statement.endIndex &&
        (n.type === "await" || n.child(0)?.type === "async") &&
        scopeOf(n).id === fn.id,
    );
}

export default defineCheck({
  id: "dangling-task",
  codes: ["RUF006"],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`asyncio.create_task(...)` / `asyncio.ensure_future(...)` whose task is not kept.",
    why: "The event loop keeps only a weak reference to tasks: a task nobody holds can be garbage-collected before it finishes, so the work silently stops halfway, and its exception is never seen. Keep the task (in a set of background tasks, or `await` it later), or use `asyncio.TaskGroup`.",
    bad: "import asyncio\n\nasync def main():\n    asyncio.create_task(heartbeat())\n    await serve()\n",
    good: "import asyncio\n\nbackground = set()\n\nasync def main():\n    task = asyncio.create_task(heartbeat())\n    background.add(task)\n    task.add_done_callback(background.discard)\n    await serve()\n",
    differences:
      'A task assigned to a module-level or class-level name is held by the module or class for good, so it is not reported (Ruff reports such a name when the module never reads it). A task assigned to a local that is read anywhere in the function (also before the assignment, in a loop) is kept, and so is one the function awaits something after: the local holds it while the function is suspended, often waiting for what the task produces. A call inside `with self.assertRaises(...)` / `pytest.raises(...)` (or a warnings check) is expected to fail and create no task. A comment on the line or the line above ("leave this running in the background") says the task is left on purpose.',
  },
  create(ctx): Visitors {
    const source = ctx.source;
    if (!source.includes("create_task") && !source.includes("ensure_future")) return {};
    return {
      call(call) {
        const spawn = taskSpawn(ctx, call);
        if (!spawn || insideExpectedFailure(call)) return;
        // "# Leave this running in the background": a task left on purpose, and said so.
        if (explainedByComment(ctx.source, call)) return;
        const message = `The task from \`${spawn}()\` is not kept: the event loop holds only a weak reference, so it can be garbage-collected before it finishes; store it (e.g. in a set) or \`await\` it`;
        if (isDropped(call)) {
          ctx.report({ node: call, message });
          return;
        }
        // `task = asyncio.create_task(...)` in a function, and `task` never read.
        let top: SyntaxNode = call;
        while (top.parent?.type === "parenthesized_expression") top = top.parent;
        const assignment = top.parent;
        if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== top.id) return;
        if (assignment.parent?.type !== "expression_statement") return;
        const scope = scopeOf(assignment);
        if (scope.type !== "function_definition") return;
        const left = assignment.childForFieldName("left");
        const sites = left ? bindingSites(scope, left.text.replace(/^\((\w+)\)$/, "$1")) : null;
        const site = sites?.find((s) => s.value?.id === call.id);
        if (!site || !sites) return;
        if (isRead(scope, site.id.text, new Set(sites.map((s) => s.id.id)))) return;
        // The local keeps the task alive while the function waits later on (often for what the
        // task produces): only a task left behind with nothing awaited after it is certain.
        if (suspendsAfter(scope, assignment)) return;
        ctx.report({ node: call, message });
      },
    };
  },
});

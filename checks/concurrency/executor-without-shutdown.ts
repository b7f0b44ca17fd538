import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { bindingSites, calledName, scopeOf } from "../../src/engine/bindings.js";
import { quoteCode } from "../../src/engine/quote.js";

const EXECUTORS = new Set([
  "concurrent.futures.ThreadPoolExecutor",
  "concurrent.futures.ProcessPoolExecutor",
  "concurrent.futures.thread.ThreadPoolExecutor",
  "concurrent.futures.process.ProcessPoolExecutor",
]);
/** Attributes that end the executor (or hand it to a `with` by hand). */
const CLOSERS = new Set(["shutdown", "__exit__", "__enter__"]);

/**
 * Whether every use of `name` in `def` (other than its binding) is `name.method`, none of which shuts
 * it down, and there is at least one. Anything else (`with name:`, returned, passed, stored) lets it go.
 */
function usedOnlyLocally(def: SyntaxNode, name: string, bindingId: number): boolean {
  let uses = 0;
  for (const id of def.descendantsOfType("identifier")) {
    if (id.text !== name || id.id === bindingId) continue;
    const parent = id.parent!;
    if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) continue;
    if (parent.type === "attribute") {
      if (parent.childForFieldName("attribute")?.id === id.id) continue;
      const attribute = parent.childForFieldName("attribute")?.text ?? "";
      if (CLOSERS.has(attribute)) return false;
      // Only in this function's own code: a nested def or lambda may outlive it.
      if (scopeOf(id).id !== def.id) return false;
      uses++;
      continue;
    }
    return false;
  }
  return uses > 0;
}

export default defineCheck({
  id: "executor-without-shutdown",
  codes: [],
  category: "concurrency",
  severity: "info",
  type: "bug",
  fix: "never",
  docs: {
    summary:
      "A `ThreadPoolExecutor`/`ProcessPoolExecutor` in a local variable that is neither used in `with` nor shut down.",
    why: "An executor that is never shut down keeps its worker threads or processes until it happens to be garbage-collected, and nothing waits for the work it still runs. `with ThreadPoolExecutor() as pool:` shuts the pool down and waits for pending work when the block ends, on every path; so does an explicit `pool.shutdown()` in a `finally`.",
    bad: "from concurrent.futures import ThreadPoolExecutor\n\ndef fetch_all(urls):\n    pool = ThreadPoolExecutor(max_workers=8)\n    return list(pool.map(fetch, urls))\n",
    good: "from concurrent.futures import ThreadPoolExecutor\n\ndef fetch_all(urls):\n    with ThreadPoolExecutor(max_workers=8) as pool:\n        return list(pool.map(fetch, urls))\n",
    differences:
      "Only an executor assigned to a local variable of a function, used there only through its methods, is reported. One that is returned, passed on, stored (`self.pool = pool`), used in `with`, or referenced from a nested function escapes the function and is someone else's to shut down; module-level and attribute executors are not reported.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("PoolExecutor")) return {};
    return {
      call(call) {
        const assignment = call.parent;
        if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== call.id) return;
        if (assignment.parent?.type !== "expression_statement") return;
        const left = assignment.childForFieldName("left");
        const def = scopeOf(assignment);
        if (left?.type !== "identifier" || def.type !== "function_definition") return;
        const name = calledName(ctx, call);
        if (name === null || !EXECUTORS.has(name)) return;
        const sites = bindingSites(def, left.text);
        if (sites?.length !== 1) return;
        if (!usedOnlyLocally(def, left.text, left.id)) return;
        ctx.report({
          node: call,
          message: `\`${left.text}\` is never shut down: use ${quoteCode(`with ${call.text} as ${left.text}:`)} or call \`${left.text}.shutdown()\``,
        });
      },
    };
  },
});

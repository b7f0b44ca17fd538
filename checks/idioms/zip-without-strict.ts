import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { callArguments } from "../../src/engine/ast.js";

const INFINITE = new Set(["itertools.count", "itertools.cycle"]);

/** `itertools.count()`, `cycle(...)`, `repeat(x)` (no count): zipping with them cannot be strict. */
function isInfinite(ctx: CheckContext, node: SyntaxNode): boolean {
  if (node.type !== "call") return false;
  const fn = node.childForFieldName("function");
  const name = fn && ctx.qualifiedName(fn);
  if (!name) return false;
  if (INFINITE.has(name)) return true;
  if (name !== "itertools.repeat") return false;
  const { positional, keywords } = callArguments(node);
  return positional.length === 1 && !keywords.has("times");
}

export default defineCheck({
  id: "zip-without-strict",
  codes: ["B905"],
  category: "idioms",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "`zip()` calls over several iterables pass `strict=`" },
  fix: "never",
  minPython: "3.10",
  docs: {
    summary: "`zip()` over several iterables without an explicit `strict=`.",
    why: "`zip` stops silently at the shortest input, so a missing element drops data without a trace. Since Python 3.10, `strict=True` raises when lengths differ; `strict=False` documents that truncation is intended.",
    bad: "for name, score in zip(names, scores):\n    print(name, score)\n",
    good: "for name, score in zip(names, scores, strict=True):\n    print(name, score)\n",
    differences: "Ruff also flags `zip(a, b, **options)`; peptalk does not, since `options` may carry `strict=`.",
  },
  requires: ["zip"],
  create(ctx) {
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "identifier" || fn.text !== "zip" || !ctx.isBuiltin(fn)) return;
        const { positional, keywords, hasStar } = callArguments(call);
        if (keywords.has("strict")) {
          ctx.follows(call);
          return;
        }
        if (positional.length < 2 && !hasStar) return;
        if (positional.some((arg) => isInfinite(ctx, arg))) return;
        // `**kwargs` may carry `strict`.
        if (call.childForFieldName("arguments")?.namedChildren.some((c) => c.type === "dictionary_splat")) return;
        ctx.report({
          node: call,
          message: "`zip()` without an explicit `strict=`: unequal lengths are silently truncated",
        });
      },
    };
  },
});

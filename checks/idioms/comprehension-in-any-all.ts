import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { hasComment } from "../../src/engine/ast.js";

export default defineCheck({
  id: "comprehension-in-any-all",
  codes: ["C419"],
  pylint: ["use-a-generator"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "`any([...])` / `all([...])` over a list or set comprehension.",
    why: "The brackets build the whole list before `any`/`all` look at it, so the short-circuit that makes them cheap is lost. A generator expression stops at the first decisive element.",
    bad: "if any([user.is_admin for user in users]):\n    pass\n",
    good: "if any(user.is_admin for user in users):\n    pass\n",
    fixSafety:
      "Unsafe, as in Ruff: a generator lets `any`/`all` stop at the first decisive element, so the elements after it are no longer computed and their side effects (a call that logs, validates or mutates) no longer happen. Offered when the comprehension is the only argument and holds no comment.",
  },
  create(ctx): Visitors {
    if (!/\b(any|all)\(\s*[[{]/.test(ctx.source)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        const args = call.childForFieldName("arguments");
        if (!fn || fn.type !== "identifier" || (fn.text !== "any" && fn.text !== "all") || !ctx.isBuiltin(fn)) return;
        if (args?.type !== "argument_list") return;
        const items = args.namedChildren.filter((c) => c.type !== "comment");
        const [comp] = items;
        if (items.length !== 1 || !comp || (comp.type !== "list_comprehension" && comp.type !== "set_comprehension"))
          return;
        // An `await` inside cannot move into a generator expression of a sync function.
        if (comp.descendantsOfType("await").length > 0) return;
        const inner = ctx.text({ start: comp.startIndex + 1, end: comp.endIndex - 1 });
        ctx.report({
          node: comp,
          message: `\`${fn.text}()\` over a ${comp.type === "list_comprehension" ? "list" : "set"} comprehension builds it in full: use a generator`,
          fix: hasComment(args)
            ? null
            : {
                title: "Use a generator expression",
                edits: [ctx.edits.replace(comp, inner)],
                safety: "unsafe",
                unsafeReason: `\`${fn.text}()\` would stop at the first ${fn.text === "any" ? "true" : "false"} element: the remaining elements, and their side effects, would no longer be computed`,
              },
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";

// Consumers that call the function right away, inside the same iteration.
const IMMEDIATE_CONSUMERS = new Set(["filter", "map", "reduce", "functools.reduce", "max", "min", "sorted", "sort"]);

export default defineCheck({
  id: "loop-variable-closure",
  codes: ["B023"],
  pylint: ["cell-var-from-loop"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A function or lambda defined in a loop that uses the loop variable without binding it.",
    why: "Closures see variables, not values: every function created in the loop sees the loop variable's *last* value when it finally runs. Bind the current value as a default (`lambda i=i: ...`) or use `functools.partial`.",
    bad: "callbacks = []\nfor name in names:\n    callbacks.append(lambda: print(name))\n",
    good: "callbacks = []\nfor name in names:\n    callbacks.append(lambda name=name: print(name))\n",
  },
  create(ctx) {
    return {
      for_statement(loop) {
        const left = loop.childForFieldName("left");
        const body = loop.childForFieldName("body");
        if (!left || !body) return;
        const loopNames = new Set(targetNames(left).map((n) => n.text));
        if (loopNames.size === 0) return;
        for (const fn of body.descendantsOfType(["lambda", "function_definition"])) {
          // Called right away by a consumer inside the iteration: the value is current.
          const call =
            fn.parent?.type === "argument_list" || fn.parent?.type === "keyword_argument" ? fn.parent.parent : null;
          const callee = (call?.type === "argument_list" ? call.parent : call)?.childForFieldName("function");
          const calleeName = callee
            ? callee.type === "attribute"
              ? callee.childForFieldName("attribute")?.text
              : (ctx.qualifiedName(callee) ?? callee.text)
            : null;
          if (calleeName && IMMEDIATE_CONSUMERS.has(calleeName)) continue;
          let statement: SyntaxNode | null = fn;
          while (statement && statement.parent?.id !== body.id) statement = statement.parent;
          // `return lambda: i` / `yield ...` leave the loop at once.
          if (statement?.type === "return_statement") continue;
          const own = ctx.names.scopeOf(fn);
          const reported = new Set<string>();
          const fnBody = fn.childForFieldName("body");
          if (!fnBody) continue;
          for (const id of [fnBody, ...fnBody.descendantsOfType("identifier")]) {
            if (id.type !== "identifier" || !loopNames.has(id.text) || own.has(id.text) || reported.has(id.text))
              continue;
            if (id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id) continue;
            if (id.parent?.type === "keyword_argument" && id.parent.childForFieldName("name")?.id === id.id) continue;
            reported.add(id.text);
            ctx.report({
              node: id,
              message: `The function does not bind loop variable \`${id.text}\`: it will see the last value`,
            });
          }
        }
      },
    };
  },
});

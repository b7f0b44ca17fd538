import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";

// Consumers that call the function right away, inside the same iteration.
const IMMEDIATE_CONSUMERS = new Set(["filter", "map", "reduce", "functools.reduce", "max", "min", "sorted", "sort"]);
const COMPREHENSIONS = ["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"];
const FUNCTIONS = ["lambda", "function_definition"];

/** Whether `fn` is an argument of a consumer that calls it during the iteration (`sorted(key=...)`). */
function calledAtOnce(ctx: CheckContext, fn: SyntaxNode): boolean {
  const call = fn.parent?.type === "argument_list" || fn.parent?.type === "keyword_argument" ? fn.parent.parent : null;
  const callee = (call?.type === "argument_list" ? call.parent : call)?.childForFieldName("function");
  if (!callee) return false;
  const name =
    callee.type === "attribute"
      ? callee.childForFieldName("attribute")?.text
      : (ctx.qualifiedName(callee) ?? callee.text);
  return !!name && IMMEDIATE_CONSUMERS.has(name);
}

/** Whether `fn` is part of a `return` statement inside `body`: it leaves the loop at once. */
function returned(fn: SyntaxNode, body: SyntaxNode): boolean {
  for (let cur = fn.parent; cur && cur.id !== body.id; cur = cur.parent) {
    if (cur.type === "return_statement") return true;
    if (cur.type === "function_definition" || cur.type === "lambda") return false;
  }
  return false;
}

export default defineCheck({
  id: "loop-variable-closure",
  codes: ["B023"],
  pylint: ["cell-var-from-loop"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A function or lambda defined in a loop that uses the loop variable without binding it.",
    why: "Closures see variables, not values: every function created in the loop sees the loop variable's *last* value when it finally runs. Bind the current value as a default (`lambda i=i: ...`) or use `functools.partial`.",
    bad: "callbacks = []\nfor name in names:\n    callbacks.append(lambda: print(name))\n",
    good: "callbacks = []\nfor name in names:\n    callbacks.append(lambda name=name: print(name))\n",
    differences:
      "peptalk looks at the targets of `for` statements and comprehensions only. Ruff's B023 also flags other names assigned in a loop body and `while` loops; in the standard library those findings are almost all functions that are called during the same iteration (`scanvars(reader, ...)`, `_split_list(attrs, lambda t: ...)`), so peptalk leaves them alone.",
  },
  create(ctx) {
    const check = (loopNames: Set<string>, functions: SyntaxNode[], body: SyntaxNode): void => {
      for (const fn of functions) {
        if (calledAtOnce(ctx, fn) || returned(fn, body)) continue;
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
    };
    const comprehension = (node: SyntaxNode): void => {
      const body = node.childForFieldName("body");
      if (!body) return;
      const loopNames = new Set(
        node.namedChildren
          .filter((c) => c.type === "for_in_clause")
          .flatMap((c) => targetNames(c.childForFieldName("left")!))
          .map((n) => n.text),
      );
      if (loopNames.size === 0) return;
      // Only the element expression outlives an iteration; `if` clauses run at once.
      // (descendantsOfType includes `body` itself when it is the lambda.)
      check(loopNames, body.descendantsOfType(FUNCTIONS), body);
    };
    return {
      for_statement(loop) {
        const left = loop.childForFieldName("left");
        const body = loop.childForFieldName("body");
        if (!left || !body) return;
        const loopNames = new Set(targetNames(left).map((n) => n.text));
        if (loopNames.size === 0) return;
        check(loopNames, body.descendantsOfType(FUNCTIONS), body);
      },
      ...Object.fromEntries(COMPREHENSIONS.map((type) => [type, comprehension])),
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, unparenthesize } from "../../src/engine/ast.js";
import { statementExpression, visibleBindings } from "../../src/engine/bindings.js";
import { quoteCode } from "../../src/engine/quote.js";

const LOOPS = new Set(["for_statement", "while_statement"]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);
const EXITS = new Set(["break_statement", "return_statement", "raise_statement"]);

/** A value that is certainly a new list: `[...]`, a list comprehension, `list(...)`, `sorted(...)`. */
function isList(ctx: CheckContext, value: SyntaxNode): boolean {
  if (value.type === "list" || value.type === "list_comprehension") return true;
  if (value.type !== "call") return false;
  const fn = value.childForFieldName("function");
  return !!fn && (ctx.isBuiltin(fn, "list") || ctx.isBuiltin(fn, "sorted"));
}

/** A `for` over `range(<int literals>)` or a literal sequence: a few known iterations. */
function isBoundedLoop(ctx: CheckContext, loop: SyntaxNode): boolean {
  if (loop.type !== "for_statement") return false;
  const iterable = loop.childForFieldName("right");
  if (!iterable) return false;
  if (["list", "tuple", "string"].includes(iterable.type)) return true;
  const fn = iterable.type === "call" ? iterable.childForFieldName("function") : null;
  const args = iterable.childForFieldName("arguments")?.namedChildren ?? [];
  return !!fn && ctx.isBuiltin(fn, "range") && args.length > 0 && args.every((a) => a.type === "integer");
}

/** Whether, inside `loop`, `name` is only ever the receiver of `.insert(0, ...)`: the list is built, not read. */
function onlyInsertedInto(loop: SyntaxNode, name: string): boolean {
  return loop.descendantsOfType("identifier").every((id) => {
    if (id.text !== name) return true;
    const parent = id.parent!;
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return true;
    if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return true;
    if (parent.type !== "attribute" || parent.childForFieldName("attribute")?.text !== "insert") return false;
    const call = parent.parent;
    const first = call?.type === "call" ? call.childForFieldName("arguments")?.namedChild(0) : null;
    return !!first && unparenthesize(first).text === "0";
  });
}

/** The innermost `for`/`while` whose body holds `node`, within its own scope; null when none. */
function enclosingLoop(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node; cur.parent; cur = cur.parent) {
    const parent = cur.parent;
    if (SCOPES.has(parent.type)) return null;
    if (LOOPS.has(parent.type) && parent.childForFieldName("body")?.id === cur.id) return parent;
  }
  return null;
}

export default defineCheck({
  id: "list-insert-front-in-loop",
  codes: [],
  category: "performance",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`xs.insert(0, ...)` on a list inside a loop.",
    why: "Inserting at the front of a list moves every element one place to the right, so a loop of front inserts is quadratic in the list's length. A `collections.deque` adds at the left in constant time (`appendleft`); or `append` in the loop and reverse once at the end.",
    bad: "def ancestors(node):\n    path = []\n    while node is not None:\n        path.insert(0, node.name)\n        node = node.parent\n    return path\n",
    good: "def ancestors(node):\n    path = []\n    while node is not None:\n        path.append(node.name)\n        node = node.parent\n    path.reverse()\n    return path\n",
    differences:
      "Reported only for a name bound only to a new list (`[]`, a list comprehension, `list(...)`, `sorted(...)`) outside the loop, for an insert that is not followed by `break`/`return`/`raise` (a one-time insert), in a loop that does not read the list (one that indexes, pops or measures it needs a list, and `reverse once` would not do) and does not run a literal number of times (`for i in range(4)`).",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes(".insert(")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "insert") return;
        const receiver = fn.childForFieldName("object");
        if (receiver?.type !== "identifier") return;
        const { positional, keywords, hasStar } = callArguments(call);
        if (positional.length !== 2 || keywords.size > 0 || hasStar || unparenthesize(positional[0]!).text !== "0")
          return;
        const statement = call.parent;
        if (!statement || statementExpression(statement)?.id !== call.id) return;
        const loop = enclosingLoop(statement);
        if (!loop || isBoundedLoop(ctx, loop) || !onlyInsertedInto(loop, receiver.text)) return;
        for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling)
          if (EXITS.has(next.type)) return;
        const found = visibleBindings(ctx, receiver);
        if (!found || !found.sites.every((s) => s.value !== null && isList(ctx, s.value))) return;
        // A list made afresh in the loop stays short.
        if (found.sites.some((s) => s.id.startIndex >= loop.startIndex && s.id.endIndex <= loop.endIndex)) return;
        ctx.report({
          node: call,
          message: `${quoteCode(call.text)} in a loop moves every element each time (quadratic): use \`collections.deque.appendleft()\`, or \`append()\` and reverse once`,
        });
      },
    };
  },
});

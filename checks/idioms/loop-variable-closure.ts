import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";

// Consumers that call the function right away, inside the same iteration.
const IMMEDIATE_CONSUMERS = new Set([
  "filter",
  "map",
  "reduce",
  "functools.reduce",
  "max",
  "min",
  "sorted",
  "sort",
  // unittest's and pytest's callable forms call the function before they return.
  "assertRaises",
  "assertRaisesRegex",
  "assertRaisesRegexp",
  "assertWarns",
  "assertWarnsRegex",
  "pytest.raises",
  "pytest.warns",
  "pytest.deprecated_call",
  // `re.sub(pattern, lambda m: ..., text)` calls the replacement for each match at once.
  "re.sub",
  "re.subn",
  "sub",
  "subn",
  // `ExceptionGroup.subgroup(predicate)` / `.split(predicate)` filter at once.
  "subgroup",
  "split",
]);
/** Methods that keep the function they are given (a registry, a queue, a container). */
const KEEPERS = new Set([
  "append",
  "extend",
  "insert",
  "add",
  "update",
  "setdefault",
  "register",
  "connect",
  "bind",
  "put",
  "put_nowait",
  "submit",
  "call_soon",
  "call_later",
  "call_at",
  "call_soon_threadsafe",
  "add_done_callback",
  "after",
  "addCleanup",
  "callLater",
  "Thread",
  "Timer",
  "partial",
]);
const COMPREHENSIONS = ["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"];
const FUNCTIONS = ["lambda", "function_definition"];
/** A class defined in the loop: its methods close over the loop variable the same way. */
const DEFINITIONS = ["lambda", "function_definition", "class_definition"];

/** Whether `fn` is an argument of a consumer that calls it during the iteration (`sorted(key=...)`). */
function calledAtOnce(ctx: CheckContext, fn: SyntaxNode): boolean {
  const call = fn.parent?.type === "argument_list" || fn.parent?.type === "keyword_argument" ? fn.parent.parent : null;
  const callee = (call?.type === "argument_list" ? call.parent : call)?.childForFieldName("function");
  if (!callee) return false;
  const name =
    callee.type === "attribute"
      ? (ctx.qualifiedName(callee) ?? callee.childForFieldName("attribute")?.text)
      : (ctx.qualifiedName(callee) ?? callee.text);
  const method = callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  return !!name && (IMMEDIATE_CONSUMERS.has(name) || (!!method && IMMEDIATE_CONSUMERS.has(method)));
}

/** The name a function is known by in the loop: a `def`'s or `class`'s, or the name a lambda is assigned to. */
function functionName(fn: SyntaxNode): SyntaxNode | null {
  if (fn.type !== "lambda") return fn.childForFieldName("name");
  const parent = fn.parent;
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== fn.id) return null;
  const left = parent.childForFieldName("left");
  return left?.type === "identifier" ? left : null;
}

/**
 * A named function (or class) defined in the loop and only ever called there, directly or as an
 * argument of a call that does not keep it: each call runs during the iteration that defined
 * it, so it sees that iteration's value. Any other use (stored, returned, appended, decorated,
 * used after the loop) may outlive the iteration.
 */
function usedOnlyInIteration(fn: SyntaxNode, loopBody: SyntaxNode): boolean {
  const name = functionName(fn);
  const definition = fn.type === "lambda" ? fn.parent! : fn;
  if (!name || definition.parent?.type === "decorated_definition") return false;
  let scope: SyntaxNode = loopBody;
  while (scope.parent && !["function_definition", "lambda", "class_definition", "module"].includes(scope.type))
    scope = scope.parent;
  let calls = 0;
  for (const id of scope.descendantsOfType("identifier")) {
    if (id.text !== name.text || id.id === name.id) continue;
    if (id.startIndex >= fn.startIndex && id.endIndex <= fn.endIndex) continue;
    const parent = id.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) continue;
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) continue;
    if (id.startIndex < loopBody.startIndex || id.endIndex > loopBody.endIndex) return false;
    if (parent?.type === "call" && parent.childForFieldName("function")?.id === id.id) {
      // An instance of a class defined in the loop carries its methods along, a generator runs
      // its body later: neither may be kept either.
      if ((definition.type === "class_definition" || isGenerator(definition)) && isKept(parent)) return false;
      calls++;
      continue;
    }
    if (!passedWithoutKeeping(id)) return false;
    calls++;
  }
  return calls > 0;
}

function isGenerator(def: SyntaxNode): boolean {
  if (def.type !== "function_definition") return false;
  const body = def.childForFieldName("body");
  return (
    !!body &&
    body.descendantsOfType("yield").some((y) => {
      for (let cur = y.parent; cur && cur.id !== def.id; cur = cur.parent)
        if (cur.type === "function_definition" || cur.type === "lambda") return false;
      return true;
    })
  );
}

/** `f(value)` where `f` is not a method that keeps what it is given (`append`, `register`, ...). */
function passedWithoutKeeping(value: SyntaxNode): boolean {
  const argumentOf = value.parent?.type === "argument_list" ? value.parent.parent : null;
  const callee = argumentOf?.childForFieldName("function");
  const calleeName = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  return !!calleeName && !KEEPERS.has(calleeName);
}

/** The value is stored where it outlives the iteration: on an attribute, in a container, or given to a keeper. */
function isKept(value: SyntaxNode): boolean {
  const parent = value.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === value.id) {
    const left = parent.childForFieldName("left");
    return left?.type === "attribute" || left?.type === "subscript";
  }
  if (parent?.type === "argument_list") return !passedWithoutKeeping(value);
  return ["list", "tuple", "set", "dictionary", "pair", "return_statement", "yield"].includes(parent?.type ?? "");
}

/** The outermost function or class around `fn` (or `fn` itself) that the loop body defines. */
function definitionInLoop(fn: SyntaxNode, body: SyntaxNode): SyntaxNode {
  let outer = fn;
  for (let cur = fn.parent; cur && cur.id !== body.id; cur = cur.parent)
    if (DEFINITIONS.includes(cur.type)) outer = cur;
  return outer;
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
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A function or lambda defined in a loop that uses the loop variable without binding it.",
    why: "Closures see variables, not values: every function created in the loop sees the loop variable's *last* value when it finally runs. Bind the current value as a default (`lambda i=i: ...`) or use `functools.partial`.",
    bad: "callbacks = []\nfor name in names:\n    callbacks.append(lambda: print(name))\n",
    good: "callbacks = []\nfor name in names:\n    callbacks.append(lambda name=name: print(name))\n",
    differences:
      "peptalk looks at the targets of `for` statements and comprehensions only. Ruff's B023 also flags other names assigned in a loop body and `while` loops; in the standard library those findings are almost all functions that are called during the same iteration (`scanvars(reader, ...)`, `_split_list(attrs, lambda t: ...)`), so peptalk leaves them alone. Likewise, a function that runs before the iteration ends is not reported: one passed to `assertRaises`/`pytest.raises` or `re.sub` (which call it at once), and a nested `def`, a lambda bound to a name or a class that the loop body only calls (or passes to a call that does not keep it) and never stores, returns or uses after the loop.",
  },
  create(ctx) {
    const check = (loopNames: Set<string>, functions: SyntaxNode[], body: SyntaxNode): void => {
      // A function nested in one already judged was read with it (its names are the outer
      // one's): judging it again would repeat findings and cost time in the nesting depth.
      let judgedUntil = -1;
      for (const fn of functions) {
        if (fn.startIndex < judgedUntil) continue;
        if (calledAtOnce(ctx, fn) || returned(fn, body) || usedOnlyInIteration(definitionInLoop(fn, body), body))
          continue;
        judgedUntil = fn.endIndex;
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

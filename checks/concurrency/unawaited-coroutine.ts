import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingAsyncDef } from "../../src/engine/asyncio.js";
import { isAsyncDef, walkScope } from "../../src/engine/ast.js";
import { owningClass } from "../../src/engine/definitions.js";
import { bindingScope, bindingSites, insideExpectedFailure, isDropped, lastName } from "../../src/engine/bindings.js";
import { quoteCode } from "../../src/engine/quote.js";

/** A plain coroutine function: `async def` without decorators (which may wrap it) and without `yield`. */
function isPlainCoroutineFunction(def: SyntaxNode | null | undefined): def is SyntaxNode {
  if (!def || def.type !== "function_definition" || !isAsyncDef(def)) return false;
  if (def.parent?.type === "decorated_definition") return false;
  let generator = false;
  const body = def.childForFieldName("body");
  if (body)
    walkScope(body, (n) => {
      if (n.type === "yield") generator = true;
      return !generator;
    });
  return !generator;
}

/** The only binding of `name` in `scope` when it is a plain coroutine function; else null. */
function soleCoroutineDef(scope: SyntaxNode, name: string): SyntaxNode | null {
  const sites = bindingSites(scope, name);
  if (!sites || sites.length !== 1) return null;
  const def = sites[0]!.id.parent;
  return def?.childForFieldName("name")?.id === sites[0]!.id.id && isPlainCoroutineFunction(def) ? def : null;
}

/** Names some function declares `global` / `nonlocal`: they may be rebound from anywhere. */
function declaredOuter(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const statement of root.descendantsOfType(["global_statement", "nonlocal_statement"]))
    for (const id of statement.namedChildren) names.add(id.text);
  return names;
}

/** `name(...)` calling a coroutine function of this module (or of an enclosing function). */
function calledFunction(ctx: CheckContext, fn: SyntaxNode): SyntaxNode | null {
  const binding = ctx.names.lookup(fn.text, fn);
  if (binding?.kind !== "local" || binding.node.parent?.type !== "function_definition") return null;
  return soleCoroutineDef(bindingScope(binding.node), fn.text);
}

/** `self.name(...)` in a method of the class that defines `async def name`. */
function calledMethod(fn: SyntaxNode): SyntaxNode | null {
  const object = fn.childForFieldName("object");
  const attribute = fn.childForFieldName("attribute");
  if (object?.type !== "identifier" || !attribute) return null;
  let method: SyntaxNode | null = null;
  for (let cur = fn.parent; cur; cur = cur.parent) {
    if (cur.type === "lambda" || cur.type === "class_definition") return null;
    if (cur.type === "function_definition") {
      method = cur;
      break;
    }
  }
  const klass = method && owningClass(method);
  // A static or class method has no `self`.
  if (!method || !klass || method.parent?.type === "decorated_definition") return null;
  const first = method.childForFieldName("parameters")?.namedChildren.find((c) => c.type !== "comment");
  if (first?.type !== "identifier" || first.text !== object.text) return null;
  if (bindingSites(method, first.text)?.length !== 1) return null;
  const def = soleCoroutineDef(klass, attribute.text);
  // A subclass here that overrides the method with something else: `self.name()` may be sync.
  if (!def) return null;
  for (const other of fn.tree.rootNode.descendantsOfType("class_definition")) {
    if (other.id === klass.id) continue;
    const sites = bindingSites(other, attribute.text);
    if (sites === null || (sites.length > 0 && !soleCoroutineDef(other, attribute.text))) return null;
  }
  return def;
}

export default defineCheck({
  id: "unawaited-coroutine",
  codes: [],
  category: "concurrency",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A call to an `async def` function of the same module used as a statement, without `await`.",
    why: "Calling a coroutine function only creates a coroutine object: the body does not run until it is awaited (or scheduled as a task). As a bare statement the object is dropped at once, the work silently never happens, and Python only prints `RuntimeWarning: coroutine ... was never awaited`.",
    bad: "async def save(record):\n    ...\n\nasync def handle(record):\n    save(record)\n",
    good: "async def save(record):\n    ...\n\nasync def handle(record):\n    await save(record)\n",
    differences:
      "Only functions this module defines with a plain `async def` (no decorator, not an async generator, bound once) are known to be coroutine functions: module-level or enclosing-function ones called by name, and methods called as `self.method()` from another method of the same class (unless another class of the module overrides that method with something else). Calls inside `with self.assertRaises(...)`, `pytest.raises(...)` or a warnings check are tests of exactly this and are not reported.",
  },
  create(ctx): Visitors {
    // The names of every `async def` in the file: a call to anything else is not ours.
    const asyncNames = new Set([...ctx.source.matchAll(/\basync\s+def\s+(\w+)/g)].map((m) => m[1]!));
    if (asyncNames.size === 0) return {};
    let outer: Set<string> | null = null;
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !asyncNames.has(lastName(fn)) || !isDropped(call) || insideExpectedFailure(call)) return;
        let def: SyntaxNode | null = null;
        if (fn.type === "identifier") {
          outer ??= declaredOuter(ctx.tree.rootNode);
          if (!outer.has(fn.text)) def = calledFunction(ctx, fn);
        } else if (fn.type === "attribute") {
          def = calledMethod(fn);
        }
        if (!def) return;
        const remedy = enclosingAsyncDef(call)
          ? `use ${quoteCode(`await ${call.text}`)}`
          : "`await` it from async code, or run it with `asyncio.run()`";
        ctx.report({
          node: call,
          message: `\`${fn.text}()\` calls a coroutine function without \`await\`: its body never runs; ${remedy}`,
        });
      },
    };
  },
});

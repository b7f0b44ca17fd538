import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, walkScope } from "../../src/engine/ast.js";
import { owningClass } from "../../src/engine/definitions.js";
import { alwaysAssigned, bindingSites, calledName, statementExpression } from "../../src/engine/bindings.js";

const THREAD_LOCKS = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition"];
const LOCKS = new Set([
  ...THREAD_LOCKS.flatMap((t) => [`threading.${t}`, `multiprocessing.${t}`]),
  "_thread.allocate_lock",
  "_thread.RLock",
]);
const ASYNC_LOCKS = new Set(["Lock", "Semaphore", "BoundedSemaphore", "Condition"].map((t) => `asyncio.${t}`));

type LockKind = "thread" | "async";

function lockKind(ctx: CheckContext, value: SyntaxNode): LockKind | null {
  const name = calledName(ctx, value);
  return name === null ? null : LOCKS.has(name) ? "thread" : ASYNC_LOCKS.has(name) ? "async" : null;
}

/** The first parameter of a method (`self`), when `def` is a plain method of a class. */
function selfName(def: SyntaxNode): string | null {
  if (!owningClass(def) || def.parent?.type === "decorated_definition") return null;
  const first = def.childForFieldName("parameters")?.namedChildren.find((c) => c.type !== "comment");
  return first?.type === "identifier" ? first.text : null;
}

/** The kind of lock `receiver` always is: a name bound only to lock constructors, or `self.attr` assigned only those. */
function receiverKind(ctx: CheckContext, receiver: SyntaxNode, def: SyntaxNode | null): LockKind | null {
  const kinds: (LockKind | null)[] = [];
  if (receiver.type === "identifier") {
    if (!alwaysAssigned(ctx, receiver, (v) => kinds.push(lockKind(ctx, v)) > 0)) return null;
  } else if (receiver.type === "attribute") {
    const object = receiver.childForFieldName("object");
    const attr = receiver.childForFieldName("attribute")?.text;
    const klass = def && owningClass(def);
    if (!def || !klass || !attr || object?.type !== "identifier" || object.text !== selfName(def)) return null;
    // Class attributes of that name, and `self.attr = ...` in every method of the class.
    const sites = bindingSites(klass, attr);
    if (!sites) return null;
    for (const s of sites) kinds.push(s.value ? lockKind(ctx, s.value) : null);
    const body = klass.childForFieldName("body");
    for (const child of body?.namedChildren ?? []) {
      const method = child.type === "decorated_definition" ? child.childForFieldName("definition") : child;
      if (method?.type !== "function_definition") continue;
      const self = selfName(method);
      walkScope(method.childForFieldName("body") ?? method, (n) => {
        if (n.type !== "assignment" && n.type !== "augmented_assignment") return;
        const left = n.childForFieldName("left");
        for (const target of left ? [left, ...left.descendantsOfType("attribute")] : []) {
          if (target.type !== "attribute" || target.childForFieldName("attribute")?.text !== attr) continue;
          const owner = target.childForFieldName("object");
          if (owner?.type !== "identifier" || owner.text !== self) continue;
          const right = n.childForFieldName("right");
          const plain = n.type === "assignment" && target.id === left!.id && right?.type !== "assignment";
          kinds.push(plain && right ? lockKind(ctx, right) : null);
        }
      });
    }
  } else {
    return null;
  }
  if (kinds.length === 0 || kinds.some((k) => k !== kinds[0])) return null;
  return kinds[0] ?? null;
}

/** Whether `node` holds a call `<receiver>.release()`. */
function releases(node: SyntaxNode, receiver: string): boolean {
  return node.descendantsOfType("call").some((c) => isRelease(c, receiver));
}

function isRelease(call: SyntaxNode, receiver: string): boolean {
  return call.childForFieldName("function")?.text.replace(/\s+/g, "") === `${receiver}.release`;
}

/**
 * The straight-line pattern: a later statement of the same block is `<receiver>.release()`, with
 * code in between that could raise. A lock released elsewhere (another branch, a nested function,
 * another thread) is a hand-off or a signal, not what `with` replaces.
 */
function releasedLaterInBlock(statement: SyntaxNode, receiver: string): boolean {
  let first = statement.nextNamedSibling;
  while (first?.type === "comment") first = first.nextNamedSibling;
  for (let next = first; next; next = next.nextNamedSibling) {
    const expr = statementExpression(next);
    if (expr?.type === "call" && isRelease(expr, receiver)) return next.id !== first?.id;
    // A path that leaves with the lock held on purpose (a hand-off, as in a barrier).
    if (leaves(next)) return false;
  }
  return false;
}

// Not `raise`: raising while holding the lock is the very bug `with` prevents.
const EXITS = new Set(["return_statement", "break_statement", "continue_statement"]);

/** Whether a statement can leave the block early on purpose (`return`, `break`, `continue`, not in a nested scope). */
function leaves(statement: SyntaxNode): boolean {
  let found = false;
  walkScope(statement, (n) => {
    if (EXITS.has(n.type)) found = true;
    // A `break`/`continue` of a loop inside the statement stays inside it.
    if (n.type === "for_statement" || n.type === "while_statement") {
      walkScope(n, (m) => {
        if (m.type === "return_statement") found = true;
        return !found;
      });
      return false;
    }
    return !found;
  });
  return found;
}

/** Whether a nested function or lambda of `scopeBody` touches the lock: it is a signal between threads. */
function sharedWithNestedCode(scopeBody: SyntaxNode, receiver: string): boolean {
  return scopeBody
    .descendantsOfType(["function_definition", "lambda"])
    .some((inner) =>
      inner.descendantsOfType("attribute").some((a) => a.childForFieldName("object")?.text === receiver),
    );
}

/** A `try` whose `finally` (or one of its `except` clauses) releases the lock. */
function tryReleases(statement: SyntaxNode, receiver: string): boolean {
  if (statement.type !== "try_statement") return false;
  return statement.namedChildren.some(
    (c) => (c.type === "finally_clause" || c.type === "except_clause") && releases(c, receiver),
  );
}

/** Whether a `try` around the acquisition, or one after it in an enclosing block, releases the lock. */
function guarded(statement: SyntaxNode, scopeBody: SyntaxNode, receiver: string): boolean {
  for (let cur: SyntaxNode | null = statement; cur && cur.id !== scopeBody.id; cur = cur.parent) {
    if (tryReleases(cur, receiver)) return true;
    if (cur.parent?.type !== "block" && cur.parent?.type !== "module") continue;
    for (let next = cur.nextNamedSibling; next; next = next.nextNamedSibling)
      if (tryReleases(next, receiver)) return true;
  }
  return false;
}

export default defineCheck({
  id: "lock-without-with",
  codes: [],
  category: "concurrency",
  severity: "warning",
  type: "bug",
  fix: "never",
  // Tests exercise locks as the object under test (`acquire()`, assert `locked()`, `release()`).
  appliesTo: "non-tests",
  docs: {
    summary: "`lock.acquire()` ... `lock.release()` not protected by `try/finally`: use `with lock:`.",
    why: "If anything between `acquire()` and `release()` raises, the release never runs and the lock stays held: every other thread (or task) that needs it then waits forever. `with lock:` (`async with lock:` for asyncio) releases it on every path, and says what is locked.",
    bad: "import threading\n\nlock = threading.Lock()\n\ndef add(items, item):\n    lock.acquire()\n    items.append(item)\n    lock.release()\n",
    good: "import threading\n\nlock = threading.Lock()\n\ndef add(items, item):\n    with lock:\n        items.append(item)\n",
    differences:
      "Reported only for the straight-line pattern `x.acquire()` ... `x.release()` in one block, with code in between, when the lock's type is known (a name or `self` attribute assigned only `threading`/`multiprocessing`/`_thread`/`asyncio` lock constructors in this module). A lock released elsewhere (another branch, a nested function, another thread, `__enter__`/`__exit__`), a block that can `return`/`break`/`continue` between the two while holding it, and a lock that a nested function also uses are hand-offs or signals, not what `with` replaces. Test files are not checked: tests exercise locks as the object under test. A `try` whose `finally` (or `except`) releases the lock, around or after the `acquire()`, counts as protection.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes(".acquire(") || !ctx.source.includes("release")) return {};
    return {
      expression_statement(statement) {
        let expr = statementExpression(statement);
        if (expr?.type === "await") expr = expr.namedChild(0);
        if (expr?.type !== "call") return;
        const fn = expr.childForFieldName("function");
        if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "acquire") return;
        const args = callArguments(expr);
        if (args.positional.length > 0 || args.keywords.size > 0 || args.hasStar) return;
        const receiver = fn.childForFieldName("object");
        if (!receiver) return;
        let def: SyntaxNode | null = null;
        for (let cur = statement.parent; cur; cur = cur.parent) {
          if (cur.type === "function_definition" || cur.type === "lambda" || cur.type === "class_definition") {
            def = cur.type === "function_definition" ? cur : null;
            if (!def) return;
            break;
          }
        }
        const scopeBody = def ? def.childForFieldName("body") : ctx.tree.rootNode;
        const text = receiver.text.replace(/\s+/g, "");
        if (!scopeBody || !releasedLaterInBlock(statement, text) || guarded(statement, scopeBody, text)) return;
        if (def && sharedWithNestedCode(scopeBody, text)) return;
        const kind = receiverKind(ctx, receiver, def);
        if (!kind) return;
        const isAsync = kind === "async";
        ctx.report({
          node: expr,
          message: `\`${receiver.text}.acquire()\` without \`try/finally\`: an exception before \`release()\` leaves the lock held; use \`${isAsync ? "async with" : "with"} ${receiver.text}:\``,
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { isMutableValue } from "../../src/engine/classes.js";
import { hasImmutableAnnotation } from "../../src/engine/defaults.js";

const MUTATING_METHODS = new Set([
  "append",
  "extend",
  "insert",
  "remove",
  "pop",
  "popitem",
  "clear",
  "update",
  "setdefault",
  "add",
  "discard",
  "sort",
  "reverse",
  "appendleft",
  "extendleft",
  "popleft",
  "rotate",
  "intersection_update",
  "difference_update",
  "symmetric_difference_update",
  "__setitem__",
  "__delitem__",
  "__iadd__",
]);
/**
 * How the default can end up changed or shared: mutated in place, stored, returned, aliased or
 * handed to a call that may mutate it. Null when the function only reads it.
 */
function sharedUse(def: SyntaxNode, name: string, depth = 0): SyntaxNode | null {
  const body = def.childForFieldName("body");
  // `items = list(items)` / `deps = dict(deps)` at the top of the body: later uses are the copy.
  // (An alias is bound by such an assignment itself: its uses all count.)
  const rebound =
    depth > 0
      ? undefined
      : body?.namedChildren.find((statement) => {
          const assignment = statement.type === "expression_statement" ? statement.namedChild(0) : null;
          return assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === name;
        });
  for (const id of body?.descendantsOfType("identifier") ?? []) {
    if (id.text !== name) continue;
    if (rebound && id.startIndex >= rebound.endIndex) break;
    if (shadowedInNested(id, def, name)) continue;
    let node = id;
    while (node.parent?.type === "parenthesized_expression") node = node.parent;
    const parent = node.parent;
    if (!parent) continue;
    switch (parent.type) {
      case "attribute": {
        if (parent.childForFieldName("object")?.id !== node.id) continue;
        const method = parent.childForFieldName("attribute")?.text ?? "";
        if (MUTATING_METHODS.has(method) && parent.parent?.type === "call") return id;
        // `a.x = 1` on a default object, `a.items` / `a.get(k)` read it.
        if (parent.parent?.type === "assignment" && parent.parent.childForFieldName("left")?.id === parent.id)
          return id;
        continue;
      }
      case "subscript": {
        if (parent.childForFieldName("value")?.id !== node.id) continue;
        const holder = parent.parent;
        // `a[k] = v`, `a[k] += v`, `del a[k]`.
        if (
          (holder?.type === "assignment" || holder?.type === "augmented_assignment") &&
          holder.childForFieldName("left")?.id === parent.id
        )
          return id;
        if (holder?.type === "delete_statement") return id;
        continue;
      }
      case "augmented_assignment":
        if (parent.childForFieldName("left")?.id === node.id) return id;
        continue;
      case "assignment": {
        // `self.items = a` stores it; `b = a` is an alias, followed once; `a = ...` rebinds.
        if (parent.childForFieldName("right")?.id !== node.id) continue;
        const target = parent.childForFieldName("left");
        if (target?.type === "identifier") {
          if (depth === 0 && target.text !== name && sharedUse(def, target.text, 1)) return id;
          continue;
        }
        // `self.items = a`: kept on the instance, but whether anything changes it later is
        // another method's business; on real code such defaults were read-only (docs/precision.md).
        if (target?.type === "attribute") continue;
        return id;
      }
      case "return_statement":
      case "yield":
        return id;
      // Handed to a call: most calls only read it (`dict(d)`, `args.update(d)`, a base `__init__`
      // that copies settings); not reported without a mutation or a store we can see.
      // Inside a container literal (`[(section, answers), ...]` looped over at once): not followed.
      default:
        continue;
    }
  }
  return null;
}

/**
 * Whether `name` at `id` belongs to a function nested in `def` that binds the name itself (a
 * parameter, or an assignment without `nonlocal`): `def _order(result, eq): return result` uses
 * its own `result`, not the enclosing default.
 */
function shadowedInNested(id: SyntaxNode, def: SyntaxNode, name: string): boolean {
  for (let cur = id.parent; cur && cur.id !== def.id; cur = cur.parent) {
    if (cur.type !== "function_definition" && cur.type !== "lambda") continue;
    const params = cur.childForFieldName("parameters");
    if (params?.namedChildren.some((p) => (p.type === "identifier" ? p.text : parameterName(p)) === name)) return true;
    const body = cur.childForFieldName("body");
    if (!body) continue;
    const declared = body.descendantsOfType(["nonlocal_statement", "global_statement"]);
    if (declared.some((d) => d.namedChildren.some((c) => c.text === name))) continue;
    const assigned = body.descendantsOfType(["assignment", "augmented_assignment", "for_statement"]).some((a) => {
      const target = a.childForFieldName("left");
      return target?.type === "identifier" && target.text === name;
    });
    if (assigned) return true;
  }
  return false;
}

/** `if cache:`, `if not done:`, `key in cache`, `cache.get(key)`, `ver[0]`: a look-up, not a change. */
function isLookup(id: SyntaxNode): boolean {
  let node = id;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "not_operator":
      return isLookup(parent);
    case "if_statement":
    case "while_statement":
      return parent.childForFieldName("condition")?.id === node.id;
    case "comparison_operator":
      return (
        parent.namedChildren.indexOf(node) > 0 &&
        /\bin\b/.test(parent.text.slice(0, node.startIndex - parent.startIndex))
      );
    case "attribute": {
      const method = parent.childForFieldName("attribute")?.text;
      return parent.childForFieldName("object")?.id === node.id && method === "get" && parent.parent?.type === "call";
    }
    case "subscript": {
      // `return ver[0]`, `value = cache[key]`: read out. (`a[k].append(x)` changes a defaultdict.)
      const holder = parent.parent;
      if (parent.childForFieldName("value")?.id !== node.id) return false;
      if (holder?.type === "return_statement") return true;
      return holder?.type === "assignment" && holder.childForFieldName("right")?.id === parent.id;
    }
    default:
      return false;
  }
}

/** Changes that only take away: a memo grows, it does not give back. */
const REMOVING_METHODS = new Set(["pop", "popitem", "remove", "discard", "clear", "popleft"]);
/** A name that says the default is a cache kept across calls. */
const MEMO_NAME = /^_|cache|memo|registry|seen|done|once/i;

/**
 * The default is the function's own memo: the body looks it up before anything changes it
 * (`if done: return`, `try: return ver[0]`, `info = _tzinfos.get(offset)`), only adds to it, and
 * never hands it to a call; and it is named as a cache (`_tzinfos`, `cache`, `done`) or never given
 * back whole (`return ver[0]`, not `return items`). Sharing it across calls is the point (pytest,
 * pytz, py). A default passed on (`walk(child, seen)`) is an accumulator callers are meant to
 * start afresh, and `def add(item, items=[]): if item not in items: items.append(item); return
 * items` hands the shared list to every caller: both still reported.
 */
function isMemo(def: SyntaxNode, name: string): boolean {
  const uses = (def.childForFieldName("body")?.descendantsOfType("identifier") ?? []).filter((id) => id.text === name);
  if (uses.length === 0 || !isLookup(uses[0]!)) return false;
  let returned = false;
  for (const id of uses) {
    let node = id;
    while (node.parent?.type === "parenthesized_expression") node = node.parent;
    const parent = node.parent;
    if (parent?.type === "argument_list" || parent?.type === "keyword_argument") return false;
    if (parent?.type === "delete_statement") return false;
    if (parent?.type === "subscript" && parent.parent?.type === "delete_statement") return false;
    if (parent?.type === "return_statement") returned = true;
    if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === node.id) {
      if (REMOVING_METHODS.has(parent.childForFieldName("attribute")?.text ?? "")) return false;
    }
  }
  return MEMO_NAME.test(name) || !returned;
}

/** The name a default parameter binds. */
function parameterName(param: SyntaxNode): string | null {
  const name = param.childForFieldName("name") ?? param.namedChild(0);
  return name?.type === "identifier" ? name.text : null;
}

export default defineCheck({
  id: "mutable-default-argument",
  codes: ["B006"],
  pylint: ["dangerous-default-value"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A mutable value (list, dict, set, ...) as a parameter default.",
    why: "Defaults are evaluated once, when `def` runs, and shared by every call: appending to a default list in one call changes it for all later calls. Default to `None` and create the value inside the function.",
    bad: "def add(item, items=[]):\n    items.append(item)\n    return items\n",
    good: "def add(item, items=None):\n    if items is None:\n        items = []\n    items.append(item)\n    return items\n",
    differences:
      "Ruff's B006 reports every mutable default; peptalk only one the function may change or share: it mutates it in place (`append`, `update`, `a[k] = v`, `+=`, ...), stores it in a container (`cache[k] = items`, or through an alias it then mutates), returns or yields it (a nested function's own parameter or local of the same name is another variable); and not in a nested def, whose default is created again on each call of the enclosing function. A default only read or kept on the instance (`self.items = items`, which other methods may or may not change), `headers={}` iterated or handed to a call, `fasttypes={int, str}` tested with `in`, `deps = dict(deps)` copied first) is not reported: the shared object is never changed where peptalk can see. Nor is a memo: a default the body looks up before it changes it (`if done: return` ... `done.append(1)`, `info = _tzinfos.get(offset)` ... `_tzinfos.setdefault(...)`), only adds to, never hands to a call, and either names as a cache (`_x`, `cache`, `memo`, `seen`, `done`) or never returns whole: sharing it across calls is the point.",
  },
  create(ctx): Visitors {
    // Stub defaults are never evaluated (Ruff skips B006 in `.pyi` files too).
    if (ctx.path.endsWith(".pyi")) return {};
    return {
      function_definition(def) {
        const params = def.childForFieldName("parameters");
        if (!params) return;
        // A nested def's default is created again on each call of the enclosing function: the
        // `_term=[term0]` accumulator there is a deliberate per-call cell.
        for (let cur = def.parent; cur; cur = cur.parent) if (cur.type === "function_definition") return;
        for (const param of params.namedChildren) {
          if (param.type !== "default_parameter" && param.type !== "typed_default_parameter") continue;
          const value = param.childForFieldName("value");
          if (!value || !isMutableValue(ctx, value)) continue;
          // A parameter annotated as Sequence/Mapping/tuple promises not to mutate its default.
          if (hasImmutableAnnotation(ctx, param)) continue;
          // A default the function only reads is never changed: the shared object stays as created.
          const name = parameterName(param);
          if (name && (!sharedUse(def, name) || isMemo(def, name))) continue;
          ctx.report({
            node: unparenthesize(value),
            message: "Mutable default value: it is created once and shared by every call",
          });
        }
      },
    };
  },
});

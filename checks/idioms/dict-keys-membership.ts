import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { comparisonLinks } from "../../src/engine/comparisons.js";
import { enclosingFunction, hasComment, unparenthesize } from "../../src/engine/ast.js";
import { subscriptParts, typeExpression } from "../../src/engine/annotations.js";
import { visibleBindings } from "../../src/engine/bindings.js";

const DICT_TYPES = new Set([
  "dict",
  "typing.Dict",
  "collections.OrderedDict",
  "collections.defaultdict",
  "collections.Counter",
  "typing.OrderedDict",
  "typing.DefaultDict",
  "typing.Counter",
]);

/** A `dict` (or a stdlib subclass) by its constructor or annotation: `dict`, `Dict[str, int]`, ... */
function isDictType(ctx: CheckContext, node: SyntaxNode | null): boolean {
  const type = node && unparenthesize(typeExpression(node) ?? node);
  if (!type) return false;
  const head = subscriptParts(type)?.head ?? type;
  if (head.type !== "identifier" && head.type !== "attribute") return false;
  const name = ctx.qualifiedName(head);
  return !!name && DICT_TYPES.has(name);
}

/**
 * The receiver is certainly a dict: a name whose every binding in its scope is a dict display or
 * comprehension, a call to `dict()` (or a stdlib subclass), or a parameter annotated as one.
 */
function isKnownDict(ctx: CheckContext, receiver: SyntaxNode): boolean {
  if (receiver.type !== "identifier") return false;
  const found = visibleBindings(ctx, receiver);
  if (!found) return false;
  return found.sites.every(({ id, value }) => {
    if (value) {
      if (value.type === "dictionary" || value.type === "dictionary_comprehension") return true;
      return value.type === "call" && isDictType(ctx, value.childForFieldName("function"));
    }
    const param = id.parent;
    return (
      (param?.type === "typed_parameter" || param?.type === "typed_default_parameter") &&
      isDictType(ctx, param.childForFieldName("type"))
    );
  });
}

/** `X.keys()` with no arguments → the `X` node. */
function keysReceiver(node: SyntaxNode): SyntaxNode | null {
  if (node.type !== "call") return null;
  const fn = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "keys") return null;
  if (args?.type !== "argument_list" || args.namedChildCount !== 0) return null;
  const receiver = fn.childForFieldName("object");
  // `self.keys()` inside a mapping class: the class may not support `in`/iteration itself.
  return receiver && receiver.text !== "self" ? receiver : null;
}

/** The code around tests `hasattr(x, "keys")`: it handles duck-typed mappings, not dicts. */
function duckTypedMapping(receiver: SyntaxNode): boolean {
  const scope = enclosingFunction(receiver) ?? receiver.tree.rootNode;
  const name = receiver.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`hasattr\\(\\s*${name}\\s*,\\s*["']keys["']`).test(scope.text);
}

function report(ctx: CheckContext, start: SyntaxNode, call: SyntaxNode, receiver: SyntaxNode, negated: boolean): void {
  if (duckTypedMapping(receiver)) return;
  ctx.report({
    range: { start: start.startIndex, end: call.endIndex },
    message: `Use \`key ${negated ? "not in" : "in"} dict\` instead of \`key ${negated ? "not in" : "in"} dict.keys()\``,
    fix: hasComment(call)
      ? null
      : {
          title: "Remove `.keys()`",
          edits: [ctx.edits.replace(call, ctx.text(receiver))],
          ...(isKnownDict(ctx, receiver)
            ? {}
            : {
                safety: "unsafe" as const,
                unsafeReason: `\`${receiver.text.length > 30 ? "the receiver" : receiver.text}\` is not known to be a dict: another type with \`keys()\` may not support \`in\`, or may iterate over something other than its keys`,
              }),
        },
  });
}

export default defineCheck({
  id: "dict-keys-membership",
  codes: ["SIM118"],
  pylint: ["consider-iterating-dictionary"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "`key in d.keys()` or `for key in d.keys()` instead of using the dict itself.",
    why: "A dict already supports membership tests and iterates over its keys; `.keys()` adds a call and a view object for nothing and reads like the Python 2 habit of building a list.",
    bad: "if name in registry.keys():\n    pass\nfor name in registry.keys():\n    pass\n",
    good: "if name in registry:\n    pass\nfor name in registry:\n    pass\n",
    fixSafety:
      "Removes `.keys()`. Safe when the receiver is certainly a dict (every binding of the name is a dict display or comprehension, a `dict()`/`defaultdict()`/`OrderedDict()`/`Counter()` call, or a parameter annotated as one); otherwise unsafe, as in Ruff: another type with a `keys()` method may not support `in` at all, or may iterate over something else (pandas' `DataFrame` iterates its columns, a custom mapping may yield pairs).",
    differences:
      '`self.keys()` is never flagged: a class that defines `keys()` need not support `in` or iteration itself (Ruff skips it only when the class defines `keys`). Nor is a receiver the code duck-types with `hasattr(x, "keys")`: it is meant to accept mappings other than dicts, which may iterate over something else than their keys.',
  },
  requires: ["keys"],
  create(ctx) {
    const loop = (node: SyntaxNode): void => {
      const right = node.childForFieldName("right");
      const left = node.childForFieldName("left");
      const receiver = right && keysReceiver(right);
      if (receiver && left && right) report(ctx, left, right, receiver, false);
    };
    return {
      comparison_operator(node) {
        const links = comparisonLinks(node);
        if (links.length !== 1) return;
        const link = links[0]!;
        if (link.operator !== "in" && link.operator !== "not in") return;
        const receiver = keysReceiver(link.right);
        if (receiver) report(ctx, link.left, link.right, receiver, link.operator === "not in");
      },
      for_statement: loop,
      for_in_clause: loop,
    };
  },
});

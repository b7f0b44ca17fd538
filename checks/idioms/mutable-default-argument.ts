import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import type { CheckContext } from "../../src/engine/check.js";
import { isMutableValue } from "../../src/engine/classes.js";

// Annotations that promise the default is never mutated (Ruff's immutable-annotation idea).
const IMMUTABLE_ANNOTATIONS = new Set([
  "tuple",
  "frozenset",
  "bytes",
  "str",
  "int",
  "float",
  "complex",
  "bool",
  "range",
  "object",
  ...[
    "Sequence",
    "Mapping",
    "AbstractSet",
    "Collection",
    "Container",
    "Iterable",
    "Iterator",
    "Reversible",
    "FrozenSet",
    "Tuple",
    "Hashable",
    "Sized",
    "ByteString",
    "KeysView",
    "ValuesView",
    "ItemsView",
  ].flatMap((n) => [`typing.${n}`, `collections.abc.${n}`]),
]);

function isImmutableAnnotation(ctx: CheckContext, annotation: SyntaxNode | null): boolean {
  if (!annotation) return false;
  let node = annotation.type === "type" ? annotation.namedChild(0) : annotation;
  if (node?.type === "generic_type") node = node.namedChild(0);
  if (node?.type === "subscript") node = node.childForFieldName("value");
  const name = node && ctx.qualifiedName(node);
  return !!name && IMMUTABLE_ANNOTATIONS.has(name);
}

export default defineCheck({
  id: "mutable-default-argument",
  codes: ["B006"],
  pylint: ["dangerous-default-value"],
  category: "idioms",
  severity: "error",
  fix: "never",
  docs: {
    summary: "A mutable value (list, dict, set, ...) as a parameter default.",
    why: "Defaults are evaluated once, when `def` runs, and shared by every call: appending to a default list in one call changes it for all later calls. Default to `None` and create the value inside the function.",
    bad: "def add(item, items=[]):\n    items.append(item)\n    return items\n",
    good: "def add(item, items=None):\n    if items is None:\n        items = []\n    items.append(item)\n    return items\n",
  },
  create(ctx) {
    return {
      function_definition(def) {
        const params = def.childForFieldName("parameters");
        if (!params) return;
        for (const param of params.namedChildren) {
          if (param.type !== "default_parameter" && param.type !== "typed_default_parameter") continue;
          const value = param.childForFieldName("value");
          if (!value || !isMutableValue(ctx, value)) continue;
          // A parameter annotated as Sequence/Mapping/tuple promises not to mutate its default.
          if (isImmutableAnnotation(ctx, param.childForFieldName("type"))) continue;
          ctx.report({ node: value, message: "Mutable default value: it is created once and shared by every call" });
        }
      },
    };
  },
});

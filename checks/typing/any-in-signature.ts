import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { typeExpression } from "../../src/engine/annotations.js";
import { isOverload, isOverloadImplementation, isPublicDefinition } from "../../src/engine/definitions.js";

export default defineCheck({
  id: "any-in-signature",
  codes: ["ANN401"],
  category: "typing",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`Any` as a parameter or return annotation of a public function.",
    why: "`Any` switches type checking off for every caller. Most uses have a real type (`object` if anything goes, a `TypeVar` if the type flows through, a `Protocol` for duck typing).",
    bad: "from typing import Any\n\ndef first(items: Any) -> Any:\n    return items[0]\n",
    good: "from typing import Sequence, TypeVar\n\nT = TypeVar('T')\n\ndef first(items: Sequence[T]) -> T:\n    return items[0]\n",
    differences:
      "Only public functions are checked (Ruff checks every function), and not in a module with a sibling `.pyi` stub, where its types live (the stub is checked instead).",
  },
  create(ctx): Visitors {
    // A sibling `.pyi` stub holds this module's types: type checkers read it, not this file.
    if (ctx.path.endsWith(".py") && ctx.project?.hasPath(`${ctx.path}i`)) return {};
    // Once per file: tested per function, it made a file of 50,000 functions quadratic.
    if (!ctx.source.includes("Any")) return {};
    const overloads = ctx.source.includes("overload");
    const isAny = (annotation: SyntaxNode | null): SyntaxNode | null => {
      const expr = typeExpression(annotation);
      return expr && ctx.qualifiedName(expr) === "typing.Any" ? expr : null;
    };
    return {
      function_definition(node) {
        if (!isPublicDefinition(node, ctx.path) || isOverload(node)) return;
        if (overloads && isOverloadImplementation(node)) return;
        for (const param of node.childForFieldName("parameters")?.namedChildren ?? []) {
          if (param.type !== "typed_parameter" && param.type !== "typed_default_parameter") continue;
          const any = isAny(param.childForFieldName("type"));
          const name = param.childForFieldName("name")?.text ?? param.namedChild(0)?.text.replace(/^\*+/, "");
          if (any)
            ctx.report({
              node: any,
              message: `\`Any\` in the annotation of \`${name}\` turns type checking off for callers`,
            });
        }
        const returned = isAny(node.childForFieldName("return_type"));
        if (returned)
          ctx.report({
            node: returned,
            message: `\`Any\` as the return type of \`${node.childForFieldName("name")?.text}\``,
          });
      },
    };
  },
});

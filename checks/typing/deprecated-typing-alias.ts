import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { compareVersions } from "../../src/engine/version.js";

const BUILTIN_FOR = new Map([
  ["typing.List", "list"],
  ["typing.Dict", "dict"],
  ["typing.Set", "set"],
  ["typing.FrozenSet", "frozenset"],
  ["typing.Tuple", "tuple"],
  ["typing.Type", "type"],
]);

const BUILTINS = new Set(BUILTIN_FOR.values());

/** Whether a node is inside an annotation (`type` node of a parameter, return or variable). */
function inAnnotation(node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "type") return true;
    if (cur.type.endsWith("_statement") || cur.type === "block" || cur.type === "module") return false;
  }
  return false;
}

export default defineCheck({
  id: "deprecated-typing-alias",
  codes: ["UP006"],
  category: "typing",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "generic annotations use the builtin (`list[int]`) rather than a `typing` alias" },
  fix: "sometimes",
  minPython: "3.9",
  docs: {
    summary: "`typing.List[int]`-style aliases where the builtin generic works (Python 3.9+).",
    why: "Since Python 3.9 (PEP 585) `list[int]`, `dict[str, int]` and friends work directly; the `typing` aliases are deprecated and need an import for nothing.",
    bad: "from typing import List\n\ndef names(rows: List[str]) -> List[str]:\n    return rows\n",
    good: "def names(rows: list[str]) -> list[str]:\n    return rows\n",
    fixSafety:
      "Replaces the alias with the builtin name, in annotations only, when the builtin is not shadowed there. As in Ruff, safe when the target Python is 3.10 or newer, the module has `from __future__ import annotations`, or the file is a stub; otherwise unsafe, because code that evaluates annotations at run time (Pydantic, `typing.get_type_hints`) may not accept the builtin generic on older interpreters.",
    differences: "Only annotations are checked; Ruff also rewrites runtime uses such as `x = List`.",
  },
  create(ctx): Visitors {
    const safe =
      compareVersions(ctx.python, [3, 10]) >= 0 ||
      ctx.path.endsWith(".pyi") ||
      /^from[ \t]+__future__[ \t]+import[ \t]+(?:\(?[\w, \t]*\b)?annotations\b/m.test(ctx.source);
    // Only files that name one of the aliases can use one.
    if (!ctx.source.includes("typing") || !/\b(List|Dict|Set|FrozenSet|Tuple|Type)\b/.test(ctx.source)) return {};
    const visit = (node: SyntaxNode): void => {
      if (node.parent?.type === "attribute" && node.parent.childForFieldName("object")?.id === node.id) return;
      const name = ctx.qualifiedName(node);
      const builtin = name && BUILTIN_FOR.get(name);
      if (!builtin || !inAnnotation(node)) return;
      const shadowed = ctx.names.lookup(builtin, node) !== undefined;
      ctx.report({
        node,
        message: `Use \`${builtin}\` instead of \`${node.text}\` in annotations`,
        fix: shadowed
          ? null
          : {
              title: `Replace with \`${builtin}\``,
              edits: [ctx.edits.replace(node, builtin)],
              ...(safe
                ? {}
                : {
                    safety: "unsafe" as const,
                    unsafeReason: `annotations evaluated at run time (Pydantic, \`get_type_hints\`) get \`${builtin}[...]\`, which older interpreters and libraries may not accept`,
                  }),
            },
      });
    };
    // Visit annotations only (not every identifier of the file).
    return {
      type(annotation) {
        if (annotation.parent?.type === "type_parameter" || annotation.parent?.parent?.type === "type") return;
        for (const node of [annotation, ...annotation.descendantsOfType(["identifier", "attribute"])]) {
          if (node.type === "identifier" && node.parent?.type === "attribute") continue;
          // The house style: builtin generics (`list[int]`) where an alias could have been used.
          if (node.parent?.type === "generic_type" && BUILTINS.has(node.text) && ctx.isBuiltin(node)) ctx.follows(node);
          if (node.type === "identifier" || node.type === "attribute") visit(node);
        }
      },
    };
  },
});

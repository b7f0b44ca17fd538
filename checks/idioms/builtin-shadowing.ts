import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { PYTHON_BUILTINS, targetNames } from "../../src/engine/names.js";

/** Module attributes every module has of its own; not builtins a reader would miss. */
const MODULE_DUNDERS = new Set(["__name__", "__file__", "__doc__"]);

function shadows(name: string): boolean {
  return PYTHON_BUILTINS.has(name) && !MODULE_DUNDERS.has(name);
}

/** A binding directly in a class body is a class attribute (Ruff's A003), not a variable. */
function inClassBody(node: SyntaxNode): boolean {
  let cur = node.parent;
  while (cur && cur.type !== "block" && cur.type !== "module") cur = cur.parent;
  return cur?.type === "block" && cur.parent?.type === "class_definition";
}

function reportVariable(ctx: CheckContext, id: SyntaxNode): void {
  if (!shadows(id.text) || inClassBody(id)) return;
  ctx.report({ node: id, code: "A001", message: `Variable \`${id.text}\` shadows the builtin \`${id.text}\`` });
}

export default defineCheck({
  id: "builtin-shadowing",
  codes: ["A001", "A002"],
  pylint: ["redefined-builtin"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A variable, function or parameter named like a builtin (`list`, `id`, `type`, ...).",
    why: "Once `list` or `id` names something else, the builtin is unreachable in that scope, and the next edit that needs it fails in a confusing way. Pick a name that says what the value is (`items`, `user_id`, `kind`).",
    bad: "def find(id, type=None):\n    list = load(id)\n    return list\n",
    good: "def find(user_id, kind=None):\n    users = load(user_id)\n    return users\n",
  },
  create(ctx) {
    const targets = (node: SyntaxNode | null): void => {
      if (node) for (const id of targetNames(node)) reportVariable(ctx, id);
    };
    return {
      assignment: (node) => targets(node.childForFieldName("left")),
      augmented_assignment: (node) => targets(node.childForFieldName("left")),
      for_statement: (node) => targets(node.childForFieldName("left")),
      for_in_clause: (node) => targets(node.childForFieldName("left")),
      as_pattern: (node) => targets(node.childForFieldName("alias")),
      named_expression: (node) => targets(node.childForFieldName("name")),
      function_definition(node) {
        const name = node.childForFieldName("name");
        if (name) reportVariable(ctx, name);
        for (const param of node.childForFieldName("parameters")?.namedChildren ?? []) {
          const id =
            param.type === "identifier"
              ? param
              : (param.childForFieldName("name") ?? param.namedChildren.find((c) => c.type === "identifier") ?? null);
          if (id?.type === "identifier" && shadows(id.text)) {
            ctx.report({
              node: id,
              code: "A002",
              message: `Parameter \`${id.text}\` shadows the builtin \`${id.text}\``,
            });
          }
        }
      },
      class_definition(node) {
        const name = node.childForFieldName("name");
        if (name) reportVariable(ctx, name);
      },
    };
  },
});

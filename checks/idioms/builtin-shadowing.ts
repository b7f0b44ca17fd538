import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { isOverload } from "../../src/engine/definitions.js";
import { PYTHON_BUILTINS, targetNames } from "../../src/engine/names.js";
import type { PythonVersion } from "../../src/engine/types.js";

/** Module attributes every module has of its own; not builtins a reader would miss. */
const MODULE_DUNDERS = new Set(["__name__", "__file__", "__doc__"]);

/** Builtins newer than the oldest target: they only count when the target Python has them (as Ruff). */
const ADDED_IN: ReadonlyMap<string, number> = new Map([
  ["aiter", 10],
  ["anext", 10],
  ["EncodingWarning", 10],
  ["BaseExceptionGroup", 11],
  ["ExceptionGroup", 11],
]);

function shadows(name: string, python: PythonVersion): boolean {
  if (name === "__build_class__") return true;
  if (!PYTHON_BUILTINS.has(name) || MODULE_DUNDERS.has(name)) return false;
  const minor = ADDED_IN.get(name);
  return minor === undefined || python[0] > 3 || python[1] >= minor;
}

/**
 * A binding directly in a class body is a class attribute (Ruff's A003), not a variable.
 * Comprehensions have a scope of their own, so their targets are variables even there.
 */
function inClassBody(node: SyntaxNode): boolean {
  let cur = node.parent;
  // `if`, `try` and `with` open no scope: a def under `if PY2:` in a class body is a method.
  while (cur && cur.type !== "module" && (cur.type !== "block" || SCOPELESS_BLOCK.has(cur.parent?.type ?? ""))) {
    if (cur.type === "for_in_clause") return false;
    cur = cur.parent;
  }
  return cur?.type === "block" && cur.parent?.type === "class_definition";
}

const SCOPELESS_BLOCK = new Set([
  "if_statement",
  "elif_clause",
  "else_clause",
  "try_statement",
  "except_clause",
  "except_group_clause",
  "finally_clause",
  "with_statement",
]);

function reportVariable(ctx: CheckContext, id: SyntaxNode, kind: "Variable" | "Function" | "Class" = "Variable"): void {
  if (!shadows(id.text, ctx.python) || inClassBody(id)) return;
  ctx.report({ node: id, code: "A001", message: `${kind} \`${id.text}\` shadows the builtin \`${id.text}\`` });
}

export default defineCheck({
  id: "builtin-shadowing",
  codes: ["A001", "A002"],
  pylint: ["redefined-builtin"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  fix: "never",
  docs: {
    summary: "A variable, function or parameter named like a builtin (`list`, `id`, `type`, ...).",
    why: "Once `list` or `id` names something else, the builtin is unreachable in that scope, and the next edit that needs it fails in a confusing way. Pick a name that says what the value is (`items`, `user_id`, `kind`).",
    bad: "def find(id, type=None):\n    list = load(id)\n    return list\n",
    good: "def find(user_id, kind=None):\n    users = load(user_id)\n    return users\n",
    differences:
      "A parameter that binds the builtin itself as its default (`def f(x, len=len)`, the fast-local idiom) hides nothing and is not reported; Ruff reports it.",
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
        if (name) reportVariable(ctx, name, "Function");
        // An `@overload` is a signature for type checkers: its implementation's parameters count.
        if (isOverload(node)) return;
        for (const param of node.childForFieldName("parameters")?.namedChildren ?? []) {
          const id =
            param.type === "identifier"
              ? param
              : (param.childForFieldName("name") ?? param.namedChildren.find((c) => c.type === "identifier") ?? null);
          // `len=len`: the builtin bound as a default on purpose (a fast local), not hidden.
          const value = param.childForFieldName("value");
          if (value?.type === "identifier" && value.text === id?.text) continue;
          if (id?.type === "identifier" && shadows(id.text, ctx.python)) {
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
        if (name) reportVariable(ctx, name, "Class");
      },
    };
  },
});

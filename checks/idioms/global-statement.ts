import { defineCheck } from "../../src/engine/check.js";
import type { SyntaxNode } from "tree-sitter";
import { walkScope } from "../../src/engine/ast.js";
import { targetNames } from "../../src/engine/names.js";

export default defineCheck({
  id: "global-statement",
  codes: ["PLW0603"],
  pylint: ["global-statement"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`global NAME` in a function that rebinds module state.",
    why: "Functions that rebind module globals hide state changes from their callers, are hard to test in isolation and race under threads. Return the value, keep the state in an object, or pass it in.",
    bad: "counter = 0\n\ndef bump():\n    global counter\n    counter += 1\n",
    differences:
      "Ruff's PLW0603 also flags a `global` statement at module level (a no-op), and misses names rebound by tuple unpacking, a `for` or `with ... as` target, or an assignment expression in a comprehension; peptalk flags exactly the names a function (or class body) rebinds.",
    good: "class Counter:\n    def __init__(self):\n        self.value = 0\n\n    def bump(self):\n        self.value += 1\n",
  },
  create(ctx) {
    return {
      global_statement(node) {
        // The def or class body holding the statement; at module level `global` is a no-op.
        let fn = node.parent;
        while (fn && fn.type !== "function_definition" && fn.type !== "class_definition") fn = fn.parent;
        if (!fn) return;
        // Only names the function rebinds: `global X` followed by reads alone is harmless.
        for (const id of node.namedChildren) {
          if (id.type !== "identifier") continue;
          if (rebinds(fn, id.text)) {
            ctx.report({ node: id, message: `Using \`global\` to rebind \`${id.text}\` hides module state changes` });
          }
        }
      },
    };
  },
});

/** Whether `name` is rebound directly in the def or class `fn` (not in a nested function or class). */
function rebinds(fn: SyntaxNode, name: string): boolean {
  let found = false;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  walkScope(body, (n) => {
    if (found) return false;
    let targets: SyntaxNode[] = [];
    switch (n.type) {
      case "assignment":
      case "augmented_assignment":
      case "for_statement": {
        const left = n.childForFieldName("left");
        targets = left ? targetNames(left) : [];
        break;
      }
      case "as_pattern": {
        const alias = n.childForFieldName("alias");
        targets = alias ? targetNames(alias) : [];
        break;
      }
      case "named_expression":
        targets = [n.childForFieldName("name")!].filter(Boolean);
        break;
      case "delete_statement":
        targets = n.namedChildren.flatMap(targetNames);
        break;
      case "function_definition":
      case "class_definition":
        targets = [n.childForFieldName("name")!].filter(Boolean);
        break;
      case "import_statement":
      case "import_from_statement":
        found = n.namedChildren.some(
          (c) =>
            (c.type === "aliased_import" ? c.childForFieldName("alias")?.text : (c.namedChild(0)?.text ?? c.text)) ===
              name && c.type !== "relative_import",
        );
        return false;
    }
    if (targets.some((t) => t.text === name)) found = true;
    return;
  });
  return found;
}

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { isStringNode } from "../../src/engine/ast.js";

/** The nearest enclosing loop (for/while) inside the same function, or null. */
function enclosingLoop(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "for_statement" || cur.type === "while_statement") return cur;
    if (cur.type === "function_definition" || cur.type === "lambda" || cur.type === "class_definition") return null;
  }
  return null;
}

export default defineCheck({
  id: "string-concat-in-loop",
  codes: [],
  category: "idioms",
  severity: "info",
  fix: "never",
  docs: {
    summary: "`s += ...` on a string inside a loop.",
    why: "Each `+=` on a `str` builds a new string, copying everything so far: the loop becomes quadratic in the output size. Collect the pieces in a list and `''.join(pieces)` once.",
    bad: "def render(rows):\n    out = ''\n    for row in rows:\n        out += f'{row}\\n'\n    return out\n",
    good: "def render(rows):\n    return ''.join(f'{row}\\n' for row in rows)\n",
    differences:
      "Flagged only when the variable is provably a `str`: it was assigned a string literal (or an f-string) in the same function before the loop, and every `+=` in the loop adds a string literal, f-string or `str(...)` call.",
  },
  create(ctx) {
    return {
      augmented_assignment(node) {
        if (node.childForFieldName("operator")?.text !== "+=") return;
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left?.type !== "identifier" || !right) return;
        const loop = enclosingLoop(node);
        if (!loop) return;
        // What is added must itself be a string.
        const isStr = (n: SyntaxNode): boolean =>
          isStringNode(n) ||
          (n.type === "call" && n.childForFieldName("function")?.text === "str") ||
          (n.type === "binary_operator" &&
            n.childForFieldName("operator")?.text === "+" &&
            (isStr(n.childForFieldName("left")!) || isStr(n.childForFieldName("right")!)));
        const addsString = isStr(right);
        if (!addsString) return;
        // The variable started as a string literal in this scope, before the loop.
        const scope = ctx.names.lookup(left.text, node);
        if (scope?.kind !== "local") return;
        const def = scope.node.parent;
        const value = def?.type === "assignment" ? def.childForFieldName("right") : null;
        if (!value || !isStringNode(value) || value.startIndex >= loop.startIndex) return;
        ctx.report({
          node,
          message: `String \`${left.text}\` grows with \`+=\` in a loop: collect the parts and \`''.join\` them`,
        });
      },
    };
  },
});

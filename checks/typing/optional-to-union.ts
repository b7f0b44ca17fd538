import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { subscriptParts } from "../../src/engine/annotations.js";

function inAnnotation(node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "type" && cur.parent?.type !== "type_parameter") return true;
    if (cur.type.endsWith("_statement") || cur.type === "block" || cur.type === "module") return false;
  }
  return false;
}

export default defineCheck({
  id: "optional-to-union",
  codes: ["UP045"],
  category: "typing",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "optional annotations use `X | None` rather than `Optional[X]`" },
  fix: "sometimes",
  minPython: "3.10",
  docs: {
    summary: "`Optional[X]` where `X | None` works (Python 3.10+).",
    why: "PEP 604 unions say the same with less: `int | None` needs no import and reads as what it is.",
    bad: "from typing import Optional\n\ndef find(key: str) -> Optional[int]:\n    return None\n",
    good: "def find(key: str) -> int | None:\n    return None\n",
    fixSafety:
      'Safe, as in Ruff for a 3.10+ target (the only one this rule runs for): rewrites `Optional[X]` as `X | None` in annotations, except when `X` is a string forward reference (`"A" | None` fails at runtime).',
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("Optional")) return {};
    const visit = (node: SyntaxNode): void => {
      const parts = subscriptParts(node);
      if (
        !parts ||
        parts.args.length !== 1 ||
        ctx.qualifiedName(parts.head) !== "typing.Optional" ||
        !inAnnotation(node)
      )
        return;
      const inner = parts.args[0]!;
      if (inner.descendantsOfType("string").length > 0 || inner.type === "string") return;
      const text = ctx.text(inner);
      ctx.report({
        node,
        message: `Use \`${text} | None\` instead of \`Optional[${text}]\``,
        fix: text.includes("#")
          ? null
          : { title: "Use `X | None`", edits: [ctx.edits.replace(node, `${text} | None`)] },
      });
    };
    return {
      generic_type: visit,
      subscript: visit,
      // The house style: `X | None` annotations.
      binary_operator(node) {
        if (node.childForFieldName("operator")?.text !== "|") return;
        const sides = [node.childForFieldName("left"), node.childForFieldName("right")];
        if (sides.some((s) => s?.type === "none") && inAnnotation(node)) ctx.follows(node);
      },
    };
  },
});

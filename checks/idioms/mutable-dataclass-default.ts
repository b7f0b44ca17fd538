import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { classAttributes, isDataclass, isMutableValue } from "../../src/engine/classes.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { quoteCode } from "../../src/engine/quote.js";

const EMPTY_DISPLAYS: Record<string, string> = { list: "list", dictionary: "dict", set: "set" };

/** What builds the default afresh: `list` for `[]` or `list()`, else a lambda returning the value. */
function factory(value: SyntaxNode): string {
  const node = unparenthesize(value);
  const display = EMPTY_DISPLAYS[node.type];
  if (display && node.namedChildCount === 0) return display;
  if (node.type === "call" && node.childForFieldName("arguments")?.namedChildCount === 0) {
    const fn = node.childForFieldName("function");
    if (fn && /^[\w.]+$/.test(fn.text)) return fn.text;
  }
  return `lambda: ${node.text}`;
}

export default defineCheck({
  id: "mutable-dataclass-default",
  codes: ["RUF008"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A dataclass field with a mutable default (`tags: list = []`).",
    why: "`@dataclass` raises `ValueError` for `list`, `dict` and `set` defaults (and shares other mutable defaults between instances). Use `field(default_factory=list)`.",
    bad: "from dataclasses import dataclass\n\n@dataclass\nclass Post:\n    tags: list = []\n",
    good: "from dataclasses import dataclass, field\n\n@dataclass\nclass Post:\n    tags: list = field(default_factory=list)\n",
  },
  create(ctx) {
    return {
      class_definition(klass) {
        if (!isDataclass(ctx, klass)) return;
        for (const attr of classAttributes(klass)) {
          if (!attr.annotation || /ClassVar/.test(attr.annotation.text)) continue;
          if (!isMutableValue(ctx, attr.value)) continue;
          ctx.report({
            node: attr.value,
            message: `Mutable default for dataclass field \`${attr.target.text}\`: use ${quoteCode(`field(default_factory=${factory(attr.value)})`)}`,
          });
        }
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";

/** The letters at `at` (a string's prefix, before its quote) include an `f`. */
function hasFPrefix(source: string, at: number): boolean {
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 102 /* f */ || c === 70 /* F */) return true;
    // Any other letter of a prefix (`r`, `b`, `u`, `t`); the quote or anything else ends it.
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  }
  return false;
}

export default defineCheck({
  id: "fstring-without-placeholders",
  codes: ["F541"],
  pylint: ["f-string-without-interpolation"],
  category: "idioms",
  severity: "info",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary: "An f-string with no `{}` placeholder.",
    why: 'The `f` prefix does nothing here, and it often means a placeholder was forgotten (`f"Hello, name"`). Drop the prefix, or add the missing placeholder.',
    bad: "greeting = f'Hello, world'\n",
    good: "greeting = 'Hello, world'\n",
    fixSafety:
      "Safe, as in Ruff: removes the `f` prefix and turns `{{`/`}}` back into `{`/`}`; the string's value is unchanged.",
  },
  create(ctx): Visitors {
    // Only files with an f-string prefix need their strings looked at.
    if (!/(^|[^\w])[rRbB]?[fF][rR]?["']/.test(ctx.source)) return {};
    return {
      string(node: SyntaxNode) {
        // The prefix letters are read from the source: most strings are not f-strings, and this
        // needs no call into the tree (a string starts with its `string_start` token).
        if (!hasFPrefix(ctx.source, node.startIndex)) return;
        const start = node.child(0);
        if (start?.type !== "string_start" || !/f/i.test(start.text)) return;
        if (node.namedChildren.some((c) => c.type === "interpolation")) return;
        // In `f"a" f"{b}"` the parts form one f-string, which has a placeholder.
        if (
          node.parent?.type === "concatenated_string" &&
          node.parent.namedChildren.some((part) => part.namedChildren.some((c) => c.type === "interpolation"))
        )
          return;
        const prefix = start.text.replace(/["']+$/, "");
        const quote = start.text.slice(prefix.length);
        const content = ctx.text({ start: start.endIndex, end: node.endIndex });
        const body = content
          .slice(0, content.length - quote.length)
          .replace(/\{\{/g, "{")
          .replace(/\}\}/g, "}");
        const replacement = `${prefix.replace(/f/i, "")}${quote}${body}${quote}`;
        ctx.report({
          node,
          message: "f-string without any placeholders",
          fix: { title: "Remove the `f` prefix", edits: [ctx.edits.replace(node, replacement)] },
        });
      },
    };
  },
});

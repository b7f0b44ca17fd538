import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type FixSpec, type Visitors } from "../../src/engine/check.js";
import { allDefinitions, type AllName } from "./undefined-name-in-all.js";

/** The text range that removes one element of a list/tuple with its comma, or null when that is not simple. */
function removal(ctx: CheckContext, element: SyntaxNode): { start: number; end: number } | null {
  const container = element.parent;
  if (!container || (container.type !== "list" && container.type !== "tuple")) return null;
  const src = ctx.source;
  const lineStart = src.lastIndexOf("\n", element.startIndex - 1) + 1;
  const lineEndRaw = src.indexOf("\n", element.endIndex);
  const lineEnd = lineEndRaw === -1 ? src.length : lineEndRaw;
  const next =
    element.nextSibling?.type === "," && element.nextSibling.endIndex <= lineEnd ? element.nextSibling : null;
  const prev = element.previousSibling?.type === "," ? element.previousSibling : null;
  const before = src.slice(lineStart, element.startIndex);
  const after = src.slice(next ? next.endIndex : element.endIndex, lineEnd);
  const elements = container.namedChildren.filter((c) => c.type !== "comment");
  // The element alone on its line (with its comma): drop the whole line.
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after) && (next || prev) && lineEndRaw !== -1)
    return { start: lineStart, end: lineEnd + 1 };
  if (next) {
    const spaces = /^[ \t]*/.exec(after)![0].length;
    // `"a", ` and what follows on the line stays.
    if (next.endIndex + spaces < lineEnd) return { start: element.startIndex, end: next.endIndex + spaces };
    // `..., "a",` ending the line: drop the spaces before it too.
    const lead = /[ \t]*$/.exec(before)![0].length;
    if (lead === 0 || lead === before.length) return null;
    return { start: element.startIndex - lead, end: next.endIndex };
  }
  if (prev && prev.startIndex >= lineStart) {
    // The last element without a trailing comma: `, "a"`. `("a", "a")` → `("a")` would be a string.
    if (container.type === "tuple" && elements.length < 3) return null;
    return { start: prev.startIndex, end: element.endIndex };
  }
  // `["a"]` → `[]`.
  if (container.type === "list" && elements.length === 1) return { start: element.startIndex, end: element.endIndex };
  return null;
}

export default defineCheck({
  id: "duplicate-all-entry",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary: "The same name twice in `__all__`.",
    why: "A repeated name in `__all__` is harmless at run time but usually a merge or copy-paste slip: the entry meant to be there may be missing, and sorting or generating documentation from the list shows the name twice.",
    bad: '__all__ = ["load", "dump", "load"]\n\n\ndef load():\n    pass\n\n\ndef dump():\n    pass\n',
    good: '__all__ = ["load", "dump"]\n\n\ndef load():\n    pass\n\n\ndef dump():\n    pass\n',
    fixSafety:
      "The fix removes the later entry with its comma when both sit on one line (or the entry is alone on its line) inside a list or tuple literal; it never empties a one-element tuple into a string. Safe: `from module import *` imports the same names, and no comment is removed (Ruff's RUF068 is unsafe only when its fix would drop one).",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("__all__")) return {};
    return {
      module() {
        // What `__all__` certainly holds after the module-level statements seen so far.
        let current = new Map<string, AllName>();
        for (const def of allDefinitions(ctx)) {
          const replaces = def.kind === "assign" && !def.extendsItself;
          const seen = new Map<string, AllName>(replaces ? [] : current);
          for (const entry of def.names) {
            const first = seen.get(entry.name);
            if (!first) {
              seen.set(entry.name, entry);
              continue;
            }
            const range = removal(ctx, entry.node);
            const fix: FixSpec | null = range
              ? { title: `Remove the second \`"${entry.name}"\``, edits: [ctx.edits.remove(range)] }
              : null;
            ctx.report({
              node: entry.node,
              message: `\`${entry.name}\` is already in \`__all__\` (line ${first.node.startPosition.row + 1})`,
              fix,
            });
          }
          // Conditional additions are compared with what precedes them but do not count later on.
          if (!def.nested) current = seen;
          else if (replaces) current = new Map();
        }
      },
    };
  },
});

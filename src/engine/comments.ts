// "The author explains this on purpose": a comment on the construct's own lines or on the line
// just above it. Rules with a style component stay quiet there (precision.md); which words count
// is each rule's choice.
import type { SyntaxNode } from "tree-sitter";

/** The comment texts (without `#`) on the node's lines and the line above, in source order. */
export function nearbyComments(source: string, node: SyntaxNode): string[] {
  const lines = source.split("\n");
  const out: string[] = [];
  const first = node.startPosition.row;
  for (let row = Math.max(0, first - 1); row <= node.endPosition.row; row++) {
    const line = lines[row] ?? "";
    // The line above counts only when it is a comment line; the node's own lines by their trailing comment.
    const hash = row < first ? (/^\s*#/.test(line) ? line.indexOf("#") : -1) : trailingHash(line);
    if (hash !== -1) out.push(line.slice(hash + 1).trim());
  }
  return out;
}

/** Where a trailing comment starts, ignoring `#` inside simple quoted strings; -1 when none. */
function trailingHash(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "#") return i;
  }
  return -1;
}

/** Whether a comment near the node matches `words` (any comment at all when omitted). */
export function explainedByComment(source: string, node: SyntaxNode, words?: RegExp): boolean {
  return nearbyComments(source, node).some((text) => !words || words.test(text));
}

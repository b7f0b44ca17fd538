// Fixes are text edits. One is offered only when the fixed file still parses without
// new ERROR/MISSING nodes; applying several resolves overlaps deterministically.
import type { EditSpec } from "./check.js";
import { countSyntaxErrors, parsePython } from "./parser.js";
import type { Edit, Fix } from "./types.js";
import type { LineIndex } from "./text.js";
import type { Tree } from "tree-sitter";

export function applyEdits(source: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error("overlapping edits in one fix");
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

export function toEdit(spec: EditSpec, index: LineIndex): Edit {
  const start = index.position(spec.start);
  const end = index.position(spec.end);
  return {
    start: spec.start,
    end: spec.end,
    text: spec.text,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/**
 * Whether applying `edits` keeps the file parseable (no more syntax errors than before).
 * Given the source's own tree, the tree is edited in place and re-parsed incrementally: only
 * the edited regions are parsed again. The tree then describes the fixed text, so each tree can
 * serve one call.
 */
export function fixParses(
  source: string,
  edits: readonly EditSpec[],
  errorsBefore: number,
  incremental?: { tree: Tree; index: LineIndex },
): boolean {
  let fixed: string;
  try {
    fixed = applyEdits(source, edits);
  } catch {
    return false;
  }
  if (fixed === source) return false;
  if (!incremental) return countSyntaxErrors(parsePython(fixed).rootNode) <= errorsBefore;
  // From the last edit back, so each edit's coordinates in the original text still hold.
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of sorted) {
    const start = incremental.index.position(edit.start);
    const oldEnd = incremental.index.position(edit.end);
    const lines = edit.text.split("\n");
    const lastLine = lines[lines.length - 1]!;
    incremental.tree.edit({
      startIndex: edit.start,
      oldEndIndex: edit.end,
      newEndIndex: edit.start + edit.text.length,
      startPosition: { row: start.line - 1, column: start.column - 1 },
      oldEndPosition: { row: oldEnd.line - 1, column: oldEnd.column - 1 },
      newEndPosition:
        lines.length === 1
          ? { row: start.line - 1, column: start.column - 1 + lastLine.length }
          : { row: start.line - 1 + lines.length - 1, column: lastLine.length },
    });
  }
  return countSyntaxErrors(parsePython(fixed, incremental.tree).rootNode) <= errorsBefore;
}

/**
 * Apply every fix whose edits do not overlap an earlier one (earliest start first, then
 * the order given). Returns the new text and how many fixes were applied.
 */
export function applyNonOverlappingFixes(source: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const ordered = fixes
    .map((fix, order) => ({ fix, order, start: Math.min(...fix.edits.map((e) => e.start)) }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  const taken: { start: number; end: number }[] = [];
  const chosen: Edit[] = [];
  let applied = 0;
  for (const { fix } of ordered) {
    const clash = fix.edits.some((e) =>
      taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)),
    );
    if (clash) continue;
    taken.push(...fix.edits);
    chosen.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(source, chosen), applied };
}

// Fixes are text edits. One is offered only when the fixed file still parses without
// new ERROR/MISSING nodes; applying several resolves overlaps deterministically.
import type { EditSpec } from "./check.js";
import { countSyntaxErrors, parsePython } from "./parser.js";
import type { Edit, Fix } from "./types.js";
import type { LineIndex } from "./text.js";

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

/** Whether applying `edits` keeps the file parseable (no more syntax errors than before). */
export function fixParses(source: string, edits: readonly EditSpec[], errorsBefore: number): boolean {
  let fixed: string;
  try {
    fixed = applyEdits(source, edits);
  } catch {
    return false;
  }
  if (fixed === source) return false;
  return countSyntaxErrors(parsePython(fixed).rootNode) <= errorsBefore;
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

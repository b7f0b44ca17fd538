// Re-parsing a file with a suggestion applied, as it will read after a click. The file's tree
// is parsed once; each suggestion edits it, re-parses incrementally (only the edited region),
// and edits it back, so a file with many suggestions is not parsed again in full each time.
import type { Tree } from "tree-sitter";
import { countSyntaxErrors, parsePython } from "../engine/parser.js";
import { LineIndex } from "../engine/text.js";

interface Point {
  row: number;
  column: number;
}

function pointAfter(start: Point, text: string): Point {
  const lines = text.split("\n");
  const last = lines[lines.length - 1]!;
  return lines.length === 1
    ? { row: start.row, column: start.column + last.length }
    : { row: start.row + lines.length - 1, column: last.length };
}

export class Reparser {
  private tree: Tree;
  private readonly index: LineIndex;
  private readonly errorsBefore: number;

  constructor(private readonly source: string) {
    this.tree = parsePython(source);
    this.index = new LineIndex(source);
    this.errorsBefore = countSyntaxErrors(this.tree.rootNode);
  }

  /** Whether replacing `start..end` with `text` adds no syntax error. */
  keepsParsing(start: number, end: number, text: string): boolean {
    const from = this.index.position(start);
    const startPoint = { row: from.line - 1, column: from.column - 1 };
    const oldEndPosition = this.point(end);
    const newEndPosition = pointAfter(startPoint, text);
    const fixed = this.source.slice(0, start) + text + this.source.slice(end);
    this.tree.edit({
      startIndex: start,
      oldEndIndex: end,
      newEndIndex: start + text.length,
      startPosition: startPoint,
      oldEndPosition,
      newEndPosition,
    });
    const after = parsePython(fixed, this.tree);
    const ok = countSyntaxErrors(after.rootNode) <= this.errorsBefore;
    // Edit back to the original text, so the next suggestion starts from it.
    after.edit({
      startIndex: start,
      oldEndIndex: start + text.length,
      newEndIndex: end,
      startPosition: startPoint,
      oldEndPosition: newEndPosition,
      newEndPosition: oldEndPosition,
    });
    this.tree = parsePython(this.source, after);
    return ok;
  }

  private point(offset: number): Point {
    const p = this.index.position(offset);
    return { row: p.line - 1, column: p.column - 1 };
  }
}

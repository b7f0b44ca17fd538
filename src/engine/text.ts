// Offsets ↔ 1-based line/column for one file's text (columns in UTF-16 code units).
import type { Position } from "./types.js";

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  /** The text of a 1-based line, without its newline. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }

  lines(): string[] {
    return this.text.split(/\r?\n/);
  }
}

/** The index of the first of the ascending `sorted` at or after `offset` (`sorted.length` if none). */
export function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Some offset of the ascending `sorted` lies in [start, end). */
export function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  const i = firstAtOrAfter(sorted, start);
  return i < sorted.length && sorted[i]! < end;
}

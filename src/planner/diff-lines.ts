// Which lines of a file a review comment may be anchored to, per side of GitHub's per-file
// `patch`: RIGHT is the head (`+` and context lines), LEFT the base (`-` and context lines).
// Lines outside every hunk cannot take a comment.

export interface Hunk {
  /** First and last line of the hunk on the new (RIGHT) side. */
  start: number;
  end: number;
}

export interface FileDiff {
  /** Lines the PR added or changed (`+` lines). */
  added: Set<number>;
  /** Unchanged lines shown in the hunks (` ` lines): commentable, but not the PR's doing. */
  context: Set<number>;
  hunks: Hunk[];
  /** Base (LEFT) lines the PR removed (`-` lines). */
  deleted: Set<number>;
  /** Base (LEFT) line numbers of the context lines. */
  baseContext: Set<number>;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string | undefined): FileDiff {
  const diff: FileDiff = {
    added: new Set(),
    context: new Set(),
    hunks: [],
    deleted: new Set(),
    baseContext: new Set(),
  };
  if (!patch) return diff;
  let line = 0;
  let baseLine = 0;
  let baseEnd = 0;
  let end = 0;
  let hunk: Hunk | null = null;
  for (const raw of patch.split("\n")) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      baseLine = Number(header[1]);
      baseEnd = baseLine + (header[2] === undefined ? 1 : Number(header[2])) - 1;
      line = Number(header[3]);
      const count = header[4] === undefined ? 1 : Number(header[4]);
      end = line + count - 1;
      hunk = { start: line, end: line + Math.max(count, 1) - 1 };
      diff.hunks.push(hunk);
      continue;
    }
    if (!hunk) continue;
    const marker = raw[0];
    if (marker === "+") {
      diff.added.add(line);
      line++;
    } else if (marker === "-") {
      diff.deleted.add(baseLine);
      baseLine++;
    } else if (marker === " " || (raw === "" && line <= end && baseLine <= baseEnd)) {
      diff.context.add(line);
      diff.baseContext.add(baseLine);
      line++;
      baseLine++;
    }
    // A context line that lost its leading space is "" (both sides still have lines to walk).
    // "\ No newline at end of file" advances nothing.
  }
  return diff;
}

export function isCommentable(diff: FileDiff, line: number): boolean {
  return diff.added.has(line) || diff.context.has(line);
}

/** Whether a base line is shown in the diff (removed, or context), so a LEFT comment fits. */
export function isCommentableOnBase(diff: FileDiff, line: number): boolean {
  return diff.deleted.has(line) || diff.baseContext.has(line);
}

/** Whether `start..end` lies inside one hunk, every line commentable (a multi-line comment's rule). */
export function inOneHunk(diff: FileDiff, start: number, end: number): boolean {
  const hunk = diff.hunks.find((h) => h.start <= start && end <= h.end);
  if (!hunk) return false;
  for (let l = start; l <= end; l++) if (!isCommentable(diff, l)) return false;
  return true;
}

/**
 * Whether GitHub will take a review comment at this anchor: RIGHT side, `line` in a hunk, and
 * for a multi-line comment `startLine < line` inside the same hunk; or LEFT side, one base line
 * that the diff shows (peptalk writes no multi-line LEFT comments). One comment that does not
 * fit makes GitHub refuse the whole review (422), so every comment is checked before posting.
 */
export function fitsDiff(diff: FileDiff, anchor: { line: number; startLine?: number; side: string }): boolean {
  if (!Number.isInteger(anchor.line) || anchor.line < 1) return false;
  if (anchor.side === "LEFT") return anchor.startLine === undefined && isCommentableOnBase(diff, anchor.line);
  if (anchor.side !== "RIGHT") return false;
  if (anchor.startLine === undefined) return isCommentable(diff, anchor.line);
  return (
    Number.isInteger(anchor.startLine) &&
    anchor.startLine < anchor.line &&
    inOneHunk(diff, anchor.startLine, anchor.line)
  );
}

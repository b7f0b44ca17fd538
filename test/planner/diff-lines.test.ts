import { describe, expect, it } from "@jest/globals";
import { fitsDiff, inOneHunk, isCommentable, parsePatch } from "../../src/planner/diff-lines.js";

describe("parsePatch", () => {
  it("walks a hunk: + and context lines advance the RIGHT side, - lines do not", () => {
    const diff = parsePatch("@@ -1,4 +1,5 @@\n import os\n-x = 1\n+x = 2\n+y = 3\n z = 4\n w = 5");
    expect([...diff.added]).toEqual([2, 3]);
    expect([...diff.context]).toEqual([1, 4, 5]);
    expect(diff.hunks).toEqual([{ start: 1, end: 5 }]);
  });

  it("reads several hunks and leaves the lines between them uncommentable", () => {
    const diff = parsePatch("@@ -1,2 +1,2 @@\n a\n-b\n+B\n@@ -10,2 +10,3 @@ def f():\n k\n+l\n m");
    expect(diff.hunks).toEqual([
      { start: 1, end: 2 },
      { start: 10, end: 12 },
    ]);
    expect([...diff.added]).toEqual([2, 11]);
    expect(isCommentable(diff, 5)).toBe(false);
    expect(isCommentable(diff, 12)).toBe(true);
  });

  it("ignores '\\ No newline at end of file' markers", () => {
    const diff = parsePatch("@@ -1 +1 @@\n-x = 1\n\\ No newline at end of file\n+x = 2\n\\ No newline at end of file");
    expect([...diff.added]).toEqual([1]);
    expect(diff.hunks).toEqual([{ start: 1, end: 1 }]);
  });

  it("walks the LEFT side: - and context lines advance the base counter, + lines do not", () => {
    const diff = parsePatch("@@ -3,5 +3,4 @@ def f():\n a\n-b\n-c\n+B\n d\n-e\n+E\n+F\n f");
    expect([...diff.deleted]).toEqual([4, 5, 7]);
    expect([...diff.baseContext]).toEqual([3, 6, 8]);
    expect([...diff.added]).toEqual([4, 6, 7]);
    expect([...diff.context]).toEqual([3, 5, 8]);
  });

  it("reads a removed file as deleted lines only", () => {
    const diff = parsePatch("@@ -1,3 +0,0 @@\n-def fetch(url):\n-    return url\n-");
    expect([...diff.deleted]).toEqual([1, 2, 3]);
    expect(diff.added.size + diff.context.size + diff.baseContext.size).toBe(0);
  });

  it("reads a new file's single hunk and counts omitted as 1", () => {
    const diff = parsePatch("@@ -0,0 +1,3 @@\n+a\n+b\n+c");
    expect([...diff.added]).toEqual([1, 2, 3]);
  });

  it("treats a missing patch (binary, too large) as nothing commentable", () => {
    expect(parsePatch(undefined)).toEqual({
      added: new Set(),
      context: new Set(),
      hunks: [],
      deleted: new Set(),
      baseContext: new Set(),
    });
  });

  it("knows when a range lies inside one hunk", () => {
    const diff = parsePatch("@@ -1,2 +1,2 @@\n a\n+b\n@@ -10,2 +10,2 @@\n k\n+l");
    expect(inOneHunk(diff, 1, 2)).toBe(true);
    expect(inOneHunk(diff, 2, 10)).toBe(false);
  });
});

describe("fitsDiff", () => {
  const diff = parsePatch("@@ -1,2 +1,2 @@\n a\n-b\n+B\n@@ -10,2 +10,3 @@ def f():\n k\n+l\n m");

  it.each([
    ["a single line in a hunk", { line: 11, side: "RIGHT" }, true],
    ["a range inside one hunk", { startLine: 10, line: 12, side: "RIGHT" }, true],
    ["a line between hunks", { line: 5, side: "RIGHT" }, false],
    ["a line past the last hunk", { line: 13, side: "RIGHT" }, false],
    ["a range across two hunks", { startLine: 2, line: 10, side: "RIGHT" }, false],
    ["start_line equal to line", { startLine: 11, line: 11, side: "RIGHT" }, false],
    ["start_line after line", { startLine: 12, line: 11, side: "RIGHT" }, false],
    ["a removed line on the LEFT side", { line: 2, side: "LEFT" }, true],
    ["a context line on the LEFT side, by its base number", { line: 11, side: "LEFT" }, true],
    ["a LEFT line between hunks", { line: 5, side: "LEFT" }, false],
    ["a LEFT line past the last hunk", { line: 12, side: "LEFT" }, false],
    ["a multi-line LEFT range", { startLine: 1, line: 2, side: "LEFT" }, false],
    ["a side GitHub does not know", { line: 2, side: "BOTH" }, false],
    ["a line that is not a number", { line: Number.NaN, side: "RIGHT" }, false],
  ])("%s: %j fits = %s", (_name, anchor, fits) => {
    expect(fitsDiff(diff, anchor)).toBe(fits);
  });
});

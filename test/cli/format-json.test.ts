// The JSON output is written in chunks as it is made; the text is the one JSON.stringify makes
// of the whole document, whatever the number of findings.
import { describe, expect, it } from "@jest/globals";
import { formatJson, formatJsonChunks } from "../../src/cli/format/json.js";
import type { Finding } from "../../src/engine/types.js";
import { makeFinding } from "../helpers/finding.js";

const finding = (i: number): Finding =>
  makeFinding({
    path: `pkg/m${i}.py`,
    message: i % 2 ? "Compare with `is None`" : 'A message with a newline\nand "quotes" and a tab\t',
    line: i + 1,
    column: 3,
    endLine: i + 1,
    endColumn: 12,
    fix:
      i % 3 === 0
        ? {
            description: "Use `is`",
            safety: i % 2 ? "safe" : "unsafe",
            ...(i % 2 ? {} : { unsafeReason: "may change behaviour" }),
            edits: [{ start: 4, end: 6, line: i + 1, column: 5, endLine: i + 1, endColumn: 7, text: "is\n  x" }],
          }
        : null,
  });

/** What the output was before it was streamed: the whole document at once. */
function whole(findings: Finding[]): string {
  const parsed = JSON.parse(formatJson(findings)) as unknown;
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

describe("formatJson", () => {
  it.each([0, 1, 2, 499, 500, 501, 1203])("%i findings: the text of the whole document, in chunks of lines", (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const chunks = [...formatJsonChunks(findings)];
    expect(chunks.join("")).toBe(whole(findings));
    expect(chunks.every((c) => c.endsWith("\n"))).toBe(true);
    expect(chunks.length).toBe(n === 0 ? 1 : 2 + Math.ceil(n / 500));
  });

  it("keeps the contract's fields", () => {
    const [entry] = (JSON.parse(formatJson([finding(3)])) as { findings: Record<string, unknown>[] }).findings;
    expect(entry).toEqual({
      path: "pkg/m3.py",
      rule: "none-comparison",
      codes: ["E711"],
      severity: "warning",
      message: "Compare with `is None`",
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 12,
      fix: {
        description: "Use `is`",
        applicability: "safe",
        edits: [{ line: 4, column: 5, endLine: 4, endColumn: 7, text: "is\n  x" }],
      },
    });
  });
});

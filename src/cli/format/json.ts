import type { Finding } from "../../engine/types.js";

/** The JSON contract of DESIGN.md: 1-based lines and columns, fixes as edits with their applicability. */
export function formatJson(findings: readonly Finding[]): string {
  return [...formatJsonChunks(findings)].join("");
}

/** Findings per chunk of streamed output. */
const CHUNK = 500;

/**
 * The same text as `JSON.stringify({ findings }, null, 2)` plus a final newline, in chunks of
 * whole lines: a run with 100,000 findings writes them as it goes instead of building one
 * string of tens of megabytes.
 */
export function* formatJsonChunks(findings: readonly Finding[]): Generator<string> {
  if (findings.length === 0) {
    yield '{\n  "findings": []\n}\n';
    return;
  }
  yield '{\n  "findings": [\n';
  for (let start = 0; start < findings.length; start += CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + CHUNK, findings.length); i++) {
      // Strings in JSON escape their newlines, so indenting every line indents the object.
      const object = JSON.stringify(toJson(findings[i]!), null, 2).replace(/^/gm, "    ");
      lines.push(i < findings.length - 1 ? `${object},\n` : `${object}\n`);
    }
    yield lines.join("");
  }
  yield "  ]\n}\n";
}

function toJson(f: Finding): object {
  return {
    path: f.path,
    rule: f.rule,
    codes: f.codes,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fix: f.fix
      ? {
          description: f.fix.description,
          // Ruff's JSON field: `--fix` applies "safe" fixes, `--unsafe-fixes` adds "unsafe" ones.
          applicability: f.fix.safety,
          ...(f.fix.unsafeReason ? { unsafeReason: f.fix.unsafeReason } : {}),
          edits: f.fix.edits.map((e) => ({
            line: e.line,
            column: e.column,
            endLine: e.endLine,
            endColumn: e.endColumn,
            text: e.text,
          })),
        }
      : null,
  };
}

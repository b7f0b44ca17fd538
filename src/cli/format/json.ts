import type { Finding } from "../../engine/types.js";

/** The JSON contract of DESIGN.md: 1-based lines and columns, fixes as edits. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(
    {
      findings: findings.map((f) => ({
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
              edits: f.fix.edits.map((e) => ({
                line: e.line,
                column: e.column,
                endLine: e.endLine,
                endColumn: e.endColumn,
                text: e.text,
              })),
            }
          : null,
      })),
    },
    null,
    2,
  );
}

import type { Finding } from "../../engine/types.js";

/** The JSON contract of DESIGN.md: 1-based lines and columns, fixes as edits with their applicability. */
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
      })),
    },
    null,
    2,
  );
}

// The strict table tester every check uses (the ESLint RuleTester shape):
// valid rows must stay silent; invalid rows pin each finding's range and, for fixing
// checks, the text after applying every fix (`null`: no fix offered) and, with `safety`, whether
// those fixes are safe or unsafe (an unsafe one must say why). Rows of checks
// with Ruff codes also run through Ruff, and a disagreement fails as "noisy"/"missing".
import { describe, expect, it } from "@jest/globals";
import type { FileCheck } from "../../src/engine/check.js";
import { applyNonOverlappingFixes } from "../../src/engine/fix.js";
import { createProjectContext, type ProjectInput } from "../../src/engine/project.js";
import { analyzeFile } from "../../src/engine/runner.js";
import type { Finding, FixSafety, PythonVersion } from "../../src/engine/types.js";
import { parsePythonVersion } from "../../src/engine/version.js";
import { ruffCheck } from "./ruff-oracle.js";

interface RowOptions {
  /** Target Python, "3.10"; default 3.9 (peptalk's and this table's default). */
  python?: string;
  /** The file's path; decides test-file checks. Default `pkg/module.py`. */
  path?: string;
  /** Project around the file (pyproject, conftest, paths). */
  project?: ProjectInput;
  /** Why Ruff disagrees on this row, when peptalk differs on purpose. Skips the oracle. */
  ruffDiffers?: string;
  /**
   * A taste rule runs as if the team selected it (default: that is what Ruff is compared with),
   * or, with "inferred", speaks only where the file's own style holds (house-style.ts).
   */
  houseStyle?: "selected" | "inferred";
}

export type ValidRow = string | ({ code: string } & RowOptions);

export interface InvalidRow extends RowOptions {
  code: string;
  /** "line:col-endLine:endCol" of each finding, in order. */
  at: string | string[];
  /** Substring or pattern each message must match. */
  message?: string | RegExp;
  /** The text after applying all fixes; null when no fix is offered. Required for fixing checks. */
  output?: string | null;
  /** The safety of every fix the row offers (Ruff's applicability); unchecked when omitted. */
  safety?: FixSafety;
}

export interface TableOptions {
  valid: ValidRow[];
  invalid: InvalidRow[];
  /** Run Ruff with preview rules enabled (for codes still in preview). */
  ruffPreview?: boolean;
  /**
   * Why ruff-wasm cannot judge this check's code on a snippet (e.g. INP001 needs the file
   * system, which the wasm build does not have). Skips the oracle for the whole table.
   */
  ruffCannotJudge?: string;
}

function rowOptions(row: ValidRow): { code: string } & RowOptions {
  return typeof row === "string" ? { code: row } : row;
}

export function runCheck(check: FileCheck, code: string, options: RowOptions = {}): Finding[] {
  const path = options.path ?? "pkg/module.py";
  const python = parsePythonVersion(options.python ?? "3.9") as PythonVersion;
  const isTestFile = /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|(^|\/)tests?\//.test(path);
  // The engine runs a check only on the files it applies to; so does the table.
  if ((check.appliesTo === "tests" && !isTestFile) || (check.appliesTo === "non-tests" && isTestFile)) return [];
  const project = createProjectContext(options.project ?? {}, new Map([[path, code]]));
  const sev = check.severity === "off" ? "info" : check.severity;
  const asked = options.houseStyle === "inferred" ? [] : [check.id];
  const result = analyzeFile(path, code, [check], {
    python,
    isTestFile,
    project,
    severities: { [check.id]: sev },
    houseStyle: { asked, changedLines: null },
  });
  if (result.failures.length > 0) throw new Error(`check threw: ${result.failures.map((f) => f.message).join("; ")}`);
  return result.findings.filter((f) => f.rule === check.id);
}

function range(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
}

export function runCheckTable(check: FileCheck, table: TableOptions): void {
  const codes = [...table.valid.map((r) => rowOptions(r).code), ...table.invalid.map((r) => r.code)];
  const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
  const usesRuff = check.codes.length > 0 && !table.ruffCannotJudge;

  describe(check.id, () => {
    it("has no duplicate rows, and at least five valid and five invalid ones", () => {
      expect(dupes).toEqual([]);
      expect(table.valid.length).toBeGreaterThanOrEqual(5);
      expect(table.invalid.length).toBeGreaterThanOrEqual(5);
    });

    it.each(table.valid.map((row) => [rowOptions(row).code, rowOptions(row)] as const))("valid: %j", (_code, row) => {
      expect(runCheck(check, row.code, row).map((f) => `${range(f)} ${f.message}`)).toEqual([]);
    });

    it.each(table.invalid.map((row) => [row.code, row] as const))("invalid: %j", (_code, row) => {
      const findings = runCheck(check, row.code, row);
      const expected = Array.isArray(row.at) ? row.at : [row.at];
      expect(findings.map(range)).toEqual(expected);
      if (row.message !== undefined) for (const f of findings) expect(f.message).toMatch(row.message);
      if (check.fix !== "never") {
        if (row.output === undefined) throw new Error("a fixing check's invalid rows need `output` (null: no fix)");
        if (row.output === row.code) throw new Error("`output` equals `code`: use null for no fix");
        const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (row.output === null) expect(fixes).toEqual([]);
        else expect(applyNonOverlappingFixes(row.code, fixes).text).toBe(row.output);
        // An unsafe fix is shown to a human with its reason, so it must have one.
        for (const fix of fixes) if (fix.safety === "unsafe") expect(fix.unsafeReason ?? "").not.toBe("");
        if (row.safety !== undefined) {
          if (fixes.length === 0) throw new Error("`safety` on a row without a fix");
          expect(fixes.map((f) => f.safety)).toEqual(fixes.map(() => row.safety));
        }
      }
    });

    if (usesRuff) {
      const rows = [...table.valid.map(rowOptions), ...table.invalid].filter((r) => !r.ruffDiffers);
      it.each(rows.map((row) => [row.code, row] as const))("agrees with Ruff %j", (_code, row) => {
        const python = parsePythonVersion(row.python ?? "3.9") as PythonVersion;
        // A check with several codes must also pick the same code as Ruff on each line.
        const key =
          check.codes.length > 1
            ? (code: string, line: number) => `${code}:${line}`
            : (_: string, line: number) => `${line}`;
        const ours = runCheck(check, row.code, row).flatMap((f) => f.codes.map((c) => key(c, f.line)));
        const theirs = ruffCheck(row.code, check.codes, python, { preview: table.ruffPreview }).map((d) =>
          key(d.code, d.line),
        );
        const noisy = ours.filter((l) => !theirs.includes(l));
        const missing = theirs.filter((l) => !ours.includes(l));
        expect({ noisy, missing }).toEqual({ noisy: [], missing: [] });
      });
    }
  });
}

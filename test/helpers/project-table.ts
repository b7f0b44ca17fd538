// The table tester for project checks: each row is a small project tree given as data.
// Valid rows stay silent; invalid rows pin each finding as "path:line" (or
// "path:line:col-endLine:endCol" when the column matters; "path:line LEFT" on a removed line of
// the base) and optionally its message.
import { describe, expect, it } from "@jest/globals";
import type { ProjectCheck } from "../../src/engine/check.js";
import { apiInputFromTexts, isModulePath } from "../../src/engine/api/index.js";
import { createProjectContext, type ProjectInput } from "../../src/engine/project.js";
import type { PythonVersion } from "../../src/engine/types.js";
import { parsePythonVersion } from "../../src/engine/version.js";

export interface ProjectRow {
  /** A short name for the row (shown by jest). */
  name: string;
  /** Head files of the project, path → text. Every key is also a path of the tree. */
  files: Record<string, string>;
  /** Further paths present at head whose text does not matter (e.g. `uv.lock`). */
  paths?: string[];
  /** The paths the diff changes; omitted = no diff (like `peptalk check`). */
  changed?: string[];
  /** Base text of changed files (null: added by the diff). */
  base?: Record<string, string | null>;
  /** The tree is unknown to the front door (no `paths` given to the engine). */
  unknownTree?: boolean;
  python?: string;
}

export interface InvalidProjectRow extends ProjectRow {
  at: string | string[];
  message?: string | RegExp;
}

export interface ProjectReport {
  at: string;
  message: string;
}

export function projectInput(row: ProjectRow): ProjectInput {
  return {
    ...(row.unknownTree ? {} : { paths: [...Object.keys(row.files), ...(row.paths ?? [])] }),
    ...(row.changed ? { changedPaths: row.changed } : {}),
    files: row.files,
    ...(row.base ? { baseFiles: row.base } : {}),
    // A diff that touches Python: the api checks get both repository indexes.
    ...(row.changed?.some(isModulePath) ? { api: apiInputFromTexts(row.files, row.base ?? {}) } : {}),
  };
}

export function runProjectCheck(check: ProjectCheck, row: ProjectRow): ProjectReport[] {
  const project = createProjectContext(projectInput(row), new Map());
  const python = parsePythonVersion(row.python ?? "3.9") as PythonVersion;
  const reports: ProjectReport[] = [];
  check.run({
    project,
    python,
    report: (r) => {
      const line = r.line ?? 1;
      const at =
        r.column === undefined
          ? `${r.path}:${line}`
          : `${r.path}:${line}:${r.column}-${r.endLine ?? line}:${r.endColumn ?? r.column}`;
      // A finding on a removed line (base text, the diff's LEFT side) says so.
      reports.push({ at: r.side === "LEFT" ? `${at} LEFT` : at, message: r.message });
    },
  });
  return reports;
}

export function runProjectTable(
  check: ProjectCheck,
  table: { valid: ProjectRow[]; invalid: InvalidProjectRow[] },
): void {
  describe(check.id, () => {
    it("has at least five valid and five invalid rows with distinct names", () => {
      expect(table.valid.length).toBeGreaterThanOrEqual(5);
      expect(table.invalid.length).toBeGreaterThanOrEqual(5);
      const names = [...table.valid, ...table.invalid].map((r) => r.name);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    });

    it.each(table.valid.map((row) => [row.name, row] as const))("valid: %s", (_name, row) => {
      expect(runProjectCheck(check, row)).toEqual([]);
    });

    it.each(table.invalid.map((row) => [row.name, row] as const))("invalid: %s", (_name, row) => {
      const reports = runProjectCheck(check, row);
      expect(reports.map((r) => r.at)).toEqual(Array.isArray(row.at) ? row.at : [row.at]);
      if (row.message !== undefined) for (const r of reports) expect(r.message).toMatch(row.message);
    });
  });
}

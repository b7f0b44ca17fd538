// The settings that decide what is checked come from the pull request's base commit: its
// author controls everything at head, including `[tool.ruff] extend-exclude = ["*"]`.
// Project facts under review (dependencies, lock files, requires-python) stay at head.
import { BOTH_CONFIGS_ERROR, pyprojectConfig } from "../cli/config-loader.js";
import type { ConfigError } from "../engine/config/resolve.js";
import { parseIni } from "../engine/outside/ini.js";
import { parseTomlFile } from "../engine/project.js";
import type { ChangedFile } from "../planner/types.js";

/** Root files holding Ruff, flake8 or `[tool.peptalk]` settings (what readOutsideSettings reads). */
export const SETTINGS_FILES = ["pyproject.toml", "ruff.toml", ".ruff.toml", "setup.cfg", "tox.ini", ".flake8"];

export function isSettingsFile(path: string): boolean {
  return SETTINGS_FILES.includes(path);
}

/**
 * Settings files that exist at the base commit, as far as the head tree and the diff tell:
 * present at head and not new in this change, or removed / renamed away by it. With no
 * tree (too large to list), every candidate is asked for.
 */
export function settingsPathsAtBase(
  changedFiles: readonly ChangedFile[],
  headPaths: readonly string[] | null,
): string[] {
  const change = new Map(changedFiles.map((f) => [f.path, f]));
  const renamedAway = new Set(changedFiles.flatMap((f) => (f.previousPath ? [f.previousPath] : [])));
  const atHead = headPaths ? new Set(headPaths) : null;
  return SETTINGS_FILES.filter((name) => {
    if (renamedAway.has(name)) return true;
    const status = change.get(name)?.status;
    if (status === "removed") return true;
    if (status === "added" || status === "renamed" || status === "copied") return false;
    return atHead === null || atHead.has(name);
  });
}

/** The part of a settings file that decides what peptalk checks, comparable as JSON. */
function decidingPart(name: string, text: string): unknown {
  if (name.endsWith(".ini") || name === "setup.cfg" || name === ".flake8") {
    const flake8 = parseIni(text).get("flake8");
    return flake8 ? Object.fromEntries(flake8) : undefined;
  }
  const data = parseTomlFile(name, text).data;
  // An unreadable file is compared as text: any edit to it may change what Ruff would read.
  if (!data) return text;
  if (name !== "pyproject.toml") return data;
  const tool = data["tool"] as Record<string, unknown> | undefined;
  const ruff = tool?.["ruff"];
  const peptalk = tool?.["peptalk"];
  return ruff === undefined && peptalk === undefined ? undefined : { ruff, peptalk };
}

/** Settings files whose deciding part differs between base and head. */
export function changedSettings(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
): string[] {
  return SETTINGS_FILES.filter((name) => {
    const before = base[name] === undefined ? undefined : decidingPart(name, base[name]);
    const after = head[name] === undefined ? undefined : decidingPart(name, head[name]);
    return JSON.stringify(before) !== JSON.stringify(after);
  });
}

export function settingsChangeNote(names: readonly string[]): string {
  const list = names.map((n) => `\`${n}\``).join(", ");
  return `This pull request changes linter or peptalk settings in ${list}: these settings change with this PR and take effect after merge. This review applies the settings of the base commit.`;
}

/**
 * The raw peptalk config: `.github/peptalk.yml` from the default branch when the repository
 * has one (`yaml`; null when none was found), else `[tool.peptalk]` of pyproject.toml at base,
 * else the owner's default from its `.github` repository (`ownerDefault`), which a
 * repository's own config replaces, as Probot does.
 */
export function configFromBase(
  yaml: unknown,
  basePyproject: string | undefined,
  ownerDefault = false,
): { raw: unknown; errors: ConfigError[]; source: "yaml" | "pyproject" | null } {
  const fromPyproject = pyprojectConfig(basePyproject);
  if (fromPyproject !== undefined && (yaml === null || yaml === undefined || ownerDefault))
    return { raw: fromPyproject, errors: [], source: "pyproject" };
  if (yaml !== null && yaml !== undefined)
    return {
      raw: yaml,
      errors: fromPyproject === undefined ? [] : [{ path: "", message: BOTH_CONFIGS_ERROR }],
      source: "yaml",
    };
  return { raw: {}, errors: [], source: null };
}

import { execFileSync } from "node:child_process";
// Where the CLI finds its configuration: `--config FILE`, else `.github/peptalk.yml`
// at the repository root (found from the working directory upwards).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { allChecks } from "../../checks/index.js";
import { resolveConfig, type ConfigError, type ResolvedConfig } from "../engine/config/resolve.js";
import { parseTomlFile } from "../engine/project.js";
import { declaredRequiresPython } from "../engine/requires-python.js";
import { installedMetadata } from "./installed-metadata.js";

export const CONFIG_PATHS = [".github/peptalk.yml", ".github/peptalk.yaml"];

/** The repository root: the nearest directory upwards with `.git`, else `start`. */
export function findRepoRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    // A tree the enclosing repository ignores (a virtualenv, a Python install under a
    // git-managed tool directory) is a project of its own.
    if (existsSync(join(dir, ".git"))) return isGitIgnored(dir, resolve(start)) ? resolve(start) : dir;
    if (dirname(dir) === dir) return resolve(start);
  }
}

function isGitIgnored(repo: string, path: string): boolean {
  if (repo === path) return false;
  try {
    execFileSync("git", ["check-ignore", "-q", path], { cwd: repo, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface LoadedConfig {
  config: ResolvedConfig;
  errors: ConfigError[];
  /** The file the config came from, or null for defaults. */
  source: string | null;
}

/** Parse YAML text into data plus errors that point at line and column. */
export function parseYamlConfig(text: string, fileLabel: string): { data: unknown; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      data: null,
      errors: doc.errors.map((e) => ({
        path: "",
        message: `${fileLabel}${e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : ""}: invalid YAML: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  try {
    // The yaml library refuses alias fan-out ("billion laughs") here rather than expanding it.
    return { data: doc.toJS({ maxAliasCount: 100 }) as unknown, errors: [] };
  } catch (err) {
    return { data: null, errors: [{ path: "", message: `${fileLabel}: invalid YAML: ${(err as Error).message}` }] };
  }
}

/** `[tool.peptalk]` of pyproject text: the same schema as `.github/peptalk.yml`. */
export function pyprojectConfig(pyprojectText: string | undefined): unknown {
  if (pyprojectText === undefined) return undefined;
  const tool = parseTomlFile("pyproject.toml", pyprojectText).data?.["tool"];
  if (!tool || typeof tool !== "object") return undefined;
  return (tool as Record<string, unknown>)["peptalk"];
}

export const BOTH_CONFIGS_ERROR =
  "peptalk is configured twice: in .github/peptalk.yml and in [tool.peptalk] of pyproject.toml. Keep one of them.";

export function loadConfig(root: string, explicitPath?: string, pythonOverride?: string): LoadedConfig {
  const pyprojectPath = join(root, "pyproject.toml");
  const pyproject = existsSync(pyprojectPath) ? readFileSync(pyprojectPath, "utf8") : undefined;
  let source: string | null = null;
  let raw: unknown = {};
  const errors: ConfigError[] = [];
  const yamlPath = explicitPath
    ? resolve(explicitPath)
    : CONFIG_PATHS.map((p) => join(root, p)).find((p) => existsSync(p));
  const fromPyproject = explicitPath ? undefined : pyprojectConfig(pyproject);
  if (yamlPath && fromPyproject !== undefined) {
    errors.push({ path: "", message: BOTH_CONFIGS_ERROR });
  } else if (yamlPath) {
    if (!existsSync(yamlPath) || !statSync(yamlPath).isFile()) {
      errors.push({ path: "", message: `config file not found: ${explicitPath}` });
    } else {
      source = yamlPath;
      const parsed = parseYamlConfig(readFileSync(yamlPath, "utf8"), yamlPath);
      errors.push(...parsed.errors);
      raw = parsed.data;
    }
  } else if (fromPyproject !== undefined) {
    source = `${pyprojectPath} [tool.peptalk]`;
    raw = fromPyproject;
  }
  if (pythonOverride !== undefined && raw && typeof raw === "object" && !Array.isArray(raw)) {
    raw = { ...(raw as Record<string, unknown>), python: pythonOverride };
  } else if (pythonOverride !== undefined) {
    raw = { python: pythonOverride };
  }
  const readRoot = (name: string): string | undefined =>
    existsSync(join(root, name)) && statSync(join(root, name)).isFile()
      ? readFileSync(join(root, name), "utf8")
      : undefined;
  const declared = declaredRequiresPython({
    pyproject,
    setupCfg: readRoot("setup.cfg"),
    setupPy: readRoot("setup.py"),
    metadata: installedMetadata(root),
  });
  const resolved = resolveConfig(raw, { rules: allChecks, requiresPython: declared });
  return { config: resolved.config, errors: [...errors, ...resolved.errors], source };
}

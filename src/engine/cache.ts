// What a file's cached result depends on, as a key. The store itself (a directory on disk) is
// the front door's (src/cli/cache.ts); the engine only asks it for results by path and key.
import { createHash } from "node:crypto";
import type { ResolvedConfig } from "./config/resolve.js";
import { isProjectFile, type ProjectInput } from "./project.js";
import type { CheckFailure, Finding, HouseStyleFact, Severity } from "./types.js";

/** Bump when the shape of a cached entry or of the key changes. */
export const CACHE_SCHEMA = 1;

/** One analysed file's results, before the run-wide filters (Ruff/flake8 codes) apply. */
export interface CachedFileResult {
  findings: Finding[];
  /** What the file's house style decided (shown by `peptalk check`); absent in old entries. */
  houseStyle?: HouseStyleFact[];
}

export interface ResultCache {
  /** peptalk's build (version, schema, a hash of the checks' code): the part of every key the engine cannot know. */
  readonly buildKey: string;
  get(path: string, key: string): CachedFileResult | undefined;
  put(path: string, key: string, result: CachedFileResult): void;
}

/** JSON with object keys sorted, so equal settings hash equally whatever order built them. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A path whose presence file checks may test: a project file in any directory (pytest reads a
 * `tests/pyproject.toml`, `pkg/conftest.py`), or a stub beside a module. */
function observablePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return isProjectFile(name) || /(^|\/)requirements\/[^/]*\.(txt|in)$/.test(path);
}

/**
 * The part of the key every file of a run shares. File checks read the project through
 * ProjectContext (`read`, `paths`, `hasPath`, `pyproject`, `namespacePackages`); rather than
 * track which of those facts each file consulted (the checks run on worker threads), this hashes
 * all the project facts a file check can observe: the text of every project file the front door
 * read (pyproject.toml, setup.cfg, tox.ini, conftest.py, requirements, Ruff/flake8 config, ...)
 * and which project-file paths exist anywhere. A stub's presence is per file (see fileKey).
 * The resolved config covers the peptalk config, target Python and the honoured outside settings
 * come from the project files hashed here.
 */
export function runKey(input: {
  buildKey: string;
  config: ResolvedConfig;
  select?: readonly string[];
  ignore?: readonly string[];
  checks: readonly { id: string }[];
  severities: Record<string, Severity>;
  project: ProjectInput;
}): string {
  const project = input.project;
  const files = Object.entries(project.files ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  hash.update(`peptalk-cache ${CACHE_SCHEMA}\0${input.buildKey}\0`);
  hash.update(
    stableJson({
      config: input.config,
      select: input.select ?? [],
      ignore: input.ignore ?? [],
      checks: input.checks.map((c) => c.id),
      severities: input.severities,
      namespacePackages: project.namespacePackages ?? [],
      pathsKnown: project.paths !== undefined,
      changedPaths: project.changedPaths ?? null,
    }),
  );
  for (const [path, text] of files) hash.update(`\0file\0${path}\0${sha256(text)}`);
  for (const path of [...(project.paths ?? [])].filter(observablePath).sort()) hash.update(`\0path\0${path}`);
  return hash.digest("hex");
}

/** The key of one file's result: the run's key, the file's path, content (its sha256) and stub's presence. */
export function fileKey(run: string, path: string, contentHash: string, hasStub: boolean): string {
  return sha256(`${run}\0${path}\0${hasStub ? "stub" : "-"}\0${contentHash}`);
}

/** A file's results grouped from a run's findings and failures; a file with a failure is not cached. */
export function groupByPath(
  paths: readonly string[],
  findings: readonly Finding[],
  failures: readonly CheckFailure[],
  houseStyle: readonly HouseStyleFact[] = [],
): Map<string, CachedFileResult> {
  const out = new Map<string, Required<CachedFileResult>>(paths.map((p) => [p, { findings: [], houseStyle: [] }]));
  for (const f of findings) out.get(f.path)?.findings.push(f);
  for (const h of houseStyle) out.get(h.path)?.houseStyle.push(h);
  for (const f of failures) out.delete(f.path);
  return out;
}

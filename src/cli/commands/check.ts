// `peptalk check [PATHS...]`: the engine over files on disk.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { allChecks } from "../../../checks/index.js";
import { ruleInfo } from "../../engine/check.js";
import { runEngine } from "../../engine/engine.js";
import { applyNonOverlappingFixes } from "../../engine/fix.js";
import {
  CATEGORIES,
  type EngineResult,
  type Finding,
  type Fix,
  type Severity,
  type SkippedFile,
} from "../../engine/types.js";
import { cacheDirectory, DiskResultCache } from "../cache.js";
import { findRepoRoot, loadConfig } from "../config-loader.js";
import { buildProjectInput, collectPythonFiles, commonDirectory, listRepoPaths, toPosix } from "../files.js";
import { formatGithub } from "../format/github.js";
import { formatJsonChunks } from "../format/json.js";
import { formatSarif } from "../format/sarif.js";
import { formatText } from "../format/text.js";
import { UsageError, type Io } from "../io.js";

export interface CheckOptions {
  paths: string[];
  select: string[];
  ignore: string[];
  python?: string;
  format: "text" | "json" | "sarif" | "github";
  config?: string;
  fix: boolean;
  /** Ruff's `--unsafe-fixes`: `--fix` applies unsafe fixes too, and they are shown as available. */
  unsafeFixes: boolean;
  failOn?: Severity | "never";
  /** `--no-cache`: analyse every file and leave the result cache alone. */
  noCache?: boolean;
  /** `--cache-dir DIR` (else `PEPTALK_CACHE_DIR`, else `.peptalk_cache` at the project root). */
  cacheDir?: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const MAX_FIX_PASSES = 10;

export function failsGate(findings: readonly Finding[], failOn: Severity | "never"): boolean {
  if (failOn === "never") return false;
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

/** Whether a fix is applied by this run: safe ones with `--fix`, unsafe ones also with `--unsafe-fixes`. */
export function isApplicable(fix: Fix | null, unsafeFixes: boolean): boolean {
  return !!fix && (fix.safety === "safe" || unsafeFixes);
}

export async function runCheckCommand(options: CheckOptions, io: Io): Promise<number> {
  const cwd = io.cwd;
  const targets = (options.paths.length ? options.paths : ["."]).map((p) => resolve(cwd, p));
  const { files, explicit, missing, skipped: walkSkipped } = collectPythonFiles(targets);
  if (missing.length > 0)
    throw new UsageError(`no such file or directory: ${missing.map((m) => relative(cwd, m) || m).join(", ")}`);
  // The repository of the first path decides config and globs, as Ruff finds config from the files.
  // Outside a repository, the directory that holds every path given is the project: the paths
  // below it then name each file uniquely (`dirA/__init__.py`, `dirB/__init__.py`).
  const first = targets[0]!;
  let root = findRepoRoot(existsSync(first) && statSync(first).isDirectory() ? first : dirname(first));
  const inGit = existsSync(join(root, ".git"));
  if (!inGit) root = commonDirectory(targets);
  const loaded = loadConfig(root, options.config && resolve(cwd, options.config), options.python);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr(`peptalk: config error${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
    return 2;
  }
  const known = new Set<string>([...CATEGORIES, ...allChecks.flatMap((c) => [c.id, ...c.codes])]);
  for (const name of [...options.select, ...options.ignore]) {
    if (!known.has(name) && !known.has(name.toUpperCase()))
      throw new UsageError(`unknown rule, code or category: ${name}`);
  }

  // The engine sees root-relative paths (what config globs match); a file outside the root (a
  // second repository, a directory beside it) keeps its absolute path, which cannot collide.
  // Output shows cwd-relative paths.
  const insideRoot = (abs: string): boolean => {
    const rel = relative(root, abs);
    return rel.split(sep)[0] !== ".." && !isAbsolute(rel);
  };
  const toEngine = (abs: string): string => toPosix(insideRoot(abs) ? relative(root, abs) : abs);
  const toDisplay = (abs: string): string => toPosix(relative(cwd, abs)) || ".";
  const display = new Map(files.map((abs) => [toEngine(abs), toDisplay(abs)]));
  const absolute = new Map(files.map((abs) => [toEngine(abs), abs]));
  // Files git ignores (or a tree outside git) are still part of the project being checked.
  const walked = targets.filter((t) => existsSync(t) && statSync(t).isDirectory() && insideRoot(t));
  const repoPaths = listRepoPaths(root, inGit ? undefined : walked);
  const project = buildProjectInput(root, [...new Set([...repoPaths, ...absolute.keys()])]);

  const progress =
    io.stderrIsTTY && files.length > 200
      ? (done: number, total: number) => io.progress(`peptalk: ${done}/${total} files`)
      : undefined;
  const cache = options.noCache
    ? undefined
    : new DiskResultCache(
        resolve(cwd, cacheDirectory(root, options.cacheDir && resolve(cwd, options.cacheDir), io.env)),
      );
  // A fix pass re-reads the files it changed: their content hash is part of every key, so a
  // fixed file always misses and is analysed again.
  const run = async (): Promise<EngineResult> =>
    runEngine(
      {
        cache,
        // Read when the engine needs them, so a run never holds every file at once.
        files: [...absolute].map(([path, abs]) => ({ path, content: () => readFileSync(abs) })),
        config: loaded.config,
        project,
        select: options.select,
        ignore: options.ignore,
        onProgress: progress,
      },
      allChecks,
    );

  let result = await run();
  let fixed = 0;
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let appliedThisPass = 0;
      const byPath = new Map<string, Fix[]>();
      for (const f of result.findings)
        if (isApplicable(f.fix, options.unsafeFixes)) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.fix!]);
      for (const [path, fixes] of byPath) {
        const abs = absolute.get(path);
        if (!abs) continue;
        const source = readFileSync(abs, "utf8");
        const { text, applied } = applyNonOverlappingFixes(source, fixes);
        if (applied > 0 && text !== source) {
          writeFileSync(abs, text);
          appliedThisPass += applied;
        }
      }
      if (appliedThisPass === 0) break;
      fixed += appliedThisPass;
      result = await run();
    }
  }
  if (progress) io.progress("");
  cache?.prune();

  // Every file given is checked or said to be skipped: a second path to a file already checked,
  // a broken symlink, or a file named on the command line that the configuration excludes.
  const analysed = new Set(result.analysed);
  const engineSkipped = new Set(result.skipped.map((s) => s.path));
  const notChecked: SkippedFile[] = [
    ...walkSkipped.map((s) => ({
      path: toDisplay(s.path),
      reason: s.sameAs ? `${s.reason} ${toDisplay(s.sameAs)}` : s.reason,
    })),
    ...[...explicit]
      .map(toEngine)
      .filter((path) => !analysed.has(path) && !engineSkipped.has(path))
      .map((path) => ({
        path: display.get(path) ?? path,
        reason: "excluded by the configuration (include/exclude, or Ruff's exclude)",
      })),
  ];
  const shown: EngineResult = {
    ...result,
    findings: result.findings.map((f) => ({ ...f, path: display.get(f.path) ?? f.path })),
    skipped: [...result.skipped.map((s) => ({ ...s, path: display.get(s.path) ?? s.path })), ...notChecked],
    failures: result.failures.map((s) => ({ ...s, path: display.get(s.path) ?? s.path })),
    houseStyle: result.houseStyle.map((h) => ({ ...h, path: display.get(h.path) ?? h.path })),
  };
  switch (options.format) {
    case "json":
      // Written as it is made: one string of every finding would be the run's largest object.
      for (const chunk of formatJsonChunks(shown.findings)) io.stdout(chunk);
      break;
    case "sarif":
      io.stdout(formatSarif(shown.findings, allChecks.map(ruleInfo)));
      break;
    case "github":
      if (shown.findings.length) io.stdout(formatGithub(shown.findings));
      break;
    default:
      io.stdout(formatText(shown, { color: io.stdoutIsTTY, fixedCount: fixed, unsafeFixes: options.unsafeFixes }));
  }
  if (options.format !== "text") {
    for (const s of shown.skipped) io.stderr(`peptalk: skipped ${s.path}: ${s.reason}`);
    for (const f of shown.failures) io.stderr(`peptalk: check ${f.rule} failed on ${f.path}: ${f.message}`);
  }
  return failsGate(result.findings, options.failOn ?? loaded.config.check.fail_on) ? 1 : 0;
}

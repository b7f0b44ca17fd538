// The engine's front: which checks run on which files, in-process or on worker threads,
// then the project-level checks. Pure: no GitHub, no file system (bar loading the worker).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import type { Check, FileCheck, ProjectCheck, ProjectReportSpec } from "./check.js";
import type { ResolvedConfig } from "./config/resolve.js";
import { assignFingerprints } from "./fingerprint.js";
import { decodeSource, isIncluded, matchesAny, type SourceFile } from "./files.js";
import { createProjectContext, type ProjectContext, type ProjectInput } from "./project.js";
import { analyzeFile, compareFindings } from "./runner.js";
import { LineIndex } from "./text.js";
import type { CheckFailure, EngineResult, Finding, Severity } from "./types.js";
import { compareVersions, parsePythonVersion } from "./version.js";
import { readOutsideSettings } from "./outside/settings.js";
import { releaseTreesPeriodically } from "./memory.js";
import { fileKey, groupByPath, runKey, type ResultCache } from "./cache.js";

export interface EngineInput {
  files: readonly SourceFile[];
  config: ResolvedConfig;
  project?: ProjectInput;
  /** Restrict to these rule ids, codes or categories (CLI `--select`). */
  select?: readonly string[];
  /** Never run these rule ids, codes or categories (CLI `--ignore`). */
  ignore?: readonly string[];
  /** "auto" (default): threads when there are many files. */
  threads?: "auto" | number;
  onProgress?: (done: number, total: number) => void;
  /** Per-file results of earlier runs (`peptalk check`): only files that miss are analysed. */
  cache?: ResultCache;
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 48;
const BATCH = 16;
/** Measured on the stdlib bench: peak RSS ~460–650 MB with V8's default nursery, ~425–470 MB with this. */
const WORKER_NURSERY_MB = 4;

function matchesRule(check: Check, names: readonly string[]): boolean {
  return names.some((n) => n === check.id || n === check.category || check.codes.includes(n.toUpperCase()));
}

/** The checks that run under this config and these selections. */
export function enabledChecks(
  all: readonly Check[],
  input: Pick<EngineInput, "config" | "select" | "ignore">,
): Check[] {
  return all.filter((check) => {
    const severity = input.config.severities[check.id] ?? check.severity;
    const selected = input.select && input.select.length > 0 ? matchesRule(check, input.select) : severity !== "off";
    if (!selected) return false;
    if (input.ignore && matchesRule(check, input.ignore)) return false;
    if (check.minPython) {
      const min = parsePythonVersion(check.minPython);
      if (min && compareVersions(input.config.python, min) < 0) return false;
    }
    return true;
  });
}

/** Checks selected explicitly but off by default report at their category's natural level. */
function effectiveSeverities(checks: readonly Check[], config: ResolvedConfig): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const c of checks) {
    const s = config.severities[c.id] ?? c.severity;
    out[c.id] = s === "off" ? "info" : s;
  }
  return out;
}

/** A file to analyse. It keeps the front door's bytes, not a decoded copy: decoding happens
 * where the file is analysed, so a big run does not hold every file twice in memory. */
export interface FileJob {
  path: string;
  content: string | Uint8Array;
  isTestFile: boolean;
}

export function jobText(job: FileJob): string {
  return typeof job.content === "string"
    ? job.content.replace(/^\uFEFF/, "")
    : new TextDecoder("utf-8").decode(job.content);
}

export async function runEngine(input: EngineInput, registry: readonly Check[]): Promise<EngineResult> {
  const { config } = input;
  const checks = enabledChecks(registry, input);
  const fileChecks = checks.filter((c): c is FileCheck => c.kind === "file");
  const projectChecks = checks.filter((c): c is ProjectCheck => c.kind === "project");
  const severities = effectiveSeverities(checks, config);

  const outside = config.respectRuffConfig ? readOutsideSettings(input.project?.files ?? {}) : readOutsideSettings({});
  const skipped: EngineResult["skipped"] = [];
  let jobs: FileJob[] = [];
  const contents = new Map<string, string | Uint8Array>();
  for (const file of input.files) {
    if (!isIncluded(file.path, config.include, config.exclude)) continue;
    if (outside.isExcluded(file.path)) continue;
    const decoded = decodeSource(file.content, config.maxFileSize);
    if (!decoded.ok) {
      skipped.push({ path: file.path, reason: decoded.reason });
      continue;
    }
    contents.set(file.path, file.content);
    jobs.push({ path: file.path, content: file.content, isTestFile: matchesAny(file.path, config.tests) });
  }
  jobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Config the project checks need travels with the project (to the workers too).
  const projectInput: ProjectInput = {
    ...input.project,
    namespacePackages: [...config.namespacePackages, ...outside.namespacePackages],
  };
  const project = createProjectContext(projectInput, contents);
  const findings: Finding[] = [];
  const failures: CheckFailure[] = [];
  const analysed = jobs.map((j) => j.path);
  const { jobs: misses, keys } = takeCached(input.cache, jobs, findings, {
    buildKey: input.cache?.buildKey ?? "",
    config,
    select: input.select,
    ignore: input.ignore,
    checks: fileChecks,
    severities,
    project: projectInput,
  });
  jobs = misses;
  // Results are stored as each batch arrives, so writing overlaps the run instead of following it.
  const store = (paths: readonly string[], result: { findings: Finding[]; failures: CheckFailure[] }): void => {
    if (!input.cache) return;
    for (const [path, entry] of groupByPath(paths, result.findings, result.failures))
      input.cache.put(path, keys.get(path)!, entry);
  };
  const threadCount = chooseThreads(input.threads ?? "auto", jobs.length);
  const options = { python: config.python, severities, reportUnusedSuppressions: config.reportUnusedSuppressions };
  if (threadCount > 1 && workerUrl()) {
    const results = await runOnWorkers(
      jobs,
      fileChecks.map((c) => c.id),
      { ...options, project: projectInput },
      threadCount,
      input.onProgress,
      store,
    );
    for (const r of results) {
      append(findings, r.findings);
      append(failures, r.failures);
    }
  } else {
    let done = 0;
    for (const job of jobs) {
      const checksForFile = fileChecks.filter((c) => appliesTo(c, job.isTestFile));
      const result = analyzeFile(job.path, jobText(job), checksForFile, {
        ...options,
        isTestFile: job.isTestFile,
        project,
      });
      append(findings, result.findings);
      append(failures, result.failures);
      store([job.path], result);
      done++;
      input.onProgress?.(done, jobs.length);
      // node-tree-sitter frees trees only after a collection and a turn of the event loop.
      releaseTreesPeriodically();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const projectResult = runProjectChecks(projectChecks, project, config, severities);
  findings.push(...projectResult.findings);
  failures.push(...projectResult.failures);
  // A finding whose every code the repository's Ruff/flake8 config turns off for its file is dropped.
  const kept = findings.filter(
    (f) => f.codes.length === 0 || f.codes.some((code) => outside.isCodeEnabled(code, f.path)),
  );
  kept.sort(compareFindings);
  return { findings: kept, skipped, failures, analysed, honoured: outside.honoured };
}

/** Moves cached results into `findings`; returns the jobs that missed and every job's key. */
function takeCached(
  cache: ResultCache | undefined,
  jobs: FileJob[],
  findings: Finding[],
  run: Parameters<typeof runKey>[0],
): { jobs: FileJob[]; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  if (!cache) return { jobs, keys };
  const shared = runKey(run);
  const paths = run.project.paths ? new Set(run.project.paths) : null;
  const misses: FileJob[] = [];
  for (const job of jobs) {
    const hasStub = job.path.endsWith(".py") && !!paths?.has(`${job.path}i`);
    const key = fileKey(shared, job.path, job.content, hasStub);
    keys.set(job.path, key);
    const hit = cache.get(job.path, key);
    if (hit) append(findings, hit.findings);
    else misses.push(job);
  }
  return { jobs: misses, keys };
}

/** `push(...items)` passes every item on the stack: a generated file with 200,000 findings overflows it. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

export function appliesTo(check: Check, isTestFile: boolean): boolean {
  if (check.appliesTo === "tests") return isTestFile;
  if (check.appliesTo === "non-tests") return !isTestFile;
  return true;
}

function chooseThreads(threads: "auto" | number, files: number): number {
  if (typeof threads === "number") return Math.max(1, threads);
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.min(availableParallelism(), Math.ceil(files / BATCH));
}

/** The compiled worker; absent when running from TypeScript sources (tests), then in-process. */
function workerUrl(): URL | null {
  const url = new URL("./worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".js")) return null;
  return existsSync(fileURLToPath(url)) ? url : null;
}

export interface WorkerInit {
  checkIds: string[];
  python: ResolvedConfig["python"];
  severities: Record<string, Severity>;
  reportUnusedSuppressions: boolean;
  project: ProjectInput;
}

export interface WorkerResult {
  findings: Finding[];
  failures: CheckFailure[];
}

async function runOnWorkers(
  jobs: FileJob[],
  checkIds: string[],
  init: Omit<WorkerInit, "checkIds">,
  count: number,
  onProgress?: (done: number, total: number) => void,
  onBatch?: (paths: readonly string[], result: WorkerResult) => void,
): Promise<WorkerResult[]> {
  const url = workerUrl()!;
  const results: WorkerResult[] = new Array(Math.ceil(jobs.length / BATCH));
  let next = 0;
  let done = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(url, {
        workerData: { ...init, checkIds } satisfies WorkerInit,
        // A small nursery: a worker's garbage is almost all per-file nodes that die young, and
        // tree-sitter frees a tree's native memory only once its wrapper is collected.
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_NURSERY_MB },
      });
      let current = -1;
      const feed = (): void => {
        if (next * BATCH >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(jobs.slice(current * BATCH, (current + 1) * BATCH));
      };
      worker.on("message", (result: WorkerResult) => {
        results[current] = result;
        onBatch?.(
          jobs.slice(current * BATCH, (current + 1) * BATCH).map((j) => j.path),
          result,
        );
        done = Math.min(jobs.length, done + BATCH);
        onProgress?.(done, jobs.length);
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (code !== 0 && next * BATCH < jobs.length) reject(new Error(`worker exited with code ${code}`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  return results;
}

function runProjectChecks(
  checks: readonly ProjectCheck[],
  project: ProjectContext,
  config: ResolvedConfig,
  severities: Record<string, Severity>,
): { findings: Finding[]; failures: CheckFailure[] } {
  const byPath = new Map<string, Omit<Finding, "fingerprint">[]>();
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    const reports: ProjectReportSpec[] = [];
    try {
      check.run({ project, python: config.python, report: (spec) => reports.push(spec) });
    } catch (err) {
      failures.push({ rule: check.id, path: "", message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    for (const r of reports) {
      const line = r.line ?? 1;
      const finding: Omit<Finding, "fingerprint"> = {
        path: r.path,
        rule: check.id,
        codes: check.codes,
        category: check.category,
        severity: severities[check.id] ?? "warning",
        message: r.message,
        line,
        column: r.column ?? 1,
        endLine: r.endLine ?? line,
        endColumn: r.endColumn ?? r.column ?? 1,
        fix: null,
      };
      const list = byPath.get(r.path) ?? [];
      list.push(finding);
      byPath.set(r.path, list);
    }
  }
  const findings: Finding[] = [];
  for (const [path, list] of byPath) {
    list.sort(compareFindings);
    const text = project.read(path);
    findings.push(...assignFingerprints(list, text === undefined ? [] : new LineIndex(text).lines()));
  }
  return { findings, failures };
}

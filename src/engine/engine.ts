// The engine's front: which checks run on which files, in-process or on worker threads,
// then the project-level checks. Pure: no GitHub, no file system (bar loading the worker).
// Every file has a time budget; on worker threads a file that overruns it hard, or kills its
// worker, costs that worker (it is replaced) and is reported skipped.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import type { Check, FileCheck, ProjectCheck, ProjectReportSpec } from "./check.js";
import type { ResolvedConfig } from "./config/resolve.js";
import { assignFingerprints } from "./fingerprint.js";
import { contentOf, decodeSource, isIncluded, matchesAny, type FileContent, type SourceFile } from "./files.js";
import { createProjectContext, type ProjectContext, type ProjectInput } from "./project.js";
import {
  analyzeFile,
  compareFindings,
  DEFAULT_FILE_BUDGET_MS,
  type AnalyzeOptions,
  type FileAnalysis,
} from "./runner.js";
import { LineIndex } from "./text.js";
import { sharedPool } from "./worker-pool.js";
import type { CheckFailure, EngineResult, Finding, Severity } from "./types.js";
import { compareVersions, parsePythonVersion } from "./version.js";
import { readOutsideSettings } from "./outside/settings.js";
import { askedTasteRules, MIN_CONSTRUCTS, strictTypingReason, type HouseStyleOptions } from "./house-style.js";
import { releaseTreesPeriodically } from "./memory.js";
import { GENERATED_REASON, isGeneratedSource } from "./generated.js";
import { versionAllowsRule } from "./version-advice.js";
import { fileKey, groupByPath, runKey, sha256, type ResultCache } from "./cache.js";

export interface EngineInput {
  files: readonly SourceFile[];
  config: ResolvedConfig;
  project?: ProjectInput;
  /** Restrict to these rule ids, codes or categories (CLI `--select`). */
  select?: readonly string[];
  /** Never run these rule ids, codes or categories (CLI `--ignore`). */
  ignore?: readonly string[];
  /**
   * Lines each file's diff adds or changes (1-based), when a front door reviews a diff. Taste
   * rules then judge the house style by the unchanged code only; a file absent here is judged whole.
   */
  changedLines?: Readonly<Record<string, readonly number[]>>;
  /** "auto" (default): threads when there are many files. */
  threads?: "auto" | number;
  /**
   * "always": analyse files on worker threads even when there is one file, so that no file can
   * block the caller's event loop (the App). "auto" (default): only when there are many files.
   * Either way, runs from TypeScript sources without a compiled worker stay in-process.
   */
  workers?: "auto" | "always";
  /** Time budget per file (parse, checks, fixes); default 10 s. */
  fileBudgetMs?: number;
  /**
   * How long a worker may spend on one file before it is terminated and replaced (the budget
   * is enforced inside the worker first; this catches a step that cannot be interrupted).
   * Default: twice the budget plus 5 s; never less than the budget plus HARD_LIMIT_MARGIN_MS.
   */
  hardLimitMs?: number;
  /** The compiled worker script; by default `worker.js` next to this module. */
  workerScript?: URL;
  onProgress?: (done: number, total: number) => void;
  /** Per-file results of earlier runs (`peptalk check`): only files that miss are analysed. */
  cache?: ResultCache;
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 48;
const BATCH = 16;
/**
 * Terminating a worker inside a tree-sitter parse aborts the whole process (the parser reads
 * its input through a JS callback, which throws once the worker is terminating). Parses stop at
 * the file's deadline by themselves, so the hard limit always leaves this much beyond it.
 */
const HARD_LIMIT_MARGIN_MS = 5000;

function matchesRule(check: Check, names: readonly string[]): boolean {
  return names.some((n) => n === check.id || n === check.category || check.codes.includes(n.toUpperCase()));
}

/** The checks that run under this config and these selections. */
export function enabledChecks(
  all: readonly Check[],
  input: Pick<EngineInput, "config" | "select" | "ignore"> & {
    /** The repository's Ruff/flake8 selection: a rule that ships off runs where the team selects its code. */
    teamSelects?: (code: string) => boolean;
  },
): Check[] {
  return all.filter((check) => {
    const severity = input.config.severities[check.id] ?? check.severity;
    const teamSelected =
      check.severity === "off" && severity === "off" && !!input.teamSelects && check.codes.some(input.teamSelects);
    const selected =
      input.select && input.select.length > 0 ? matchesRule(check, input.select) : severity !== "off" || teamSelected;
    if (!selected) return false;
    if (input.ignore && matchesRule(check, input.ignore)) return false;
    if (check.minPython) {
      const min = parsePythonVersion(check.minPython);
      if (min && compareVersions(input.config.python, min) < 0) return false;
    }
    return versionAllowsRule(check.id, input.config.python, input.config.pythonSource !== "default");
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
  content: FileContent;
  isTestFile: boolean;
  houseStyle?: HouseStyleOptions;
}

/** A job before it is sent: its content may still be a reader, called when a thread takes the file. */
export interface QueuedJob extends Omit<FileJob, "content"> {
  content: SourceFile["content"];
  /** The content's hash, taken while the file was read for filtering (cache keys). */
  contentHash?: string;
}

/** The job as a thread receives it, its content read. */
export function readJob(job: QueuedJob): FileJob {
  return { path: job.path, content: contentOf(job), isTestFile: job.isTestFile, houseStyle: job.houseStyle };
}

export function jobText(job: FileJob): string {
  return typeof job.content === "string"
    ? job.content.replace(/^\uFEFF/, "")
    : new TextDecoder("utf-8").decode(job.content);
}

export async function runEngine(input: EngineInput, registry: readonly Check[]): Promise<EngineResult> {
  const { config } = input;
  // Front doors reviewing a change pass the base commit's settings files: what is checked is
  // decided by the target branch, not by the change under review.
  const settingsTexts = input.project?.settingsFiles ?? input.project?.files ?? {};
  const outside = config.respectRuffConfig ? readOutsideSettings(settingsTexts) : readOutsideSettings({});
  const checks = enabledChecks(registry, { ...input, teamSelects: outside.teamSelects });
  const asked = askedTasteRules(checks, {
    explicitRules: config.explicitRules,
    selected: (check) => !!input.select && input.select.length > 0 && matchesRule(check, input.select),
    teamSelects: outside.teamSelects,
  });
  const fileChecks = checks.filter((c): c is FileCheck => c.kind === "file");
  // A taste rule that looks at the project, not a file, has no house style to infer: asked or silent.
  const projectChecks = checks.filter(
    (c): c is ProjectCheck => c.kind === "project" && (c.type === "bug" || asked.includes(c.id)),
  );
  const severities = effectiveSeverities(checks, config);

  const skipped: EngineResult["skipped"] = [];
  let jobs: QueuedJob[] = [];
  const contents = new Map<string, SourceFile["content"]>();
  for (const file of input.files) {
    if (!isIncluded(file.path, config.include, config.exclude)) continue;
    if (outside.isExcluded(file.path)) continue;
    // A reader's bytes are dropped after this loop and read again when the file is analysed.
    let content: FileContent;
    try {
      content = contentOf(file);
    } catch (err) {
      skipped.push({ path: file.path, reason: `${UNREADABLE} ${(err as Error).message}` });
      continue;
    }
    const decoded = decodeSource(content, config.maxFileSize);
    if (!decoded.ok) {
      skipped.push({ path: file.path, reason: decoded.reason });
      continue;
    }
    if (isGeneratedSource(decoded.text)) {
      skipped.push({ path: file.path, reason: GENERATED_REASON });
      continue;
    }
    contents.set(file.path, file.content);
    jobs.push({
      path: file.path,
      content: file.content,
      isTestFile: matchesAny(file.path, config.tests),
      ...(input.cache ? { contentHash: sha256(content) } : {}),
    });
  }
  jobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Config the project checks need travels with the project (to the workers too).
  const projectInput: ProjectInput = {
    ...input.project,
    namespacePackages: [...config.namespacePackages, ...outside.namespacePackages],
  };
  const project = createProjectContext(projectInput, contents);
  const honoured = [...outside.honoured];
  const typingRules = fileChecks.filter((c) => c.houseStyle?.askedByStrictTyping).map((c) => c.id);
  for (const job of jobs) {
    const typed = typingRules.length > 0 ? strictTypingReason(project, job.path) : null;
    // Rules the team asked for anyway need no promise.
    const promisedRules = typed ? typingRules.filter((id) => !asked.includes(id)) : [];
    if (typed && promisedRules.length > 0) {
      const note = `${typed}: ${promisedRules.join(", ")} report where a file's own code has fewer than ${MIN_CONSTRUCTS} functions to judge by, all following it`;
      if (!honoured.includes(note)) honoured.push(note);
    }
    job.houseStyle = {
      asked,
      changedLines: input.changedLines?.[job.path] ? [...input.changedLines[job.path]!] : null,
      promised: typed && promisedRules.length > 0 ? { rules: promisedRules, reason: typed } : null,
    };
  }
  const houseStyle: EngineResult["houseStyle"] = [];
  const findings: Finding[] = [];
  const failures: CheckFailure[] = [];
  const analysed: string[] = [];
  const { jobs: misses, keys } = takeCached(input.cache, jobs, findings, houseStyle, {
    buildKey: input.cache?.buildKey ?? "",
    config,
    select: input.select,
    ignore: input.ignore,
    checks: fileChecks,
    severities,
    project: projectInput,
  });
  // A file served from the cache was analysed (by an earlier run with the same key).
  const missed = new Set(misses);
  for (const job of jobs) if (!missed.has(job)) analysed.push(job.path);
  jobs = misses;
  const store = (
    paths: readonly string[],
    result: { findings: Finding[]; failures: CheckFailure[]; houseStyle: EngineResult["houseStyle"] },
  ): void => {
    if (!input.cache) return;
    for (const [path, entry] of groupByPath(paths, result.findings, result.failures, result.houseStyle))
      input.cache.put(path, keys.get(path)!, entry);
  };
  const budgetMs = input.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
  const always = input.workers === "always";
  const threadCount = Math.min(chooseThreads(input.threads ?? "auto", jobs.length), Math.max(1, jobs.length));
  const options = {
    python: config.python,
    severities,
    reportUnusedSuppressions: config.reportUnusedSuppressions,
    budgetMs,
  };
  const script = input.workerScript ?? workerUrl();
  if (script && jobs.length > 0 && (threadCount > 1 || always)) {
    const results = await sharedPool(script).run(jobs, {
      // The api indexes serve project checks only: they do not travel to the workers.
      init: { ...options, checkIds: fileChecks.map((c) => c.id), project: { ...projectInput, api: undefined } },
      lanes: threadCount,
      hardLimitMs: Math.max(input.hardLimitMs ?? budgetMs * 2 + 5000, budgetMs + HARD_LIMIT_MARGIN_MS),
      onProgress: input.onProgress,
    });
    results.forEach((r, i) => {
      const path = jobs[i]!.path;
      if (r.type === "result" && !r.skipped) {
        analysed.push(path);
        append(findings, r.findings);
        append(failures, r.failures);
        append(houseStyle, r.houseStyle);
        store([path], r);
      } else skipped.push({ path, reason: r.type === "result" ? r.skipped! : r.reason });
    });
  } else {
    let done = 0;
    for (const job of jobs) {
      const result = analyzeJob(job, fileChecks, { ...options, project });
      if (result.skipped) skipped.push({ path: job.path, reason: result.skipped });
      else {
        analysed.push(job.path);
        append(findings, result.findings);
        append(failures, result.failures);
        append(houseStyle, result.houseStyle);
        store([job.path], result);
      }
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
  return { findings: kept, skipped, failures, analysed, honoured, houseStyle };
}

/** One file in this thread: read, then analysed; a file that can no longer be read is skipped. */
function analyzeJob(
  job: QueuedJob,
  fileChecks: readonly FileCheck[],
  options: Omit<AnalyzeOptions, "isTestFile" | "houseStyle">,
): FileAnalysis {
  let text: string;
  try {
    text = jobText(readJob(job));
  } catch (err) {
    return { ...NOTHING, skipped: `${UNREADABLE} ${(err as Error).message}` };
  }
  const checks = fileChecks.filter((c) => appliesTo(c, job.isTestFile));
  return analyzeFile(job.path, text, checks, { ...options, isTestFile: job.isTestFile, houseStyle: job.houseStyle });
}

/** Why a file read once (to filter and hash it) is not analysed after all. */
export const UNREADABLE = "not analysed: could not be read:";
const NOTHING = { findings: [], failures: [], suppressions: [], houseStyle: [] };

/** Moves cached results into `findings`; returns the jobs that missed and every job's key. */
function takeCached(
  cache: ResultCache | undefined,
  jobs: QueuedJob[],
  findings: Finding[],
  houseStyle: EngineResult["houseStyle"],
  run: Parameters<typeof runKey>[0],
): { jobs: QueuedJob[]; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  if (!cache) return { jobs, keys };
  const shared = runKey(run);
  const paths = run.project.paths ? new Set(run.project.paths) : null;
  const misses: QueuedJob[] = [];
  for (const job of jobs) {
    const hasStub = job.path.endsWith(".py") && !!paths?.has(`${job.path}i`);
    const key = fileKey(shared, job.path, job.contentHash ?? sha256(contentOf(job)), hasStub);
    keys.set(job.path, key);
    const hit = cache.get(job.path, key);
    if (hit) {
      append(findings, hit.findings);
      append(houseStyle, hit.houseStyle ?? []);
    } else misses.push(job);
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
  budgetMs: number;
  project: ProjectInput;
}

/** What a worker says: it is ready, or the outcome of the file it was given. */
export type WorkerMessage =
  | { type: "ready" }
  | {
      type: "result";
      findings: Finding[];
      failures: CheckFailure[];
      houseStyle: EngineResult["houseStyle"];
      skipped?: string;
    };

/** Prefix of a base-side (LEFT) finding's path key, and its fingerprint scope. */
const BASE_SIDE = "\0base:";

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
        ...(r.side === "LEFT" ? { side: "LEFT" as const } : {}),
      };
      // Base-side findings are fingerprinted on the base text, apart from the head's.
      const key = `${r.side === "LEFT" ? BASE_SIDE : ""}${r.path}`;
      const list = byPath.get(key) ?? [];
      list.push(finding);
      byPath.set(key, list);
    }
  }
  const findings: Finding[] = [];
  for (const [key, list] of byPath) {
    list.sort(compareFindings);
    const onBase = key.startsWith(BASE_SIDE);
    const path = onBase ? key.slice(BASE_SIDE.length) : key;
    const text = onBase ? (project.api?.baseTexts[path] ?? project.readBase(path) ?? undefined) : project.read(path);
    const lines = text === undefined ? [] : new LineIndex(text).lines();
    // The scope keeps a removed line's fingerprint apart from a head finding on identical text.
    findings.push(...assignFingerprints(list, lines, onBase ? list.map(() => BASE_SIDE) : []));
  }
  return { findings, failures };
}

// The pipeline for one push to a pull request, from listing its files to a published
// plan. Front doors (the Probot handler, `peptalk review --pr`, the Action) supply the
// client, the pull request and the raw config; this module decides nothing itself:
// the engine finds, the planner decides, the publisher executes.
import { allChecks } from "../../checks/index.js";
import { apiChanges } from "../engine/api/compare.js";
import type { ConfigError } from "../engine/config/resolve.js";
import { resolveConfig, type ResolvedConfig } from "../engine/config/resolve.js";
import { checkSchema } from "../engine/config/schema.js";
import { enabledChecks, runEngine } from "../engine/engine.js";
import { isIncluded, type SourceFile } from "../engine/files.js";
import { addedLinesByPath } from "../engine/house-style.js";
import { isProjectFile, type ProjectInput } from "../engine/project.js";
import { declaredRequiresPythonOf } from "../engine/requires-python.js";
import { entryPointFiles } from "../engine/pyproject.js";
import { compareFindings } from "../engine/runner.js";
import type { CheckFailure, Finding, HouseStyleFact, SkippedFile } from "../engine/types.js";
import { planReview } from "../planner/plan-review.js";
import type { ChangedFile, ReviewPlan } from "../planner/types.js";
import {
  changedSettings,
  configFromBase,
  isSettingsFile,
  settingsChangeNote,
  settingsPathsAtBase,
  SETTINGS_FILES,
} from "./base-settings.js";
import { completeCheckRun } from "./check-run.js";
import { findExistingComments } from "./existing-comments.js";
import { BLOBS_PER_QUERY, fetchBlob, fetchBlobs, fetchFiles, type FetchedFile } from "./fetch-contents.js";
import { fetchTreeBlobs, tryFetchApiInput } from "./fetch-api-index.js";
import type { GitHubClient, RepoRef } from "./github.js";
import { publishPlan, type PublishResult } from "./publish-plan.js";

/** GitHub lists at most 3000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;
export const MAX_PROJECT_FILES = 200;
const PROJECT_FILE_BYTES = 1_000_000;
/** Bytes of Python handed to the engine at once (files GraphQL shows in full are at most 512 kB). */
export const ENGINE_BATCH_BYTES = 64 * 1024 * 1024;
/** Head texts kept after their batch, for suggestions on files with fixable findings. */
const KEPT_TEXT_BYTES = 64 * 1024 * 1024;
/** Set on an error thrown after the config was resolved: the `check.on_error` it chose. */
const ON_ERROR = Symbol("peptalk.onError");

export interface PullRequestRef extends RepoRef {
  number: number;
  headSha: string;
  baseSha: string;
  /** `changed_files` from the pull request, to notice GitHub's listing cap. */
  changedFiles?: number;
}

export interface ReviewRun {
  plan: ReviewPlan | null;
  publish: PublishResult | null;
  outcome: "published" | "nothing-to-review" | "superseded" | "planned";
}

function isPython(path: string): boolean {
  return path.endsWith(".py") || path.endsWith(".pyi");
}

export async function listChangedFiles(gh: GitHubClient, pr: PullRequestRef): Promise<ChangedFile[]> {
  const entries = await gh.paginate<{
    filename: string;
    status: ChangedFile["status"];
    patch?: string;
    previous_filename?: string;
  }>("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  return entries.map((e) => ({
    path: e.filename,
    status: e.status,
    ...(e.patch !== undefined ? { patch: e.patch } : {}),
    ...(e.previous_filename ? { previousPath: e.previous_filename } : {}),
  }));
}

export interface ReviewOptions {
  /** `.github/peptalk.yml` from the default branch; null when there is none (then `[tool.peptalk]` at base applies). */
  rawConfig: unknown;
  configErrors: readonly ConfigError[];
  checkRunId: number | null;
  /** Publish the plan (false: `peptalk review --pr` without `--post`). */
  publish: boolean;
  /** Notes from the front door for the summary (e.g. an `_extends` that could not be read). */
  notes?: readonly string[];
  /** `rawConfig` is the owner's default (its `.github` repository): `[tool.peptalk]` replaces it. */
  configIsOwnerDefault?: boolean;
  /** Told how many files each engine batch analysed and how long it took (for /metrics). */
  onEngine?: (files: number, seconds: number) => void;
}

/** Files the project checks may read, most important first, so the cap never drops them. */
export function prioritiseProjectPaths(paths: readonly string[], changed: ReadonlySet<string>): string[] {
  const rank = (path: string): number =>
    isSettingsFile(path) ? 0 : changed.has(path) ? 1 : 2 + path.split("/").length;
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

function text(file: FetchedFile | undefined): string | undefined {
  return file && "content" in file ? file.content.toString() : undefined;
}

export async function reviewPullRequest(
  gh: GitHubClient,
  pr: PullRequestRef,
  options: ReviewOptions,
): Promise<ReviewRun> {
  const repo = { owner: pr.owner, repo: pr.repo };
  const changedFiles = await listChangedFiles(gh, pr);
  const live = changedFiles.filter((f) => f.status !== "removed");
  const notes: string[] = [...(options.notes ?? [])];
  if ((pr.changedFiles ?? 0) > MAX_LISTED_FILES || changedFiles.length >= MAX_LISTED_FILES) {
    notes.push(
      `GitHub lists only the first ${MAX_LISTED_FILES} files of a pull request; files past that were not reviewed.`,
    );
  }

  const relevant = live.filter((f) => isPython(f.path) || isProjectFile(f.path));
  if (relevant.length === 0) {
    if (options.checkRunId !== null && options.publish) {
      await completeCheckRun(gh, repo, options.checkRunId, {
        conclusion: "success",
        title: "Nothing to review",
        summary: "This pull request changes no Python or packaging files, so peptalk has nothing to say.",
      });
    }
    return { plan: null, publish: null, outcome: "nothing-to-review" };
  }

  // The project around the change: every path at head, and the packaging/test config files.
  const headTree = await fetchTreeBlobs(gh, repo, pr.headSha);
  const treePaths = headTree?.map((b) => b.path) ?? null;
  if (treePaths === null)
    notes.push(
      "The repository's file tree is too large for one listing; project-wide checks saw only the changed files.",
    );
  const changedPaths = new Set(changedFiles.map((f) => f.path));
  const candidates = prioritiseProjectPaths(
    [...new Set([...(treePaths ?? []).filter(isProjectFile), ...live.map((f) => f.path).filter(isProjectFile)])],
    changedPaths,
  );
  const projectPaths = candidates.slice(0, MAX_PROJECT_FILES);
  if (candidates.length > projectPaths.length)
    notes.push(
      `Project-wide checks read ${MAX_PROJECT_FILES} of ${candidates.length} packaging and test configuration files (the root settings and the changed ones first).`,
    );
  // One batched read: head project files, the base commit's settings files, and the base
  // text of changed project files (checks compare them, e.g. a dependency bumped without its lock).
  const changedProject = changedFiles.filter((f) => isProjectFile(f.path) && f.status !== "added");
  const baseSettingsPaths = settingsPathsAtBase(changedFiles, treePaths);
  const read = await fetchBlobs(
    gh,
    repo,
    [
      ...projectPaths.map((path) => ({ ref: pr.headSha, path })),
      ...[...new Set([...baseSettingsPaths, ...changedProject.map((f) => f.previousPath ?? f.path)])].map((path) => ({
        ref: pr.baseSha,
        path,
      })),
    ],
    PROJECT_FILE_BYTES,
  );
  const projectTexts: Record<string, string> = {};
  for (const path of projectPaths) {
    const content = text(read.get(`${pr.headSha}:${path}`));
    if (content !== undefined) projectTexts[path] = content;
  }
  const settingsFiles: Record<string, string> = {};
  for (const path of baseSettingsPaths) {
    const content = text(read.get(`${pr.baseSha}:${path}`));
    if (content !== undefined) settingsFiles[path] = content;
  }
  const baseFiles: Record<string, string | null> = {};
  for (const f of changedFiles.filter((c) => isProjectFile(c.path))) {
    baseFiles[f.path] =
      f.status === "added" ? null : (text(read.get(`${pr.baseSha}:${f.previousPath ?? f.path}`)) ?? null);
  }
  // Entry points name modules that entry-point-not-found must read (one more batched fetch).
  const entryFiles = entryPointFiles(projectTexts["pyproject.toml"], treePaths ?? []).filter(
    (p) => !(p in projectTexts),
  );
  if (entryFiles.length > 0)
    for (const [path, file] of await fetchFiles(gh, repo, pr.headSha, entryFiles, PROJECT_FILE_BYTES))
      if ("content" in file) projectTexts[path] = file.content.toString();

  const headSettings = Object.fromEntries(
    SETTINGS_FILES.flatMap((name) => (projectTexts[name] === undefined ? [] : [[name, projectTexts[name]!]])),
  );
  const settingsChanged = changedSettings(settingsFiles, headSettings);
  if (settingsChanged.length > 0) notes.push(settingsChangeNote(settingsChanged));

  const fromBase = configFromBase(options.rawConfig, settingsFiles["pyproject.toml"], options.configIsOwnerDefault);
  const { config, errors } = resolveConfig(fromBase.raw, {
    rules: allChecks,
    requiresPython: declaredRequiresPythonOf(projectTexts),
  });
  const configErrors = [...options.configErrors, ...fromBase.errors, ...errors];

  const project: ProjectInput = {
    ...(treePaths ? { paths: treePaths } : {}),
    changedPaths: changedFiles.map((f) => f.path),
    files: projectTexts,
    baseFiles,
    settingsFiles,
  };
  const pythonPaths = live
    .map((f) => f.path)
    .filter((p) => isPython(p) && isIncluded(p, config.include, config.exclude));
  // The api checks compare the repository at base and head; they stay silent when it cannot be read.
  const api = await tryFetchApiInput(gh, repo, pr, changedFiles, config, headTree);
  if (api) project.api = api;
  try {
    return await analyseAndPublish(gh, pr, options, {
      changedFiles,
      config,
      configErrors,
      project,
      pythonPaths,
      notes,
    });
  } catch (err) {
    // The front door completes the run; it must honour `check.on_error` from `[tool.peptalk]` too.
    if (err !== null && typeof err === "object") (err as Record<symbol, unknown>)[ON_ERROR] = config.check.on_error;
    throw err;
  }
}

interface Prepared {
  changedFiles: ChangedFile[];
  config: ResolvedConfig;
  configErrors: ConfigError[];
  project: ProjectInput;
  pythonPaths: string[];
  notes: string[];
}

async function analyseAndPublish(
  gh: GitHubClient,
  pr: PullRequestRef,
  options: ReviewOptions,
  { changedFiles, config, configErrors, project, pythonPaths, notes }: Prepared,
): Promise<ReviewRun> {
  const repo = { owner: pr.owner, repo: pr.repo };
  const result = await analysePython(gh, pr, pythonPaths, config, project, changedFiles, options.onEngine);
  const existing = await findExistingComments(gh, repo, pr.number);
  const plan = planReview({
    findings: result.findings,
    changedFiles,
    existing,
    config,
    configErrors,
    skipped: result.skipped,
    failures: result.failures,
    // Project files were read whole when the tree listing was complete: project checks saw them.
    analysed: [...result.analysed, ...(project.paths ? Object.keys(project.files ?? {}) : [])],
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
    honoured: result.honoured,
    houseStyle: result.houseStyle,
    fileTexts: result.fileTexts,
    ...(project.api ? { apiChanges: apiChanges(project.api.base, project.api.head), apiIndexed: true } : {}),
    ...(notes.length ? { note: notes.join("\n\n") } : {}),
  });
  if (!options.publish) return { plan, publish: null, outcome: "planned" };

  // Deliveries arrive out of order: never post for a head that has moved on.
  const { data: current } = await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    ...repo,
    pull_number: pr.number,
  });
  if (current.head?.sha !== pr.headSha) {
    if (options.checkRunId !== null) {
      await completeCheckRun(gh, repo, options.checkRunId, {
        conclusion: "neutral",
        title: "Superseded by a newer push",
        summary: `The pull request's head moved from \`${pr.headSha.slice(0, 7)}\` to \`${String(current.head?.sha).slice(0, 7)}\` while this run was working; the newer push gets its own review.`,
      });
    }
    return { plan, publish: null, outcome: "superseded" };
  }
  const publish = await publishPlan(gh, plan, {
    ...repo,
    number: pr.number,
    headSha: pr.headSha,
    checkRunId: options.checkRunId,
  });
  return { plan, publish, outcome: "published" };
}

interface Analysis {
  findings: Finding[];
  skipped: SkippedFile[];
  failures: CheckFailure[];
  honoured: string[];
  /** Paths the engine analysed (not skipped or excluded). */
  analysed: string[];
  houseStyle: HouseStyleFact[];
  fileTexts: Map<string, string>;
}

/**
 * The engine over the PR's Python files in bounded batches: each GraphQL page of files (at most
 * 100 texts of at most 512 kB) is analysed and dropped before the next is read, and files
 * GraphQL truncates are read over REST a few megabytes at a time. Only the texts of files with
 * a fixable finding are kept, for suggestions. Project checks run once, on the project files.
 */
async function analysePython(
  gh: GitHubClient,
  pr: PullRequestRef,
  paths: readonly string[],
  config: ResolvedConfig,
  project: ProjectInput,
  changedFiles: readonly ChangedFile[],
  onEngine?: ReviewOptions["onEngine"],
): Promise<Analysis> {
  const repo = { owner: pr.owner, repo: pr.repo };
  const projectChecks = allChecks.filter((c) => c.kind === "project").map((c) => c.id);
  const changedLines = addedLinesByPath(changedFiles);
  const first = await runEngine({ files: [], config, project }, allChecks);
  const out: Analysis = {
    findings: [...first.findings],
    skipped: [...first.skipped],
    failures: [...first.failures],
    honoured: first.honoured,
    analysed: [...first.analysed],
    houseStyle: [],
    fileTexts: new Map(),
  };
  let keptBytes = 0;
  const analyse = async (files: SourceFile[]): Promise<void> => {
    if (files.length === 0) return;
    // Always on worker threads: no file, however hostile, may block webhook handling.
    const started = performance.now();
    const result = await runEngine(
      { files, config, project, ignore: projectChecks, workers: "always", changedLines },
      allChecks,
    );
    onEngine?.(result.analysed.length, (performance.now() - started) / 1000);
    out.findings.push(...result.findings);
    out.skipped.push(...result.skipped);
    out.failures.push(...result.failures);
    out.analysed.push(...result.analysed);
    out.houseStyle.push(...result.houseStyle);
    const fixable = new Set(result.findings.filter((f) => f.fix).map((f) => f.path));
    for (const file of files) {
      if (!fixable.has(file.path) || keptBytes > KEPT_TEXT_BYTES) continue;
      keptBytes += file.content.length;
      out.fileTexts.set(file.path, file.content.toString());
    }
  };
  for (let i = 0; i < paths.length; i += BLOBS_PER_QUERY) {
    const chunk = paths.slice(i, i + BLOBS_PER_QUERY);
    const fetched = await fetchFiles(gh, repo, pr.headSha, chunk, config.maxFileSize, {
      deferLarge: true,
      concurrency: 1,
    });
    const files: SourceFile[] = [];
    const large: { path: string; oid: string; byteSize: number }[] = [];
    for (const path of chunk) {
      const file = fetched.get(path);
      if (!file) continue;
      if ("skipped" in file) out.skipped.push({ path, reason: file.skipped });
      else if ("large" in file) large.push({ path, ...file.large });
      else files.push({ path, content: file.content });
    }
    fetched.clear();
    await analyse(files);
    // Truncated blobs: read over REST (each within max_file_size), analysed a batch of bytes at a time.
    let batch: SourceFile[] = [];
    let bytes = 0;
    for (const blob of large) {
      if (bytes + blob.byteSize > ENGINE_BATCH_BYTES) {
        await analyse(batch);
        batch = [];
        bytes = 0;
      }
      const file = await fetchBlob(gh, repo, blob.path, blob.oid, config.maxFileSize);
      if ("content" in file) {
        batch.push({ path: blob.path, content: file.content });
        bytes += file.content.length;
      } else if ("skipped" in file) out.skipped.push({ path: blob.path, reason: file.skipped });
    }
    await analyse(batch);
  }
  out.findings.sort(compareFindings);
  return out;
}

/**
 * `check.on_error` for an error: as the review resolved it, else from the raw config, else the
 * default (failure) when the config cannot say.
 */
export function onErrorOf(raw: unknown, err?: unknown): "failure" | "neutral" {
  const resolved = err !== null && typeof err === "object" ? (err as Record<symbol, unknown>)[ON_ERROR] : undefined;
  if (resolved === "failure" || resolved === "neutral") return resolved;
  const check = raw && typeof raw === "object" ? (raw as { check?: unknown }).check : undefined;
  const parsed = checkSchema.safeParse(check ?? {});
  return parsed.success ? parsed.data.on_error : "failure";
}

/** Title of a run peptalk could not finish: its own error, not a finding in the pull request. */
export const OWN_ERROR_TITLE = "peptalk failed (its own error, not a problem in this pull request)";

/**
 * Completes a run after an internal error. Fail closed: `failure` (so a crash can never pass
 * the gate) unless the repository chose `check.on_error: neutral`.
 */
export async function completeWithOwnError(
  gh: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  err: unknown,
  onError: "failure" | "neutral",
  /** What the queue did about it: "Not retried: ..." or "Failed 3 times: ...". */
  attempts?: string,
): Promise<void> {
  const message = (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 5).join("\n");
  const verdict =
    onError === "failure"
      ? "The check fails so that a pull request can never pass unreviewed (set `check.on_error: neutral` in `.github/peptalk.yml` to let such runs pass instead)."
      : "The check is neutral because `.github/peptalk.yml` sets `check.on_error: neutral`: this push was not reviewed.";
  await completeCheckRun(gh, repo, checkRunId, {
    conclusion: onError,
    title: OWN_ERROR_TITLE,
    summary: [
      "peptalk stopped with an internal error and reviewed nothing on this push. This is not a finding in the pull request.",
      "",
      `> ${message.replace(/\n/g, "\n> ")}`,
      "",
      ...(attempts ? [attempts, ""] : []),
      verdict,
      "",
      "**Re-run the check** (the *Re-run* button of the `peptalk` check) to try again.",
    ].join("\n"),
  });
}

// The pipeline for one push to a pull request, from listing its files to a published
// plan. Front doors (the Probot handler, `peptalk review --pr`, the Action) supply the
// client, the pull request and the raw config; this module decides nothing itself:
// the engine finds, the planner decides, the publisher executes.
import { allChecks } from "../../checks/index.js";
import type { ConfigError } from "../engine/config/resolve.js";
import { resolveConfig } from "../engine/config/resolve.js";
import { runEngine } from "../engine/engine.js";
import { isIncluded, type SourceFile } from "../engine/files.js";
import { isProjectFile, type ProjectInput } from "../engine/project.js";
import { declaredRequiresPythonOf } from "../engine/requires-python.js";
import { entryPointFiles } from "../engine/pyproject.js";
import type { SkippedFile } from "../engine/types.js";
import { planReview } from "../planner/plan-review.js";
import type { ChangedFile, ReviewPlan } from "../planner/types.js";
import { completeCheckRun } from "./check-run.js";
import { findExistingComments } from "./existing-comments.js";
import { fetchFiles, fetchTreePaths } from "./fetch-contents.js";
import type { GitHubClient, RepoRef } from "./github.js";
import { publishPlan, type PublishResult } from "./publish-plan.js";

/** GitHub lists at most 3000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;
const MAX_PROJECT_FILES = 200;

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
  rawConfig: unknown;
  configErrors: readonly ConfigError[];
  checkRunId: number | null;
  /** Publish the plan (false: `peptalk review --pr` without `--post`). */
  publish: boolean;
}

export async function reviewPullRequest(
  gh: GitHubClient,
  pr: PullRequestRef,
  options: ReviewOptions,
): Promise<ReviewRun> {
  const repo = { owner: pr.owner, repo: pr.repo };
  const changedFiles = await listChangedFiles(gh, pr);
  const live = changedFiles.filter((f) => f.status !== "removed");
  const notes: string[] = [];
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
  const treePaths = await fetchTreePaths(gh, repo, pr.headSha);
  if (treePaths === null)
    notes.push(
      "The repository's file tree is too large for one listing; project-wide checks saw only the changed files.",
    );
  const projectPaths = [
    ...new Set([...(treePaths ?? []).filter(isProjectFile), ...live.map((f) => f.path).filter(isProjectFile)]),
  ].slice(0, MAX_PROJECT_FILES);
  const headProject = await fetchFiles(gh, repo, pr.headSha, projectPaths, 1_000_000);
  const projectTexts: Record<string, string> = {};
  for (const [path, file] of headProject) if ("content" in file) projectTexts[path] = file.content.toString();
  // Entry points name modules that entry-point-not-found must read (one more batched fetch).
  const entryFiles = entryPointFiles(projectTexts["pyproject.toml"], treePaths ?? []).filter(
    (p) => !(p in projectTexts),
  );
  if (entryFiles.length > 0)
    for (const [path, file] of await fetchFiles(gh, repo, pr.headSha, entryFiles, 1_000_000))
      if ("content" in file) projectTexts[path] = file.content.toString();

  const { config, errors } = resolveConfig(options.rawConfig, {
    rules: allChecks,
    requiresPython: declaredRequiresPythonOf(projectTexts),
  });
  const configErrors = [...options.configErrors, ...errors];

  const changedProject = changedFiles.filter((f) => isProjectFile(f.path) && f.status !== "added");
  const baseFetched = await fetchFiles(
    gh,
    repo,
    pr.baseSha,
    changedProject.map((f) => f.previousPath ?? f.path),
    1_000_000,
  );
  const baseFiles: Record<string, string | null> = {};
  for (const f of changedFiles.filter((c) => isProjectFile(c.path))) {
    const base = baseFetched.get(f.previousPath ?? f.path);
    baseFiles[f.path] = base && "content" in base ? base.content.toString() : null;
  }

  const pythonPaths = live
    .map((f) => f.path)
    .filter((p) => isPython(p) && isIncluded(p, config.include, config.exclude));
  const fetched = await fetchFiles(gh, repo, pr.headSha, pythonPaths, config.maxFileSize);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of pythonPaths) {
    const file = fetched.get(path);
    if (!file) continue;
    if ("skipped" in file) skipped.push({ path, reason: file.skipped });
    else files.push({ path, content: file.content });
  }
  const project: ProjectInput = {
    ...(treePaths ? { paths: treePaths } : {}),
    changedPaths: changedFiles.map((f) => f.path),
    files: projectTexts,
    baseFiles,
  };
  const result = await runEngine({ files, config, project }, allChecks);
  const existing = await findExistingComments(gh, repo, pr.number);
  const fileTexts = new Map(files.map((f) => [f.path, f.content.toString()]));
  const plan = planReview({
    findings: result.findings,
    changedFiles,
    existing,
    config,
    configErrors,
    skipped: [...skipped, ...result.skipped],
    failures: result.failures,
    honoured: result.honoured,
    fileTexts,
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

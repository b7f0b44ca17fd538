// The `peptalk` check run: created when a review is queued (or at once, without a queue),
// marked in_progress when a worker takes it, and always completed.
import type { Conclusion, PlannedAnnotation } from "../planner/types.js";
import { statusOf, type GitHubClient, type RepoRef } from "./github.js";

export const CHECK_NAME = "peptalk";
/** GitHub accepts at most 50 annotations per request; more are appended by further PATCHes. */
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_TEXT = 65_000;

/** Maps a re-run back to its pull request, also for forks (whose check runs list no PRs). */
export function externalIdFor(prNumber: number): string {
  return `pr:${prNumber}`;
}

/** Our unfinished run for this pull request on this commit, if one exists. */
async function findOpenCheckRun(gh: GitHubClient, repo: RepoRef, headSha: string, externalId: string) {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  const runs = (data?.check_runs ?? []) as { id: number; name: string; external_id: string | null; status: string }[];
  const ours = runs.find((r) => r.name === CHECK_NAME && r.external_id === externalId && r.status !== "completed");
  return ours?.id ?? null;
}

/**
 * The check run for this push, created in_progress, or ours that is already there unfinished:
 * a create whose answer was lost (5xx, timeout) may have made one, and a second would stay
 * in_progress forever. So look first, create once, and after a failed create look again.
 */
export async function createCheckRun(
  gh: GitHubClient,
  repo: RepoRef,
  headSha: string,
  prNumber: number,
  status: "queued" | "in_progress" = "in_progress",
): Promise<number> {
  const externalId = externalIdFor(prNumber);
  const existing = await findOpenCheckRun(gh, repo, headSha, externalId);
  if (existing !== null) return existing;
  const create = async (): Promise<number> => {
    const { data } = await gh.request("POST /repos/{owner}/{repo}/check-runs", {
      ...repo,
      name: CHECK_NAME,
      head_sha: headSha,
      status,
      external_id: externalId,
      ...(status === "in_progress" ? { started_at: new Date().toISOString() } : {}),
      request: { retries: 0 },
    });
    return data.id as number;
  };
  try {
    return await create();
  } catch (err) {
    const status = statusOf(err);
    if (status !== undefined && status < 500) throw err;
    const created = await findOpenCheckRun(gh, repo, headSha, externalId);
    return created ?? (await create());
  }
}

export interface CheckRunResult {
  conclusion: Conclusion | "skipped";
  title: string;
  summary: string;
  annotations?: readonly PlannedAnnotation[];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 60)}\n\n…(truncated at GitHub's size limit)`;
}

export async function completeCheckRun(
  gh: GitHubClient,
  repo: RepoRef,
  id: number,
  result: CheckRunResult,
): Promise<void> {
  const title = clip(result.title, 250);
  const summary = clip(result.summary, MAX_TEXT);
  const annotations = result.annotations ?? [];
  const batches: (readonly PlannedAnnotation[])[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  // Annotations are appended batch by batch; the last request completes the run.
  for (const batch of batches.slice(0, -1)) {
    await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...repo,
      check_run_id: id,
      output: { title, summary, annotations: batch },
    });
  }
  await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...repo,
    check_run_id: id,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: new Date().toISOString(),
    output: { title, summary, ...(batches.length ? { annotations: batches[batches.length - 1] } : {}) },
  });
}

/** A worker took the review: the run shows it is being worked on. */
export async function markInProgress(gh: GitHubClient, repo: RepoRef, id: number): Promise<void> {
  await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...repo,
    check_run_id: id,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
}

/** A transient failure will be retried: the run goes back to queued and says why. */
export async function markRetrying(gh: GitHubClient, repo: RepoRef, id: number, why: string): Promise<void> {
  await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...repo,
    check_run_id: id,
    status: "queued",
    output: { title: "Queued again after a transient error", summary: clip(why, MAX_TEXT) },
  });
}

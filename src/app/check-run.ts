// The `peptalk` check run: created in_progress at once, always completed.
import type { Conclusion, PlannedAnnotation } from "../planner/types.js";
import type { GitHubClient, RepoRef } from "./github.js";

export const CHECK_NAME = "peptalk";
/** GitHub accepts at most 50 annotations per request; more are appended by further PATCHes. */
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_TEXT = 65_000;

export async function createCheckRun(
  gh: GitHubClient,
  repo: RepoRef,
  headSha: string,
  prNumber: number,
): Promise<number> {
  const { data } = await gh.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    // Maps a re-run back to its pull request, also for forks (whose check runs list no PRs).
    external_id: `pr:${prNumber}`,
    started_at: new Date().toISOString(),
  });
  return data.id as number;
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

// Executes a ReviewPlan: ONE review per push, thread resolution, and the completed check
// run. Used by the App, `peptalk review --pr --post` and the GitHub Action alike.
import type { PlannedComment, ReviewPlan } from "../planner/types.js";
import { MAX_BODY } from "../planner/comment.js";
import { findingLine } from "../planner/summary.js";
import { completeCheckRun } from "./check-run.js";
import { resolveThreads } from "./existing-comments.js";
import { statusOf, type GitHubClient, type RepoRef } from "./github.js";

export interface PublishTarget extends RepoRef {
  number: number;
  headSha: string;
  checkRunId: number | null;
}

export interface PublishResult {
  reviewPosted: boolean;
  /** Comments GitHub refused, moved to the check run's summary. */
  rejected: PlannedComment[];
  threadsResolved: number;
  notes: string[];
}

function clipBody(body: string): string {
  return body.length <= MAX_BODY
    ? body
    : `${body.slice(0, MAX_BODY - 100)}\n\n…(the rest is in the \`peptalk\` check run)`;
}

function reviewMarker(sha: string): string {
  return `<!-- peptalk:review:${sha} -->`;
}

function toApiComment(c: PlannedComment): Record<string, unknown> {
  const comment: Record<string, unknown> = { path: c.path, line: c.line, side: c.side, body: c.body };
  if (c.startLine !== undefined && c.startLine < c.line) {
    comment["start_line"] = c.startLine;
    comment["start_side"] = c.side;
  }
  return comment;
}

async function postReview(
  gh: GitHubClient,
  t: PublishTarget,
  event: string,
  body: string,
  comments: PlannedComment[],
): Promise<void> {
  await gh.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    owner: t.owner,
    repo: t.repo,
    pull_number: t.number,
    commit_id: t.headSha,
    event,
    body: `${body}\n\n${reviewMarker(t.headSha)}`,
    comments: comments.map(toApiComment),
    // A retried POST may post twice: we look before posting again instead.
    request: { retries: 0 },
  });
}

/** A 5xx may still have created the review: look for ours before posting again. */
async function reviewExists(gh: GitHubClient, t: PublishTarget): Promise<boolean> {
  const reviews = await gh.paginate<{ body?: string | null }>("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    owner: t.owner,
    repo: t.repo,
    pull_number: t.number,
    per_page: 100,
  });
  return reviews.some((r) => (r.body ?? "").includes(reviewMarker(t.headSha)));
}

/** At most this many moved comments are listed in a review body; all are in the check run. */
const MAX_MOVED_IN_BODY = 30;

function movedList(comments: readonly PlannedComment[]): string {
  const lines = comments.slice(0, MAX_MOVED_IN_BODY).map((c) => findingLine({ ...c.finding, line: c.line }));
  if (comments.length > MAX_MOVED_IN_BODY)
    lines.push(`- …and ${comments.length - MAX_MOVED_IN_BODY} more in the \`peptalk\` check run`);
  return lines.join("\n");
}

export async function publishPlan(gh: GitHubClient, plan: ReviewPlan, target: PublishTarget): Promise<PublishResult> {
  const result: PublishResult = { reviewPosted: false, rejected: [], threadsResolved: 0, notes: [] };
  if (plan.review && plan.comments.length > 0) {
    const { event } = plan.review;
    let { body } = plan.review;
    let comments = plan.comments;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await postReview(gh, target, event, body, comments);
        result.reviewPosted = true;
        break;
      } catch (err) {
        const status = statusOf(err);
        if (attempt > 0) {
          result.notes.push(
            `The review could not be posted (HTTP ${status ?? "error"}); its findings are listed here instead.`,
          );
          result.rejected = result.rejected.concat(comments);
          break;
        }
        if (status === 422) {
          // GitHub refused the review and names no comment: every comment is doubtful (they were
          // checked against the diff already). Post the review body alone, the comments listed in it.
          result.rejected = result.rejected.concat(comments);
          body = clipBody(
            `${body}\n\nGitHub did not accept the inline comments of this review, so here they are:\n\n${movedList(comments)}`,
          );
          comments = [];
        } else if (status === undefined || status >= 500) {
          // No answer or a 5xx: the review may exist already. Look before posting again.
          if (await reviewExists(gh, target)) {
            result.reviewPosted = true;
            break;
          }
        } else {
          throw err;
        }
      }
    }
  }
  if (plan.threadsToResolve.length > 0) {
    try {
      await resolveThreads(gh, plan.threadsToResolve);
      result.threadsResolved = plan.threadsToResolve.length;
    } catch (err) {
      result.notes.push(`Fixed threads could not be resolved: ${(err as Error).message}`);
    }
  }
  if (target.checkRunId !== null) {
    let summary = plan.check.summary;
    if (result.rejected.length > 0) {
      summary +=
        "\n\n### Comments GitHub did not accept\n\n" +
        result.rejected.map((c) => findingLine({ ...c.finding, line: c.line })).join("\n");
    }
    if (result.notes.length > 0) summary += `\n\n${result.notes.join("\n\n")}`;
    await completeCheckRun(gh, target, target.checkRunId, {
      conclusion: plan.check.conclusion,
      title: plan.check.title,
      summary,
      annotations: plan.check.annotations,
    });
  }
  return result;
}

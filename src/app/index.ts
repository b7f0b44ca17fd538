// The Probot app: handlers only route. Each event becomes "review this head of this pull
// request", run through the shared pipeline; whatever happens, the check run completes.
import type { Context, Probot } from "probot";
import type { ConfigError } from "../engine/config/resolve.js";
import { CHECK_NAME, completeCheckRun, createCheckRun } from "./check-run.js";
import { withSecondaryRateLimitRetry, type GitHubClient } from "./github.js";
import { reviewPullRequest, type PullRequestRef } from "./review-pull-request.js";
import { firstDelivery, serialize } from "./serialize.js";

type AnyContext = Context<"pull_request" | "check_run" | "check_suite">;

interface PullRequestPayload {
  number: number;
  draft?: boolean;
  changed_files?: number;
  head: { sha: string };
  base: { sha: string };
}

/** `.github/peptalk.yml` through Probot (so `_extends` and org defaults apply); never throws. */
async function loadConfig(context: AnyContext): Promise<{ raw: unknown; errors: ConfigError[] }> {
  try {
    const raw = await context.config("peptalk.yml");
    return { raw: raw ?? {}, errors: [] };
  } catch (err) {
    const message = (err as Error).message.split("\n")[0] ?? String(err);
    // Probot reports YAML problems without a position; parse the file ourselves to give one.
    return {
      raw: {},
      errors: [
        { path: "", message: message.includes("YAML") ? `.github/peptalk.yml: invalid YAML (${message})` : message },
      ],
    };
  }
}

function client(context: AnyContext): GitHubClient {
  return withSecondaryRateLimitRetry(context.octokit as unknown as GitHubClient);
}

async function reviewHead(context: AnyContext, pr: PullRequestPayload): Promise<void> {
  const { owner, repo } = context.repo();
  const gh = client(context);
  const ref: PullRequestRef = {
    owner,
    repo,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    ...(pr.changed_files !== undefined ? { changedFiles: pr.changed_files } : {}),
  };
  await serialize(`${owner}/${repo}#${pr.number}`, async () => {
    const checkRunId = await createCheckRun(gh, { owner, repo }, pr.head.sha, pr.number);
    try {
      const config = await loadConfig(context);
      if (pr.draft && !(config.raw as { review?: { drafts?: boolean } })?.review?.drafts) {
        await completeCheckRun(gh, { owner, repo }, checkRunId, {
          conclusion: "skipped",
          title: "Draft pull request: not reviewed",
          summary:
            "peptalk reviews drafts only with `review.drafts: true` in `.github/peptalk.yml`. Mark the pull request ready for review to get one.",
        });
        return;
      }
      const run = await reviewPullRequest(gh, ref, {
        rawConfig: config.raw,
        configErrors: config.errors,
        checkRunId,
        publish: true,
      });
      context.log.info(
        { pr: pr.number, sha: pr.head.sha, outcome: run.outcome, comments: run.plan?.comments.length ?? 0 },
        "peptalk review done",
      );
    } catch (err) {
      // Never leave a check run in_progress: say what went wrong, without secrets.
      const message = (err as Error).message ?? String(err);
      context.log.error({ pr: pr.number, err: message }, "peptalk review failed");
      await completeCheckRun(gh, { owner, repo }, checkRunId, {
        conclusion: "neutral",
        title: "peptalk could not finish this review",
        summary: `peptalk stopped with an error and reviewed nothing on this push:\n\n> ${message.replace(/\n/g, "\n> ")}\n\nRe-run the check to try again.`,
      }).catch((e: unknown) => context.log.error({ err: (e as Error).message }, "could not complete the check run"));
    }
  });
}

/** The pull request a re-run asks about: from our check run's external_id, else the suite's PR list. */
async function pullRequestFor(
  context: AnyContext,
  externalId: string | null | undefined,
  prNumbers: number[],
): Promise<PullRequestPayload[]> {
  const match = /^pr:(\d+)$/.exec(externalId ?? "");
  const numbers = match ? [Number(match[1])] : prNumbers;
  const out: PullRequestPayload[] = [];
  for (const number of numbers) {
    const { data } = await context.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...context.repo(),
      pull_number: number,
    });
    if (data.state === "open") out.push(data as unknown as PullRequestPayload);
  }
  return out;
}

export default function peptalk(app: Probot): void {
  app.on(
    [
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request.reopened",
      "pull_request.ready_for_review",
      "pull_request.edited",
    ],
    async (context) => {
      if (!firstDelivery(context.id)) return;
      // `edited` matters only when the base branch changed.
      if (context.payload.action === "edited" && !("base" in ((context.payload as { changes?: object }).changes ?? {})))
        return;
      await reviewHead(context as AnyContext, context.payload.pull_request as unknown as PullRequestPayload);
    },
  );

  app.on("check_run.rerequested", async (context) => {
    if (!firstDelivery(context.id)) return;
    const run = context.payload.check_run;
    if (run.name !== CHECK_NAME) return;
    const prs = await pullRequestFor(
      context as AnyContext,
      run.external_id,
      run.pull_requests.map((p) => p.number),
    );
    for (const pr of prs) await reviewHead(context as AnyContext, pr);
  });

  app.on(["check_suite.rerequested", "check_suite.requested"], async (context) => {
    if (!firstDelivery(context.id)) return;
    const suite = context.payload.check_suite;
    // A plain push also requests a suite; the pull_request event reviews that push already.
    if (context.payload.action === "requested") return;
    const prs = await pullRequestFor(
      context as AnyContext,
      null,
      suite.pull_requests.map((p) => p.number),
    );
    for (const pr of prs.filter((p) => p.head.sha === suite.head_sha)) await reviewHead(context as AnyContext, pr);
  });
}

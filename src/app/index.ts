// The Probot app: handlers only route. Each event becomes "review this head of this pull
// request", run through the shared pipeline; whatever happens, the check run completes,
// and an error of peptalk's own fails it closed.
import type { Context, Probot } from "probot";
import type { ConfigError } from "../engine/config/resolve.js";
import { CHECK_NAME, completeCheckRun, createCheckRun } from "./check-run.js";
import { withSecondaryRateLimitRetry, type GitHubClient } from "./github.js";
import { completeWithOwnError, onErrorOf, reviewPullRequest, type PullRequestRef } from "./review-pull-request.js";
import { beginDelivery, finishDelivery, serialize } from "./serialize.js";

type AnyContext = Context<"pull_request" | "check_run" | "check_suite">;

interface PullRequestPayload {
  number: number;
  draft?: boolean;
  changed_files?: number;
  head: { sha: string };
  base: { sha: string };
}

interface LoadedConfig {
  /** The merged `.github/peptalk.yml` (with `_extends` and org defaults); null when none exists. */
  raw: unknown;
  /** The config is the owner's default from its `.github` repository, not the repository's own. */
  ownerDefault: boolean;
  errors: ConfigError[];
  notes: string[];
}

const CONFIG_PATH = ".github/peptalk.yml";
/** Waits between attempts to read the config after a 5xx or network error. */
export const CONFIG_RETRY_DELAYS_MS = [250, 1000];

/** GitHub could not answer (5xx, or a network error, which Octokit reports as 500). */
function isTransient(err: unknown): boolean {
  const status = (err as { status?: unknown }).status;
  return typeof status === "number" && status >= 500;
}

/**
 * Runs `fn` through the App's request policy (secondary-rate-limit retry), as every other
 * request is. Only GitHub's answers go through it: an error of the file itself (invalid YAML)
 * is handed back untouched, never retried as if the request had failed.
 */
async function rateLimited<T>(fn: () => Promise<T>): Promise<T> {
  type Outcome = { value: T } | { error: unknown };
  const call = async (): Promise<Outcome> => {
    try {
      return { value: await fn() };
    } catch (error) {
      if (typeof (error as { status?: unknown }).status === "number") throw error;
      return { error };
    }
  };
  const send = call as unknown as GitHubClient["request"];
  const client = withSecondaryRateLimitRetry({
    request: send,
    graphql: send,
    paginate: send,
  } as unknown as GitHubClient);
  const outcome = (await client.request("")) as unknown as Outcome;
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}

async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rateLimited(fn);
    } catch (err) {
      if (!isTransient(err) || attempt >= CONFIG_RETRY_DELAYS_MS.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, CONFIG_RETRY_DELAYS_MS[attempt]));
    }
  }
}

/** deepmerge's default, as Probot's `context.config` merges `_extends` chains: arrays concatenate. */
function deepMerge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) return [...(target as unknown[]), ...(source as unknown[])];
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(target) || !isObject(source)) return source;
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) out[key] = key in out ? deepMerge(out[key], value) : value;
  return out;
}

/**
 * `.github/peptalk.yml` from the default branch (with `_extends` and the owner's `.github`
 * repository, as Probot's `context.config`). A file that is wrong is a config error for the
 * check run; GitHub failing to answer is retried, then thrown as peptalk's own error.
 */
async function loadConfig(context: AnyContext): Promise<LoadedConfig> {
  let result;
  try {
    result = await withRetries(() => context.octokit.config.get(context.repo({ path: CONFIG_PATH })));
  } catch (err) {
    // An HTTP error is GitHub's or peptalk's problem, not the repository's: fail as our own error.
    if (typeof (err as { status?: unknown }).status === "number") throw err;
    const message = (err as Error).message.split("\n")[0] ?? String(err);
    return {
      raw: {},
      errors: [
        {
          path: "",
          message: message.includes("YAML") ? `${CONFIG_PATH}: invalid YAML (${message})` : message,
        },
      ],
      notes: [],
      ownerDefault: false,
    };
  }
  const notes: string[] = [];
  let found = false;
  let raw: unknown = {};
  // Files come nearest first: the repository (or the owner's `.github`), then each `_extends`.
  for (const file of result.files) {
    if (file.config !== null) {
      found = true;
      continue;
    }
    if (found)
      notes.push(
        `\`${CONFIG_PATH}\` extends \`${file.owner}/${file.repo}:${file.path}\`, which this installation cannot read (it does not exist, or the App is not installed on that repository): its settings were not applied.`,
      );
  }
  for (const file of [...result.files].reverse()) if (file.config) raw = deepMerge(raw, file.config);
  const ownerDefault = found && result.files[0]?.config === null;
  return { raw: found ? raw : null, errors: [], notes, ownerDefault };
}

function client(context: AnyContext): GitHubClient {
  return withSecondaryRateLimitRetry(context.octokit as unknown as GitHubClient);
}

/** Reviews one head; false when peptalk failed (the run is completed either way). */
async function reviewHead(context: AnyContext, pr: PullRequestPayload): Promise<boolean> {
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
  return serialize(`${owner}/${repo}#${pr.number}`, async () => {
    const checkRunId = await createCheckRun(gh, { owner, repo }, pr.head.sha, pr.number);
    let rawConfig: unknown = null;
    try {
      const config = await loadConfig(context);
      rawConfig = config.raw;
      if (pr.draft && !(config.raw as { review?: { drafts?: boolean } } | null)?.review?.drafts) {
        await completeCheckRun(gh, { owner, repo }, checkRunId, {
          conclusion: "skipped",
          title: "Draft pull request: not reviewed",
          summary:
            "peptalk reviews drafts only with `review.drafts: true` in `.github/peptalk.yml`. Mark the pull request ready for review to get one.",
        });
        return true;
      }
      const run = await reviewPullRequest(gh, ref, {
        rawConfig: config.raw,
        configErrors: config.errors,
        checkRunId,
        publish: true,
        notes: config.notes,
        configIsOwnerDefault: config.ownerDefault,
      });
      context.log.info(
        { pr: pr.number, sha: pr.head.sha, outcome: run.outcome, comments: run.plan?.comments.length ?? 0 },
        "peptalk review done",
      );
      return true;
    } catch (err) {
      // Never leave a check run in_progress, and never let a crash pass the gate.
      const message = (err as Error).message ?? String(err);
      context.log.error({ pr: pr.number, err: message }, "peptalk review failed");
      await completeWithOwnError(gh, { owner, repo }, checkRunId, err, onErrorOf(rawConfig, err)).catch((e: unknown) =>
        context.log.error({ err: (e as Error).message }, "could not complete the check run"),
      );
      return false;
    }
  });
}

/**
 * A re-run of a commit that is no longer its pull request's head: the head has (or gets) its
 * own review, so the old commit gets a run that says so instead of a review of the wrong code.
 */
async function reportStaleRerun(context: AnyContext, pr: PullRequestPayload, sha: string): Promise<void> {
  const { owner, repo } = context.repo();
  const gh = client(context);
  const checkRunId = await createCheckRun(gh, { owner, repo }, sha, pr.number);
  await completeCheckRun(gh, { owner, repo }, checkRunId, {
    conclusion: "neutral",
    title: `Not re-run: ${sha.slice(0, 7)} is no longer the head of #${pr.number}`,
    summary: `This re-run asked about \`${sha.slice(0, 7)}\`, but pull request #${pr.number} now ends at \`${pr.head.sha.slice(0, 7)}\`. peptalk reviews only the head: re-run the \`peptalk\` check of the newest commit instead.`,
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
  const gh = client(context);
  const out: PullRequestPayload[] = [];
  for (const number of numbers) {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...context.repo(),
      pull_number: number,
    });
    if (data.state === "open") out.push(data as unknown as PullRequestPayload);
  }
  return out;
}

/** Handles a delivery once; it is remembered only after success, so a redelivery retries a failure. */
async function once(context: { id: string }, work: () => Promise<boolean>): Promise<void> {
  if (!beginDelivery(context.id)) return;
  let succeeded = false;
  try {
    succeeded = await work();
  } finally {
    finishDelivery(context.id, succeeded);
  }
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
      // `edited` matters only when the base branch changed.
      if (context.payload.action === "edited" && !("base" in ((context.payload as { changes?: object }).changes ?? {})))
        return;
      await once(context, () =>
        reviewHead(context as AnyContext, context.payload.pull_request as unknown as PullRequestPayload),
      );
    },
  );

  app.on("check_run.rerequested", async (context) => {
    const run = context.payload.check_run;
    if (run.name !== CHECK_NAME) return;
    await once(context, async () => {
      const prs = await pullRequestFor(
        context as AnyContext,
        run.external_id,
        run.pull_requests.map((p) => p.number),
      );
      let succeeded = true;
      for (const pr of prs) {
        // Review the commit that was re-run, and only while it is still the head.
        if (pr.head.sha === run.head_sha) succeeded = (await reviewHead(context as AnyContext, pr)) && succeeded;
        else await reportStaleRerun(context as AnyContext, pr, run.head_sha);
      }
      return succeeded;
    });
  });

  app.on(["check_suite.rerequested", "check_suite.requested"], async (context) => {
    // A plain push also requests a suite; the pull_request event reviews that push already.
    if (context.payload.action === "requested") return;
    const suite = context.payload.check_suite;
    await once(context, async () => {
      const prs = await pullRequestFor(
        context as AnyContext,
        null,
        suite.pull_requests.map((p) => p.number),
      );
      let succeeded = true;
      for (const pr of prs.filter((p) => p.head.sha === suite.head_sha))
        succeeded = (await reviewHead(context as AnyContext, pr)) && succeeded;
      return succeeded;
    });
  });
}

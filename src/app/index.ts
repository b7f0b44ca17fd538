// The Probot app. Webhook handlers only validate and enqueue "review this head of this pull
// request" (creating its check run as queued); workers take jobs from the review queue and run
// the shared pipeline. Whatever happens, the check run completes, and an error of peptalk's
// own fails it closed.
import type { Context, Probot } from "probot";
import type { ProbotOctokit } from "probot";
import type { ConfigError } from "../engine/config/resolve.js";
import { BullQueue } from "../queue/bullmq.js";
import { InProcessQueue, type QueueEvent } from "../queue/in-process.js";
import {
  isTransient,
  reviewJobId,
  type AttemptInfo,
  type QueueHooks,
  type ReviewJob,
  type ReviewQueue,
  willRetry,
} from "../queue/types.js";
import { CHECK_NAME, completeCheckRun, createCheckRun, markInProgress, markRetrying } from "./check-run.js";
import { withRequestPolicy, withSecondaryRateLimitRetry, type GitHubClient, type RepoRef } from "./github.js";
import { Metrics, observabilityHandler } from "./observability.js";
import { completeWithOwnError, onErrorOf, reviewPullRequest, type PullRequestRef } from "./review-pull-request.js";
import { beginDelivery, finishDelivery } from "./deliveries.js";

type Octokit = InstanceType<typeof ProbotOctokit>;
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
 * check run; GitHub failing to answer is thrown as peptalk's own error (the queue retries a 5xx).
 */
async function loadConfig(octokit: Octokit, repo: RepoRef): Promise<LoadedConfig> {
  let result;
  try {
    result = await rateLimited(() => octokit.config.get({ ...repo, path: CONFIG_PATH }));
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

/** Octokit under the App's request policy, each answer counted by status for /metrics. */
function client(octokit: Octokit | AnyContext["octokit"], metrics: Metrics | null): GitHubClient {
  return withRequestPolicy(
    octokit as unknown as GitHubClient,
    metrics ? { onResponse: (status) => metrics.githubRequests.inc({ status: String(status) }) } : {},
  );
}

/**
 * Reviews one queued head (the worker's side). Transient failures (5xx, network) are left to the
 * queue to retry, with the run back to queued; anything else completes the run as peptalk's own
 * error. A review cut short by a stop is left to the queue's `interrupted` hook.
 */
async function reviewJob(app: Probot, job: ReviewJob, attempt: AttemptInfo, metrics: Metrics): Promise<void> {
  const octokit = (await app.auth(job.installationId)) as Octokit;
  const gh = client(octokit, metrics);
  const repo = { owner: job.owner, repo: job.repo };
  const checkRunId = job.checkRunId ?? (await createCheckRun(gh, repo, job.headSha, job.number, "queued"));
  const log = app.log.child({ delivery: job.deliveryId, job: reviewJobId(job) });
  let rawConfig: unknown = null;
  try {
    await markInProgress(gh, repo, checkRunId);
    const config = await loadConfig(octokit, repo);
    rawConfig = config.raw;
    if (job.draft && !(config.raw as { review?: { drafts?: boolean } } | null)?.review?.drafts) {
      await completeCheckRun(gh, repo, checkRunId, {
        conclusion: "skipped",
        title: "Draft pull request: not reviewed",
        summary:
          "peptalk reviews drafts only with `review.drafts: true` in `.github/peptalk.yml`. Mark the pull request ready for review to get one.",
      });
      return;
    }
    const ref: PullRequestRef = {
      ...repo,
      number: job.number,
      headSha: job.headSha,
      baseSha: job.baseSha,
      ...(job.changedFiles !== undefined ? { changedFiles: job.changedFiles } : {}),
    };
    const run = await reviewPullRequest(gh, ref, {
      rawConfig: config.raw,
      configErrors: config.errors,
      checkRunId,
      publish: true,
      notes: config.notes,
      configIsOwnerDefault: config.ownerDefault,
      onEngine: (files, seconds) => {
        metrics.engineFiles.inc(files);
        metrics.engineSeconds.inc(seconds);
      },
    });
    log.info({ outcome: run.outcome, comments: run.plan?.comments.length ?? 0 }, "peptalk review done");
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (attempt.signal.aborted) throw err;
    if (willRetry(err, attempt)) {
      log.warn({ err: message, attempt: attempt.attempt }, "peptalk review failed; retrying");
      await markRetrying(
        gh,
        repo,
        checkRunId,
        `Attempt ${attempt.attempt} of ${attempt.maxAttempts} failed on a transient error (${message.split("\n")[0]}); peptalk tries again shortly.`,
      ).catch(() => undefined);
      throw err;
    }
    log.error({ err: message, attempt: attempt.attempt }, "peptalk review failed");
    // Never leave a check run in_progress, and never let a crash pass the gate.
    const attempts = isTransient(err)
      ? `It failed ${attempt.maxAttempts} times on transient errors (GitHub or the network), so it was not retried again.`
      : "This error is not transient, so it was not retried.";
    await completeWithOwnError(gh, repo, checkRunId, err, onErrorOf(rawConfig, err), attempts).catch((e: unknown) =>
      log.error({ err: (e as Error).message }, "could not complete the check run"),
    );
    throw err;
  }
}

/** What the queue says about jobs it drops: their check runs are completed for them. */
function queueHooks(app: Probot, metrics: Metrics): QueueHooks {
  const complete = async (job: ReviewJob, title: string, summary: string): Promise<void> => {
    if (job.checkRunId === null) return;
    const gh = client((await app.auth(job.installationId)) as Octokit, metrics);
    await completeCheckRun(gh, { owner: job.owner, repo: job.repo }, job.checkRunId, {
      conclusion: "neutral",
      title,
      summary,
    });
  };
  return {
    superseded: (job, newerSha) =>
      complete(
        job,
        "Superseded by a newer push",
        `The pull request moved from \`${job.headSha.slice(0, 7)}\` to \`${newerSha.slice(0, 7)}\` before this review started; the newer push gets its own review.`,
      ),
    interrupted: (job) =>
      complete(
        job,
        "Interrupted by a restart: re-run to review",
        "peptalk stopped (a deploy or a restart) before this review finished. Re-run the `peptalk` check to review this push.",
      ),
  };
}

export type Role = "all" | "web" | "worker";

/** PEPTALK_ROLE: `web` takes webhooks only, `worker` reviews only, `all` (default) both. */
export function roleFrom(env: NodeJS.ProcessEnv): Role {
  const role = env["PEPTALK_ROLE"] ?? "all";
  if (role === "all" || role === "web" || role === "worker") return role;
  throw new Error(`PEPTALK_ROLE must be web, worker or all (got ${JSON.stringify(role)})`);
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (got ${JSON.stringify(raw)})`);
  return n;
}

/** The review queue this environment asks for: BullMQ on REDIS_URL, else in process. */
export function createQueue(app: Probot, env: NodeJS.ProcessEnv, metrics: Metrics): ReviewQueue {
  const onEvent = (event: QueueEvent): void => metrics.onQueueEvent(event);
  const concurrency = positiveInt(env, "PEPTALK_CONCURRENCY", 2);
  // The first retry waits this long; each later one four (in process) or two (BullMQ) times longer.
  const backoffMs = positiveInt(env, "PEPTALK_RETRY_BACKOFF_MS", 1000);
  const hooks = queueHooks(app, metrics);
  if (env["REDIS_URL"])
    return new BullQueue({
      url: env["REDIS_URL"],
      concurrency,
      hooks,
      onEvent,
      backoffMs,
      prefix: env["PEPTALK_QUEUE_PREFIX"] ?? "peptalk",
    });
  return new InProcessQueue({
    concurrency,
    hooks,
    onEvent,
    backoffMs: (attempt) => backoffMs * 4 ** (attempt - 1),
    maxQueued: positiveInt(env, "PEPTALK_MAX_QUEUED", 1000),
  });
}

/** The queue and metrics of each loaded app: tests wait for the queue and read the metrics. */
const loaded = new WeakMap<Probot, { queue: ReviewQueue; metrics: Metrics }>();

/** Resolves once the app's in-process queue has nothing queued or running (tests). */
export async function whenIdle(app: Probot): Promise<void> {
  const queue = loaded.get(app)?.queue;
  if (queue instanceof InProcessQueue) await queue.idle();
}

/** The app's Prometheus metrics, as GET /metrics serves them (tests). */
export async function metricsText(app: Probot): Promise<string> {
  return (await loaded.get(app)?.metrics.registry.metrics()) ?? "";
}

/**
 * A re-run of a commit that is no longer its pull request's head: the head has (or gets) its
 * own review, so the old commit gets a run that says so instead of a review of the wrong code.
 */
async function reportStaleRerun(
  context: AnyContext,
  pr: PullRequestPayload,
  sha: string,
  metrics: Metrics,
): Promise<void> {
  const { owner, repo } = context.repo();
  const gh = client(context.octokit, metrics);
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
  metrics: Metrics,
): Promise<PullRequestPayload[]> {
  const match = /^pr:(\d+)$/.exec(externalId ?? "");
  const numbers = match ? [Number(match[1])] : prNumbers;
  const gh = client(context.octokit, metrics);
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

/**
 * Enqueues a review of this head, its check run created as queued so the PR shows it at once.
 * The delivery counts as handled when its review succeeds (see `finishDelivery` in the worker),
 * so GitHub's redeliver button retries a review that failed.
 */
async function enqueueReview(
  queue: ReviewQueue,
  context: AnyContext,
  pr: PullRequestPayload,
  deliveries: Map<string, string>,
  metrics: Metrics,
): Promise<boolean> {
  const { owner, repo } = context.repo();
  const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
  if (installationId === undefined) throw new Error("the delivery names no installation");
  const job: ReviewJob = {
    installationId,
    owner,
    repo,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    deliveryId: context.id,
    checkRunId: null,
    event: `${context.name}.${(context.payload as { action?: string }).action ?? ""}`,
    ...(pr.draft !== undefined ? { draft: pr.draft } : {}),
    ...(pr.changed_files !== undefined ? { changedFiles: pr.changed_files } : {}),
  };
  const id = reviewJobId(job);
  // A second event for a head already queued or under review is the same job; a new one gets
  // its check run, queued, before a worker can take it.
  const { added } = await queue.enqueue(job, async (j) => ({
    ...j,
    checkRunId: await createCheckRun(client(context.octokit, metrics), { owner, repo }, j.headSha, j.number, "queued"),
  }));
  if (added) deliveries.set(id, context.id);
  context.log.info({ delivery: context.id, job: id, added }, "peptalk review queued");
  return added;
}

/**
 * Handles a delivery once: a delivery being handled, or whose review succeeded, is skipped. It
 * is finished by the worker when it queued a review, else here.
 */
async function once(context: { id: string }, work: () => Promise<boolean>): Promise<void> {
  if (!beginDelivery(context.id)) return;
  let queued: boolean;
  try {
    queued = await work();
  } catch (err) {
    finishDelivery(context.id, false);
    throw err;
  }
  if (!queued) finishDelivery(context.id, true);
}

export interface AppOptions {
  addHandler?: (handler: ReturnType<typeof observabilityHandler>) => void;
  [key: string]: unknown;
}

export default function peptalk(app: Probot, options: AppOptions = {}, env: NodeJS.ProcessEnv = process.env): void {
  const role = roleFrom(env);
  // The metrics read the queue's depth when scraped (after start-up); the queue counts its jobs into them.
  const metrics = new Metrics(() => queue.counts());
  const queue = createQueue(app, env, metrics);
  loaded.set(app, { queue, metrics });
  // Probot hands every app an addHandler; without an HTTP server (tests) it throws.
  let served: boolean;
  try {
    options.addHandler?.(observabilityHandler(queue, metrics));
    served = options.addHandler !== undefined;
  } catch {
    served = false;
  }
  // The delivery that asked for each queued job: it is done when the review is.
  const deliveries = new Map<string, string>();
  if (role !== "web")
    queue.startWorker(async (job, attempt) => {
      const id = reviewJobId(job);
      const delivery = deliveries.get(id) ?? job.deliveryId;
      try {
        await reviewJob(app, job, attempt, metrics);
        deliveries.delete(id);
        finishDelivery(delivery, true);
      } catch (err) {
        if (!willRetry(err, attempt)) {
          deliveries.delete(id);
          finishDelivery(delivery, false);
        }
        throw err;
      }
    });
  // Only where Probot runs its HTTP server: on a signal, stop taking jobs, let reviews finish, exit.
  if (served) {
    const graceMs = positiveInt(env, "PEPTALK_SHUTDOWN_GRACE_MS", 25_000);
    const stop = (signal: string): void => {
      app.log.info({ signal, graceMs }, "peptalk stopping: draining the review queue");
      void queue.stop(graceMs).finally(() => process.exit(0));
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  }
  if (role === "worker") return;

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
        enqueueReview(
          queue,
          context as AnyContext,
          context.payload.pull_request as unknown as PullRequestPayload,
          deliveries,
          metrics,
        ),
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
        metrics,
      );
      let queued = false;
      for (const pr of prs) {
        // Review the commit that was re-run, and only while it is still the head.
        if (pr.head.sha === run.head_sha)
          queued = (await enqueueReview(queue, context as AnyContext, pr, deliveries, metrics)) || queued;
        else await reportStaleRerun(context as AnyContext, pr, run.head_sha, metrics);
      }
      return queued;
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
        metrics,
      );
      let queued = false;
      for (const pr of prs.filter((p) => p.head.sha === suite.head_sha))
        queued = (await enqueueReview(queue, context as AnyContext, pr, deliveries, metrics)) || queued;
      return queued;
    });
  });
}

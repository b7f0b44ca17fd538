// The review queue: webhook handlers enqueue "review this head of this pull request", workers
// run the pipeline. One interface, two backends: in process (default) and BullMQ on Redis.

/** What a worker needs to review one push; small and plain, it crosses Redis as JSON. */
export interface ReviewJob {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  deliveryId: string;
  /** The check run created `queued` when the job was enqueued. */
  checkRunId: number | null;
  /** Why the job exists: "pull_request.synchronize", "check_run.rerequested", ... */
  event: string;
  /** `pull_request.draft` at delivery. */
  draft?: boolean;
  changedFiles?: number;
}

/** One job per pull request head: a redelivery, or a second event for the same head, is the same job. */
export function reviewJobId(job: Pick<ReviewJob, "owner" | "repo" | "number" | "headSha">): string {
  return `${job.owner}/${job.repo}#${job.number}@${job.headSha}`;
}

/** The key under which a pull request's reviews are serialised. */
export function pullRequestKey(job: Pick<ReviewJob, "owner" | "repo" | "number">): string {
  return `${job.owner}/${job.repo}#${job.number}`;
}

/** What the worker knows about the attempt it runs. */
export interface AttemptInfo {
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the process stops: finish quickly or give up. */
  signal: AbortSignal;
}

export type ReviewProcessor = (job: ReviewJob, attempt: AttemptInfo) => Promise<void>;

/** What the queue tells the app when it drops or abandons a job. */
export interface QueueHooks {
  /** A newer head of the same PR was queued: this one is not reviewed. */
  superseded(job: ReviewJob, newerSha: string): Promise<void>;
  /** The process stopped before the job finished (clean stop after the grace period). */
  interrupted(job: ReviewJob): Promise<void>;
}

export interface EnqueueResult {
  id: string;
  /** False when the same job was already queued or running (a redelivery). */
  added: boolean;
}

export interface QueueCounts {
  queued: number;
  running: number;
}

export interface ReviewQueue {
  readonly backend: "in-process" | "bullmq";
  /**
   * Queues `job` unless the same job is queued or running. `prepare` (which creates the check
   * run) runs only for a job that will be added, while its id is reserved, so two deliveries of
   * the same head at once cannot both prepare it, even on different replicas.
   */
  enqueue(job: ReviewJob, prepare?: (job: ReviewJob) => Promise<ReviewJob>): Promise<EnqueueResult>;
  /** Start taking jobs (the worker role). */
  startWorker(processor: ReviewProcessor): void;
  /** Stop taking jobs, let running ones finish within `graceMs`, then abandon the rest. */
  stop(graceMs: number): Promise<void>;
  counts(): Promise<QueueCounts>;
  /** The backend is reachable (always true in process). */
  ready(): Promise<boolean>;
}

/** A failure worth another attempt: GitHub's 5xx and network errors. Everything else is final. */
export function isTransient(err: unknown): boolean {
  const e = err as { status?: number; code?: string; name?: string } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.status === "number") return e.status >= 500 || e.status === 408;
  const NETWORK = ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "ENOTFOUND", "EPIPE", "UND_ERR_SOCKET"];
  return (e.code !== undefined && NETWORK.includes(e.code)) || e.name === "AbortError" || e.name === "TimeoutError";
}

export const MAX_ATTEMPTS = 3;

/** Whether a failed attempt is tried again: a transient failure with attempts left. */
export function willRetry(err: unknown, attempt: Pick<AttemptInfo, "attempt" | "maxAttempts">): boolean {
  return isTransient(err) && attempt.attempt < attempt.maxAttempts;
}

// The review queue on Redis through BullMQ, for more than one process: web replicas enqueue,
// worker replicas (or the same processes) review. A replica that dies mid-job loses nothing:
// BullMQ's stalled-job check hands the job to another worker. A Redis lock with a lease keeps
// one review per pull request at a time across replicas; the newest head per pull request is
// recorded, so a worker that picks up an older head drops it as superseded.
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import {
  isTransient,
  MAX_ATTEMPTS,
  pullRequestKey,
  reviewJobId,
  type EnqueueResult,
  type QueueCounts,
  type QueueHooks,
  type ReviewJob,
  type ReviewProcessor,
  type ReviewQueue,
  willRetry,
} from "./types.js";
import type { QueueEvent } from "./in-process.js";

export interface BullQueueOptions {
  url: string;
  concurrency: number;
  hooks: QueueHooks;
  /** Key prefix, so several deployments (or tests) can share one Redis. */
  prefix?: string;
  /** How long a per-PR lock lives without renewal (ms); renewed at a third of it while a review runs. */
  lockLeaseMs?: number;
  /** How often BullMQ looks for jobs whose worker died (ms). */
  stalledIntervalMs?: number;
  /** How long a job's lock lives in BullMQ without the worker renewing it (ms). */
  jobLockMs?: number;
  /** First retry delay (ms); doubles per attempt. */
  backoffMs?: number;
  onEvent?: (event: QueueEvent) => void;
}

export const QUEUE_NAME = "peptalk-reviews";
/** Finished jobs are kept this long, for inspection. */
const KEEP_COMPLETED_SECONDS = 24 * 3600;
/** How long an enqueue may hold a job id while it prepares the job (creates its check run). */
const RESERVATION_MS = 60_000;
/** A job waiting for its pull request's lock looks again after this long. */
const LOCK_RETRY_MS = 2000;

/** Deletes the lock only if it is still ours. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Extends the lock only if it is still ours. */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

function connect(url: string): Redis {
  // BullMQ workers block on Redis; it asks for no per-request retry limit.
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

export class BullQueue implements ReviewQueue {
  readonly backend = "bullmq" as const;
  private readonly redis: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;
  private readonly prefix: string;
  private readonly lease: number;

  constructor(private readonly options: BullQueueOptions) {
    this.prefix = options.prefix ?? "peptalk";
    this.lease = options.lockLeaseMs ?? 60_000;
    this.redis = connect(options.url);
    this.queue = new Queue(QUEUE_NAME, { connection: this.redis, prefix: this.prefix });
  }

  private latestKey(job: ReviewJob): string {
    return `${this.prefix}:latest-head:${pullRequestKey(job)}`;
  }

  private lockKey(job: ReviewJob): string {
    return `${this.prefix}:pr-lock:${pullRequestKey(job)}`;
  }

  async enqueue(job: ReviewJob, prepare?: (job: ReviewJob) => Promise<ReviewJob>): Promise<EnqueueResult> {
    const id = reviewJobId(job);
    // The newest head a delivery announced; older heads are dropped when a worker reaches them.
    await this.redis.set(this.latestKey(job), job.headSha, "EX", 7 * 24 * 3600);
    // One replica at a time decides whether to add this job (and prepares it).
    const reservation = `${this.prefix}:enqueue:${id}`;
    if ((await this.redis.set(reservation, "1", "PX", RESERVATION_MS, "NX")) !== "OK") return { id, added: false };
    try {
      const existing = await this.queue.getJob(id);
      if (existing) {
        // A finished review (done, or failed for good) may be asked for again: a re-run, or
        // GitHub's redeliver button. One still queued or running is the same job.
        if (await this.isPending(id)) return { id, added: false };
        await existing.remove().catch(() => undefined);
      }
      const prepared = prepare ? await prepare(job) : job;
      const added = await this.queue.add("review", prepared, {
        jobId: id,
        attempts: MAX_ATTEMPTS,
        backoff: { type: "exponential", delay: this.options.backoffMs ?? 1000 },
        removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
        removeOnFail: { age: KEEP_COMPLETED_SECONDS },
      });
      return { id: added.id ?? id, added: true };
    } finally {
      await this.redis.del(reservation).catch(() => undefined);
    }
  }

  /** The job is queued or running (a finished one may be asked for again). */
  private async isPending(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job) return false;
    const state = await job.getState();
    return state !== "completed" && state !== "failed" && state !== "unknown";
  }

  startWorker(processor: ReviewProcessor): void {
    const abort = new AbortController();
    this.worker = new Worker<ReviewJob>(QUEUE_NAME, (job, token) => this.process(job, token, processor, abort), {
      connection: (this.workerConnection = connect(this.options.url)),
      prefix: this.prefix,
      concurrency: this.options.concurrency,
      ...(this.options.stalledIntervalMs ? { stalledInterval: this.options.stalledIntervalMs } : {}),
      ...(this.options.jobLockMs ? { lockDuration: this.options.jobLockMs } : {}),
      maxStalledCount: 2,
    });
    this.worker.on("error", () => undefined);
    this.stopWorker = async (graceMs: number) => {
      const closing = this.worker!.close();
      const graceOver = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
      if ((await Promise.race([closing.then(() => "closed" as const), graceOver])) === "timeout") {
        // Running reviews are abandoned, not failed: their jobs stay active in Redis, their
        // locks lapse, and the stalled-job check hands them to a live worker.
        abort.abort();
        await this.worker!.close(true);
      }
    };
  }

  private stopWorker: ((graceMs: number) => Promise<void>) | null = null;

  private async process(
    job: Job<ReviewJob>,
    token: string | undefined,
    processor: ReviewProcessor,
    abort: AbortController,
  ): Promise<void> {
    const data = job.data;
    const latest = await this.redis.get(this.latestKey(data));
    if (latest && latest !== data.headSha) {
      await this.options.hooks.superseded(data, latest);
      this.options.onEvent?.({ type: "superseded", job: data });
      return;
    }
    const lockValue = randomUUID();
    const locked = await this.redis.set(this.lockKey(data), lockValue, "PX", this.lease, "NX");
    if (locked !== "OK") {
      // Another replica reviews this pull request: wait without spending an attempt.
      await job.moveToDelayed(Date.now() + LOCK_RETRY_MS, token);
      throw new DelayedError();
    }
    const renew = setInterval(() => {
      void this.redis.eval(RENEW, 1, this.lockKey(data), lockValue, String(this.lease)).catch(() => undefined);
    }, this.lease / 3);
    const attempt = { attempt: job.attemptsMade + 1, maxAttempts: MAX_ATTEMPTS, signal: abort.signal };
    const started = Date.now();
    try {
      await processor(data, attempt);
      this.options.onEvent?.({ type: "completed", job: data, seconds: (Date.now() - started) / 1000 });
    } catch (error) {
      const retrying = willRetry(error, attempt);
      this.options.onEvent?.({ type: "failed", job: data, error, retrying });
      // Bad input (a config error, a PR that is gone) fails the same way every time.
      if (!isTransient(error)) throw new UnrecoverableError((error as Error).message ?? String(error));
      throw error;
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, this.lockKey(data), lockValue).catch(() => undefined);
    }
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts("waiting", "delayed", "prioritized", "active");
    return { queued: (c["waiting"] ?? 0) + (c["delayed"] ?? 0) + (c["prioritized"] ?? 0), running: c["active"] ?? 0 };
  }

  async ready(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async stop(graceMs: number): Promise<void> {
    if (this.stopWorker) await this.stopWorker(graceMs);
    await this.queue.close();
    this.redis.disconnect();
    this.workerConnection?.disconnect();
  }
}

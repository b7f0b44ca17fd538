// The default review queue: bounded, in this process, nothing to install. At most
// `concurrency` reviews run at once and one per pull request; a newer head drops an older
// queued one; transient failures are retried with backoff; a clean stop abandons nothing
// silently (every unfinished job is handed to `hooks.interrupted`).
import {
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

export interface InProcessOptions {
  concurrency: number;
  /** Jobs waiting beyond this are refused: the webhook fails and GitHub can redeliver it later. */
  maxQueued?: number;
  hooks: QueueHooks;
  /** Delay before attempt n+1 (ms); tests shorten it. */
  backoffMs?: (attempt: number) => number;
  /** Called with every state change, for metrics. */
  onEvent?: (event: QueueEvent) => void;
}

export type QueueEvent =
  | { type: "completed"; job: ReviewJob; seconds: number }
  | { type: "failed"; job: ReviewJob; error: unknown; retrying: boolean }
  | { type: "superseded"; job: ReviewJob };

interface Entry {
  id: string;
  job: ReviewJob;
  attempt: number;
  notBefore: number;
}

export function defaultBackoff(attempt: number): number {
  return 1000 * 4 ** (attempt - 1);
}

export class InProcessQueue implements ReviewQueue {
  readonly backend = "in-process" as const;
  private readonly waiting: Entry[] = [];
  /** Jobs being prepared for the queue (their check run is being created). */
  private readonly reserved = new Set<string>();
  private readonly running = new Map<string, { entry: Entry; done: Promise<void> }>();
  private processor: ReviewProcessor | null = null;
  private stopping = false;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: InProcessOptions) {}

  async enqueue(job: ReviewJob, prepare?: (job: ReviewJob) => Promise<ReviewJob>): Promise<EnqueueResult> {
    const id = reviewJobId(job);
    if (this.stopping) throw new Error("peptalk is shutting down; the delivery can be redelivered");
    if (this.pending(id)) return { id, added: false };
    if (this.waiting.length >= (this.options.maxQueued ?? 1000))
      throw new Error(`the review queue is full (${this.waiting.length} waiting); redeliver later`);
    if (prepare) {
      this.reserved.add(id);
      try {
        job = await prepare(job);
      } finally {
        this.reserved.delete(id);
      }
      if (this.stopping) {
        // Prepared (its check run exists) but too late to run: it is interrupted like the rest.
        await this.options.hooks.interrupted(job).catch(() => undefined);
        throw new Error("peptalk is shutting down; the delivery can be redelivered");
      }
    }
    // An older head of the same pull request that has not started is dropped.
    const key = pullRequestKey(job);
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const older = this.waiting[i]!;
      if (pullRequestKey(older.job) !== key) continue;
      this.waiting.splice(i, 1);
      this.options.onEvent?.({ type: "superseded", job: older.job });
      await this.options.hooks.superseded(older.job, job.headSha).catch(() => undefined);
    }
    this.waiting.push({ id, job, attempt: 1, notBefore: 0 });
    this.pump();
    return { id, added: true };
  }

  private pending(id: string): boolean {
    return this.reserved.has(id) || this.running.has(id) || this.waiting.some((e) => e.id === id);
  }

  /** Resolves once nothing is queued or running (tests, and a drain before exit). */
  async idle(): Promise<void> {
    while (this.waiting.length > 0 || this.running.size > 0) {
      await Promise.all([...this.running.values()].map((r) => r.done));
      if (this.running.size === 0 && this.waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  startWorker(processor: ReviewProcessor): void {
    this.processor = processor;
    this.pump();
  }

  async counts(): Promise<QueueCounts> {
    return { queued: this.waiting.length, running: this.running.size };
  }

  async ready(): Promise<boolean> {
    return !this.stopping;
  }

  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const abandoned = this.waiting.splice(0).map((e) => e.job);
    const settled = Promise.all([...this.running.values()].map((r) => r.done));
    const graceOver = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
    if ((await Promise.race([settled.then(() => "settled" as const), graceOver])) === "timeout") {
      // Reviews still running are told to stop, and their check runs are completed for them.
      this.abort.abort();
      abandoned.push(...[...this.running.values()].map((r) => r.entry.job));
    }
    await Promise.all(abandoned.map((job) => this.options.hooks.interrupted(job).catch(() => undefined)));
  }

  /** Starts every job that may start now: under the concurrency limit, one per pull request. */
  private pump(): void {
    if (!this.processor || this.stopping) return;
    const busy = new Set([...this.running.values()].map((r) => pullRequestKey(r.entry.job)));
    const now = Date.now();
    let nextWake = Infinity;
    for (let i = 0; i < this.waiting.length && this.running.size < this.options.concurrency;) {
      const entry = this.waiting[i]!;
      const key = pullRequestKey(entry.job);
      if (busy.has(key) || entry.notBefore > now) {
        if (entry.notBefore > now) nextWake = Math.min(nextWake, entry.notBefore);
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      busy.add(key);
      this.run(entry);
    }
    if (nextWake !== Infinity && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, nextWake - now);
      this.timer.unref();
    }
  }

  private run(entry: Entry): void {
    const started = Date.now();
    const attempt = { attempt: entry.attempt, maxAttempts: MAX_ATTEMPTS, signal: this.abort.signal };
    const done = this.processor!(entry.job, attempt).then(
      () => {
        this.options.onEvent?.({ type: "completed", job: entry.job, seconds: (Date.now() - started) / 1000 });
      },
      (error: unknown) => {
        const retrying = !this.stopping && willRetry(error, attempt);
        this.options.onEvent?.({ type: "failed", job: entry.job, error, retrying });
        if (retrying) {
          const backoff = (this.options.backoffMs ?? defaultBackoff)(entry.attempt);
          this.waiting.push({ ...entry, attempt: entry.attempt + 1, notBefore: Date.now() + backoff });
        }
      },
    );
    this.running.set(entry.id, {
      entry,
      done: done.finally(() => {
        this.running.delete(entry.id);
        this.pump();
      }),
    });
  }
}

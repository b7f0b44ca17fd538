// One pool of analysis threads per process (per worker script), shared by every engine run at
// once: all the reviews the App runs, or a CLI run. Threads outlive a run, so a burst of reviews
// neither multiplies threads (each about 90 MB) nor pays their start-up again. A run sends its
// settings once to each thread it uses and drops them when it ends. The pool supervises every
// file: a thread that overruns the hard limit, crashes or runs out of heap is replaced, and only
// that file is lost.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { readJob, UNREADABLE, type FileJob, type QueuedJob, type WorkerInit, type WorkerMessage } from "./engine.js";
import { overBudgetReason } from "./runner.js";

/** What the main thread sends a pool thread. */
export type PoolRequest =
  | { type: "run"; runId: number; init: WorkerInit }
  | { type: "file"; runId: number; job: FileJob }
  | { type: "end"; runId: number };

export type FileOutcome = Extract<WorkerMessage, { type: "result" }> | { type: "lost"; reason: string };

export interface PoolRun {
  init: WorkerInit;
  /** At most this many of the pool's threads work on this run at once. */
  lanes: number;
  hardLimitMs: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * A thread's young generation: its garbage is almost all per-file nodes that die young, and
 * tree-sitter frees a tree's native memory only once its wrapper is collected. Measured on the
 * stdlib bench (heap limit 1536 MB): 8 and 16 MB were no faster beyond the run-to-run spread,
 * and 32 MB raised the peak to 361–413 MB.
 */
const NURSERY_MB = 4;
/**
 * A thread's JS heap: a file that needs more is reported skipped, and the process lives on.
 * The limit also sets how far V8 lets the heap grow past its live data before a full
 * collection: four times at 2 GB and above, under two below that. On the stdlib bench (two
 * threads, two runs each): peak RSS 455–657 MB at 2048, 302–311 MB at 1536, 292–294 MB at 1024,
 * with CPU time within the run-to-run spread at 1536 and a few percent more at 1024.
 */
export const WORKER_HEAP_MB = 1536;
/** An idle thread is stopped after this long, giving its memory back. */
const IDLE_MS = 30_000;

interface Thread {
  worker: Worker;
  /** Settles when the thread says it is ready; rejects if it dies first. */
  ready: Promise<void>;
  /** Runs whose settings this thread holds. */
  runs: Set<number>;
  /** Called with the thread's next answer, or why it died. */
  pending: ((outcome: WorkerMessage | { type: "died"; reason: string }) => void) | null;
  dead: boolean;
  idleTimer: NodeJS.Timeout | null;
}

export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly idle: Thread[] = [];
  private readonly waiters: ((thread: Thread) => void)[] = [];
  private nextRunId = 1;
  private started = 0;

  constructor(
    private readonly url: URL,
    readonly size: number,
  ) {}

  /** Analyses `jobs` on the pool and returns each job's outcome in job order. */
  async run(jobs: readonly QueuedJob[], plan: PoolRun): Promise<FileOutcome[]> {
    const runId = this.nextRunId++;
    const outcomes: FileOutcome[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    const lane = async (): Promise<void> => {
      while (next < jobs.length) {
        const thread = await this.acquire();
        if (next >= jobs.length) {
          this.release(thread);
          return;
        }
        const index = next++;
        let outcome: FileOutcome;
        try {
          outcome = await this.analyse(thread, runId, plan, jobs[index]!);
        } finally {
          this.release(thread);
        }
        outcomes[index] = outcome;
        plan.onProgress?.(++done, jobs.length);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.lanes, this.size)) }, lane));
    } finally {
      for (const thread of this.threads)
        if (thread.runs.delete(runId)) thread.worker.postMessage({ type: "end", runId } satisfies PoolRequest);
    }
    return outcomes;
  }

  /** Threads alive now, and started since the pool was made (a replaced thread counts again). */
  stats(): { alive: number; started: number } {
    return { alive: this.threads.length, started: this.started };
  }

  /** Stops every thread (tests, and a clean exit). */
  async close(): Promise<void> {
    await Promise.all([...this.threads].map((t) => this.kill(t)));
  }

  private async analyse(thread: Thread, runId: number, plan: PoolRun, queued: QueuedJob): Promise<FileOutcome> {
    try {
      await thread.ready;
    } catch (err) {
      throw new Error(`an analysis worker failed to start: ${(err as Error).message}`, { cause: err });
    }
    if (thread.dead) return { type: "lost", reason: "not analysed: the analysis stopped" };
    if (!thread.runs.has(runId)) {
      thread.worker.postMessage({ type: "run", runId, init: plan.init } satisfies PoolRequest);
      thread.runs.add(runId);
    }
    const answer = new Promise<WorkerMessage | { type: "died"; reason: string }>((resolve) => {
      thread.pending = resolve;
    });
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<{ type: "died"; reason: string }>((resolve) => {
      timer = setTimeout(
        () => resolve({ type: "died", reason: overBudgetReason(plan.init.budgetMs) }),
        plan.hardLimitMs,
      );
    });
    // A file's bytes are read only when a thread is free to take it.
    let job: FileJob;
    try {
      job = readJob(queued);
    } catch (err) {
      return { type: "lost", reason: `${UNREADABLE} ${(err as Error).message}` };
    }
    thread.worker.postMessage({ type: "file", runId, job } satisfies PoolRequest);
    const outcome = await Promise.race([answer, overrun]);
    clearTimeout(timer);
    thread.pending = null;
    if (outcome.type === "result") return outcome;
    if (outcome.type === "died") {
      void this.kill(thread);
      return { type: "lost", reason: outcome.reason };
    }
    void this.kill(thread);
    return { type: "lost", reason: "not analysed: the analysis answered out of turn" };
  }

  private acquire(): Promise<Thread> {
    const thread = this.idle.pop();
    if (thread) {
      if (thread.idleTimer) clearTimeout(thread.idleTimer);
      thread.idleTimer = null;
      thread.worker.ref();
      return Promise.resolve(thread);
    }
    if (this.threads.length < this.size) return Promise.resolve(this.start());
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(thread: Thread): void {
    // A dead thread's place goes to a fresh one, for whoever waits.
    const handOver = thread.dead ? (this.waiters.length ? this.start() : null) : thread;
    if (!handOver) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(handOver);
      return;
    }
    // Idle threads must not keep a CLI process alive, and are stopped after a while.
    handOver.worker.unref();
    handOver.idleTimer = setTimeout(() => void this.kill(handOver), IDLE_MS);
    handOver.idleTimer.unref();
    this.idle.push(handOver);
  }

  private start(): Thread {
    const worker = new Worker(this.url, {
      resourceLimits: { maxYoungGenerationSizeMb: NURSERY_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let markReady!: () => void;
    let failStart!: (err: Error) => void;
    const thread: Thread = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failStart = reject;
      }),
      runs: new Set(),
      pending: null,
      dead: false,
      idleTimer: null,
    };
    thread.ready.catch(() => undefined);
    let started = false;
    const die = (reason: string): void => {
      if (!started) failStart(new Error(reason));
      thread.pending?.({ type: "died", reason });
      thread.pending = null;
      void this.kill(thread);
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        started = true;
        markReady();
        return;
      }
      thread.pending?.(message);
    });
    worker.on("error", (err: Error & { code?: string }) =>
      die(
        err.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `not analysed: needs more than ${WORKER_HEAP_MB} MB of memory`
          : `not analysed: the analysis crashed (${err.message})`,
      ),
    );
    worker.on("exit", (code) => die(`not analysed: the analysis stopped (exit code ${code})`));
    this.threads.push(thread);
    this.started++;
    return thread;
  }

  private async kill(thread: Thread): Promise<void> {
    if (thread.dead) return;
    thread.dead = true;
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    this.threads.splice(this.threads.indexOf(thread), 1);
    const idleAt = this.idle.indexOf(thread);
    if (idleAt !== -1) this.idle.splice(idleAt, 1);
    await thread.worker.terminate();
  }
}

const pools = new Map<string, WorkerPool>();

/**
 * The process's pool for this worker script: PEPTALK_ENGINE_THREADS threads, default one per
 * core.
 */
export function sharedPool(url: URL, env: NodeJS.ProcessEnv = process.env): WorkerPool {
  let pool = pools.get(url.href);
  if (!pool) {
    const configured = Number(env["PEPTALK_ENGINE_THREADS"]);
    const size = Number.isInteger(configured) && configured > 0 ? configured : availableParallelism();
    pool = new WorkerPool(url, size);
    pools.set(url.href, pool);
  }
  return pool;
}

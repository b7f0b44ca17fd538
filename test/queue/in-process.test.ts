import { describe, expect, it } from "@jest/globals";
import { InProcessQueue } from "../../src/queue/in-process.js";
import { isTransient, reviewJobId, type ReviewJob } from "../../src/queue/types.js";

function job(number: number, headSha: string, owner = "o"): ReviewJob {
  return {
    installationId: 1,
    owner,
    repo: "r",
    number,
    headSha,
    baseSha: "base",
    deliveryId: `d-${number}-${headSha}`,
    checkRunId: number * 100,
    event: "pull_request.synchronize",
  };
}

/** A promise and the functions that settle it. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function recordingHooks() {
  const superseded: string[] = [];
  const interrupted: string[] = [];
  return {
    superseded,
    interrupted,
    hooks: {
      superseded: async (j: ReviewJob, newer: string) => void superseded.push(`${reviewJobId(j)}->${newer}`),
      interrupted: async (j: ReviewJob) => void interrupted.push(reviewJobId(j)),
    },
  };
}

describe("in-process review queue", () => {
  it("names a job by pull request and head, so a redelivery is the same job", async () => {
    const { hooks } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 1, hooks });
    expect(await queue.enqueue(job(1, "aaa"))).toEqual({ id: "o/r#1@aaa", added: true });
    expect(await queue.enqueue(job(1, "aaa"))).toEqual({ id: "o/r#1@aaa", added: false });
    expect(await queue.counts()).toEqual({ queued: 1, running: 0 });
  });

  it("runs at most `concurrency` reviews, and one per pull request", async () => {
    const { hooks } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 2, hooks });
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    queue.startWorker(async (j) => {
      started.push(reviewJobId(j));
      const gate = deferred();
      gates.set(reviewJobId(j), gate);
      await gate.promise;
    });
    await queue.enqueue(job(1, "a1"));
    await queue.enqueue(job(2, "b1"));
    await queue.enqueue(job(3, "c1"));
    await tick();
    expect(started).toEqual(["o/r#1@a1", "o/r#2@b1"]);
    expect(await queue.counts()).toEqual({ queued: 1, running: 2 });
    // PR 1 gets a newer head while its review runs: it waits for the running one.
    await queue.enqueue(job(1, "a2"));
    gates.get("o/r#2@b1")!.resolve();
    await tick();
    await tick();
    expect(started).toEqual(["o/r#1@a1", "o/r#2@b1", "o/r#3@c1"]);
    gates.get("o/r#1@a1")!.resolve();
    await tick();
    await tick();
    expect(started).toContain("o/r#1@a2");
  });

  it("drops a queued older head once a newer one is queued", async () => {
    const { hooks, superseded } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 1, hooks });
    await queue.enqueue(job(1, "old"));
    await queue.enqueue(job(1, "new"));
    expect(superseded).toEqual(["o/r#1@old->new"]);
    expect(await queue.counts()).toEqual({ queued: 1, running: 0 });
  });

  it("retries a transient failure with backoff, at most three attempts, and never a bad-input failure", async () => {
    const { hooks } = recordingHooks();
    const attempts: string[] = [];
    const queue = new InProcessQueue({ concurrency: 1, hooks, backoffMs: () => 1 });
    const finished = deferred();
    queue.startWorker(async (j, attempt) => {
      attempts.push(`${j.number}:${attempt.attempt}/${attempt.maxAttempts}`);
      if (j.number === 1) {
        if (attempt.attempt === 3) finished.resolve();
        throw Object.assign(new Error("Bad Gateway"), { status: 502 });
      }
      throw Object.assign(new Error("Not Found"), { status: 404 });
    });
    await queue.enqueue(job(2, "x"));
    await queue.enqueue(job(1, "y"));
    await finished.promise;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempts).toEqual(["2:1/3", "1:1/3", "1:2/3", "1:3/3"]);
  });

  it("on stop, lets running reviews finish within the grace period", async () => {
    const { hooks, interrupted } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 1, hooks });
    let finished = false;
    queue.startWorker(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    await queue.enqueue(job(1, "a"));
    await queue.enqueue(job(2, "b"));
    await tick();
    await queue.stop(5000);
    expect(finished).toBe(true);
    // The review that never started is handed back, so its check run is completed.
    expect(interrupted).toEqual(["o/r#2@b"]);
    await expect(queue.enqueue(job(3, "c"))).rejects.toThrow(/shutting down/);
  });

  it("after the grace period, aborts running reviews and hands them to `interrupted`", async () => {
    const { hooks, interrupted } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 2, hooks });
    let aborted = false;
    queue.startWorker(
      (_j, attempt) =>
        new Promise<void>((resolve) => {
          attempt.signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          });
        }),
    );
    await queue.enqueue(job(1, "a"));
    await tick();
    await queue.stop(10);
    expect(aborted).toBe(true);
    expect(interrupted).toEqual(["o/r#1@a"]);
  });

  it("refuses work past its bound instead of growing without limit", async () => {
    const { hooks } = recordingHooks();
    const queue = new InProcessQueue({ concurrency: 1, hooks, maxQueued: 2 });
    await queue.enqueue(job(1, "a"));
    await queue.enqueue(job(2, "a"));
    await expect(queue.enqueue(job(3, "a"))).rejects.toThrow(/queue is full/);
  });
});

describe("isTransient", () => {
  it.each([
    [{ status: 502 }, true],
    [{ status: 500 }, true],
    [{ code: "ECONNRESET" }, true],
    [{ status: 404 }, false],
    [{ status: 422 }, false],
    [new Error("config error"), false],
  ])("%p → %p", (err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});

// The BullMQ backend against a real Redis: dedupe, per-PR exclusivity across workers, and a
// worker process killed mid-review whose job another worker finishes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { BullQueue } from "../../src/queue/bullmq.js";
import type { QueueHooks, ReviewJob } from "../../src/queue/types.js";
import { describeWithRedis, REDIS_URL } from "../helpers/redis.js";
import { transpileForChild } from "../helpers/transpile.js";

const mode = await describeWithRedis("BullMQ queue tests");
const maybe = mode === "run" ? describe : describe.skip;

function job(number: number, headSha: string): ReviewJob {
  return {
    installationId: 1,
    owner: "o",
    repo: "r",
    number,
    headSha,
    baseSha: "base",
    deliveryId: `d-${number}-${headSha}`,
    checkRunId: number,
    event: "pull_request.synchronize",
  };
}

const noHooks: QueueHooks = { superseded: async () => undefined, interrupted: async () => undefined };

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

maybe("BullMQ review queue (real Redis)", () => {
  let redis: Redis;
  let prefix: string;
  const queues: BullQueue[] = [];
  const open = (options: Partial<ConstructorParameters<typeof BullQueue>[0]> = {}): BullQueue => {
    const queue = new BullQueue({ url: REDIS_URL, prefix, concurrency: 2, hooks: noHooks, ...options });
    queues.push(queue);
    return queue;
  };

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
  });
  beforeEach(() => {
    prefix = `peptalk-test-${process.pid}-${Date.now()}`;
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop(100)));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  });

  it("enqueues one job per pull request head, however often it is delivered", async () => {
    const queue = open();
    expect(await queue.enqueue(job(1, "aaa"))).toEqual({ id: "o/r#1@aaa", added: true });
    expect(await queue.enqueue(job(1, "aaa"))).toEqual({ id: "o/r#1@aaa", added: false });
    expect(await queue.enqueue(job(1, "bbb"))).toEqual({ id: "o/r#1@bbb", added: true });
    expect((await queue.counts()).queued).toBe(2);
    expect(await queue.ready()).toBe(true);
  });

  it("never reviews one pull request on two workers at once, and drops an older head", async () => {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const superseded: string[] = [];
    const hooks: QueueHooks = {
      superseded: async (j, newer) => void superseded.push(`${j.headSha}->${newer}`),
      interrupted: async () => undefined,
    };
    const processor = (name: string) => async (j: ReviewJob) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`${name}:${j.number}@${j.headSha}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      active--;
    };
    const producer = open({ hooks });
    const a = open({ hooks, concurrency: 2 });
    const b = open({ hooks, concurrency: 2 });
    // Two heads of PR 7 and one of PR 8: PR 7's first head is superseded before it starts.
    await producer.enqueue(job(7, "one"));
    await producer.enqueue(job(7, "two"));
    await producer.enqueue(job(8, "x"));
    a.startWorker(processor("a"));
    b.startWorker(processor("b"));
    await until(async () => log.length === 2 && superseded.length === 1 && (await producer.counts()).running === 0);
    expect(superseded).toEqual(["one->two"]);
    expect(log.map((l) => l.split(":")[1]).sort()).toEqual(["7@two", "8@x"]);
    expect(maxActive).toBeLessThanOrEqual(2);
  });

  it("serialises a pull request's reviews across workers with the per-PR lock", async () => {
    const spans: Record<string, [number, number]> = {};
    const processor = async (j: ReviewJob) => {
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 400));
      spans[j.headSha] = [start, Date.now()];
    };
    const a = open({ concurrency: 1 });
    const b = open({ concurrency: 1 });
    a.startWorker(processor);
    await a.enqueue(job(9, "first"));
    await until(async () => (await a.counts()).running === 1);
    // A newer head arrives while the first is reviewed; the other worker must wait for the lock.
    b.startWorker(processor);
    await b.enqueue(job(9, "second"));
    await until(async () => Object.keys(spans).length === 2, 20_000);
    expect(spans["second"]![0]).toBeGreaterThanOrEqual(spans["first"]![1]);
  });

  it("hands the job of a worker killed mid-review to another worker, which finishes it once", async () => {
    const child = transpileForChild([
      "src/queue/bullmq.ts",
      "src/queue/types.ts",
      "src/queue/in-process.ts",
      "test/queue/stall-worker.ts",
    ]);
    let worker: ChildProcess | null = null;
    try {
      const producer = open();
      await producer.enqueue(job(5, "abc"));
      worker = spawn(process.execPath, [join(child.dir, "test/queue/stall-worker.js"), REDIS_URL, prefix], {
        stdio: "ignore",
      });
      await until(async () => (await redis.lrange(`${prefix}:test-log`, 0, -1)).some((l) => l.startsWith("started:5")));
      worker.kill("SIGKILL");
      const completed: string[] = [];
      const survivor = open({ concurrency: 1, lockLeaseMs: 1000, jobLockMs: 1000, stalledIntervalMs: 500 });
      survivor.startWorker(async (j) => void completed.push(`${j.number}@${j.headSha}`));
      await until(async () => completed.length === 1 && (await producer.counts()).running === 0, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(completed).toEqual(["5@abc"]);
    } finally {
      worker?.kill("SIGKILL");
      child.cleanup();
    }
  }, 60_000);

  it("retries a 5xx failure and gives up at once on bad input", async () => {
    const attempts: string[] = [];
    const queue = open({ concurrency: 1, backoffMs: 10 });
    queue.startWorker(async (j, attempt) => {
      attempts.push(`${j.number}:${attempt.attempt}`);
      if (j.number === 1) throw Object.assign(new Error("Bad Gateway"), { status: 502 });
      throw Object.assign(new Error("config error"), { status: 422 });
    });
    await queue.enqueue(job(1, "a"));
    await queue.enqueue(job(2, "b"));
    await until(async () => attempts.length === 4 && (await queue.counts()).queued === 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts.filter((a) => a.startsWith("1:"))).toEqual(["1:1", "1:2", "1:3"]);
    expect(attempts.filter((a) => a.startsWith("2:"))).toEqual(["2:1"]);
  });
});

// A worker process for the stalled-job test: it takes a review, says so in Redis, and then
// hangs until it is killed, as a replica that dies mid-review would.
import { Redis } from "ioredis";
import { BullQueue } from "../../src/queue/bullmq.js";

const [url, prefix] = process.argv.slice(2) as [string, string];
const redis = new Redis(url);
const queue = new BullQueue({
  url,
  prefix,
  concurrency: 1,
  lockLeaseMs: 1000,
  jobLockMs: 1000,
  stalledIntervalMs: 500,
  hooks: { superseded: async () => undefined, interrupted: async () => undefined },
});
queue.startWorker(async (job) => {
  await redis.rpush(`${prefix}:test-log`, `started:${job.number}:${process.pid}`);
  await new Promise(() => undefined);
});

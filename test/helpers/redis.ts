// Real Redis for the queue tests. Where none answers, those tests are skipped with one line
// saying why, unless PEPTALK_REQUIRE_REDIS=1 (CI), where a missing Redis fails the run.
import { Redis } from "ioredis";

export const REDIS_URL = process.env["PEPTALK_TEST_REDIS_URL"] ?? "redis://127.0.0.1:6379";

export async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** `describe` when Redis answers; otherwise `describe.skip` and one line why (or a failure in CI). */
export async function describeWithRedis(name: string): Promise<"run" | "skip"> {
  if (await redisReachable()) return "run";
  const why = `${name}: skipped, no Redis at ${REDIS_URL} (start one, or set PEPTALK_TEST_REDIS_URL)`;
  if (process.env["PEPTALK_REQUIRE_REDIS"] === "1") throw new Error(`${why}; PEPTALK_REQUIRE_REDIS=1 requires it`);
  console.warn(why);
  return "skip";
}

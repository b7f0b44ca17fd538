// GET /health, /ready and /metrics over a real HTTP server, as Probot's addHandler serves them.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "@jest/globals";
import { Metrics, observabilityHandler } from "../../src/app/observability.js";
import { InProcessQueue } from "../../src/queue/in-process.js";
import type { ReviewJob } from "../../src/queue/types.js";

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(queue: InProcessQueue, metrics: Metrics): Promise<string> {
  const handle = observabilityHandler(queue, metrics);
  const server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

const job = (n: number): ReviewJob => ({
  installationId: 1,
  owner: "o",
  repo: "r",
  number: n,
  headSha: `sha${n}`,
  baseSha: "base",
  deliveryId: `d${n}`,
  checkRunId: null,
  event: "pull_request.opened",
});

describe("observability endpoints", () => {
  it("answers liveness, readiness and Prometheus metrics fed by the queue", async () => {
    const hooks = { superseded: async () => undefined, interrupted: async () => undefined };
    let queue: InProcessQueue | null = null;
    const metrics = new Metrics(async () => queue!.counts());
    queue = new InProcessQueue({ concurrency: 1, hooks, onEvent: metrics.onQueueEvent });
    const base = await serve(queue, metrics);

    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    queue.startWorker(async (j) => {
      if (j.number === 1) await blocked;
    });
    await queue.enqueue(job(1));
    await queue.enqueue(job(2));

    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ready", queue: "in-process" }]);
    const during = await (await fetch(`${base}/metrics`)).text();
    expect(during).toMatch(/^peptalk_jobs_running 1$/m);
    expect(during).toMatch(/^peptalk_jobs_queued 1$/m);

    release();
    await queue.idle();
    const after = await fetch(`${base}/metrics`);
    expect(after.headers.get("content-type")).toContain("text/plain");
    const text = await after.text();
    expect(text).toMatch(/^peptalk_jobs_completed_total 2$/m);
    expect(text).toMatch(/^peptalk_jobs_queued 0$/m);
    expect(text).toMatch(/^peptalk_review_duration_seconds_count 2$/m);
    expect(text).toMatch(/^peptalk_process_resident_memory_bytes \d+$/m);

    // A stopping process is not ready: the load balancer stops sending it deliveries.
    await queue.stop(0);
    const stopping = await fetch(`${base}/ready`);
    expect(stopping.status).toBe(503);
    // Anything else is left to Probot's other handlers.
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});

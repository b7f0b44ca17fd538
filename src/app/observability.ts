// What an operator watches: liveness, readiness and Prometheus metrics, served on the App's
// own HTTP server (Probot's addHandler) next to the webhook endpoint.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { QueueEvent } from "../queue/in-process.js";
import type { QueueCounts, ReviewQueue } from "../queue/types.js";

export class Metrics {
  readonly registry = new Registry();
  readonly jobsCompleted = new Counter({
    name: "peptalk_jobs_completed_total",
    help: "Reviews completed",
    registers: [this.registry],
  });
  readonly jobsFailed = new Counter({
    name: "peptalk_jobs_failed_total",
    help: "Review attempts that failed, by whether they will be retried",
    labelNames: ["retrying"],
    registers: [this.registry],
  });
  readonly jobsSuperseded = new Counter({
    name: "peptalk_jobs_superseded_total",
    help: "Queued reviews dropped because a newer head of the same pull request arrived",
    registers: [this.registry],
  });
  readonly reviewDuration = new Histogram({
    name: "peptalk_review_duration_seconds",
    help: "Time from a worker taking a review to its completion",
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers: [this.registry],
  });
  readonly githubRequests = new Counter({
    name: "peptalk_github_requests_total",
    help: "Requests to GitHub, by response status (0: no response)",
    labelNames: ["status"],
    registers: [this.registry],
  });
  readonly engineFiles = new Counter({
    name: "peptalk_engine_files_total",
    help: "Python files the engine analysed",
    registers: [this.registry],
  });
  readonly engineSeconds = new Counter({
    name: "peptalk_engine_seconds_total",
    help: "Time the engine spent analysing them (files/s = rate(files) / rate(seconds))",
    registers: [this.registry],
  });

  /** `counts` reads the queue's depth when metrics are scraped. */
  constructor(counts: () => Promise<QueueCounts>) {
    collectDefaultMetrics({ register: this.registry, prefix: "peptalk_" });
    new Gauge({
      name: "peptalk_jobs_queued",
      help: "Reviews waiting for a worker",
      registers: [this.registry],
      async collect() {
        this.set((await counts().catch(() => ({ queued: NaN }))).queued);
      },
    });
    new Gauge({
      name: "peptalk_jobs_running",
      help: "Reviews running now",
      registers: [this.registry],
      async collect() {
        this.set((await counts().catch(() => ({ running: NaN }))).running);
      },
    });
  }

  /** Feeds the queue's events into the counters. */
  readonly onQueueEvent = (event: QueueEvent): void => {
    if (event.type === "completed") {
      this.jobsCompleted.inc();
      this.reviewDuration.observe(event.seconds);
    } else if (event.type === "failed") this.jobsFailed.inc({ retrying: String(event.retrying) });
    else this.jobsSuperseded.inc();
  };
}

/** GET /health, /ready and /metrics; anything else is left to Probot's other handlers. */
export function observabilityHandler(queue: ReviewQueue, metrics: Metrics) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET") return false;
    const path = (req.url ?? "").split("?")[0];
    if (path === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return true;
    }
    if (path === "/ready") {
      const ready = await queue.ready();
      res
        .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify({ status: ready ? "ready" : "not ready", queue: queue.backend }));
      return true;
    }
    if (path === "/metrics") {
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
      return true;
    }
    return false;
  };
}

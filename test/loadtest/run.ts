// `npm run loadtest`: the App under a burst, end to end, on this machine only.
//
// Scenario 1 (Redis): two app processes (web + worker roles in each) on one Redis, behind a
// round-robin splitter, against a local fake GitHub answering in 30 ms. 20 pull requests of
// 50 Python files each are opened within one second; one replica is killed (SIGKILL) mid-run.
// Every PR must get exactly one review and one completed check run.
// Scenario 2 (in process): the same burst against one replica without Redis, stopped with
// SIGTERM mid-burst: no check run may be left queued or in progress.
//
// Prints a markdown report (the figures docs/operations.md quotes).
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { FakeGitHub } from "./fake-github.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PRS = Number(process.env["LOADTEST_PRS"] ?? 20);
const FILES_PER_PR = Number(process.env["LOADTEST_FILES"] ?? 50);
const LATENCY_MS = 30;
const SECRET = "loadtest-secret";
const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const DEADLINE_MS = 10 * 60_000;

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  peakRssMb: number;
  exited: Promise<number | null>;
}

/** Python sources to review: real stdlib modules, a different slice per pull request. */
function pythonCorpus(count: number): string[] {
  const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
    .toString()
    .trim();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (out.length >= count) return;
      if (name === "test" || name === "tests" || name === "site-packages" || name.startsWith("idlelib")) continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith(".py") && stat.size < 60_000) out.push(readFileSync(path, "utf8"));
    }
  };
  walk(stdlib);
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  return freePort().then(
    (port) =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [join(ROOT, "node_modules/probot/bin/probot.js"), "run", "./dist/src/index.js"],
          {
            cwd: ROOT,
            env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
            stdio: ["ignore", "inherit", "inherit"],
          },
        );
        const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
        const replica: Replica = { name, port, child, peakRssMb: 0, exited };
        const started = Date.now();
        const poll = (): void => {
          const req = request({ host: "127.0.0.1", port, path: "/health" }, (res) => {
            res.resume();
            if (res.statusCode === 200) resolve(replica);
            else setTimeout(poll, 200);
          });
          req.on("error", () =>
            Date.now() - started > 30_000 ? reject(new Error(`${name} did not start`)) : setTimeout(poll, 200),
          );
          req.end();
        };
        poll();
      }),
  );
}

/** Peak RSS from the kernel's high-water mark (VmHWM), sampled until the process exits. */
function samplePeakRss(replica: Replica): () => void {
  const read = (): void => {
    try {
      const status = readFileSync(`/proc/${replica.child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      replica.peakRssMb = Math.max(replica.peakRssMb, Math.round(kb / 1024));
    } catch {
      // gone
    }
  };
  const timer = setInterval(read, 250);
  return () => {
    read();
    clearInterval(timer);
  };
}

/** A round-robin splitter that skips a replica that does not answer, as a load balancer would. */
function splitter(replicas: () => Replica[]): Promise<{ server: Server; port: number }> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const tryReplica = (attempt: number): void => {
        const live = replicas();
        if (attempt >= live.length || live.length === 0) {
          res.writeHead(502).end();
          return;
        }
        const target = live[next++ % live.length]!;
        const upstream = request(
          { host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on("error", () => tryReplica(attempt + 1));
        upstream.end(body);
      };
      tryReplica(0);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    }),
  );
}

function deliver(port: number, github: FakeGitHub, number: number): Promise<number> {
  const pr = github.pulls.get(number)!;
  const body = JSON.stringify({
    action: "opened",
    number,
    installation: { id: 1 },
    repository: {
      id: 1,
      name: github.repo,
      full_name: `${github.owner}/${github.repo}`,
      owner: { login: github.owner },
    },
    pull_request: {
      number,
      state: "open",
      draft: false,
      changed_files: Object.keys(pr.files).length,
      head: { sha: pr.headSha, ref: `feature-${number}` },
      base: { sha: pr.baseSha, ref: "main" },
    },
  });
  const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/github/webhooks",
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": signature,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function setUpPulls(github: FakeGitHub, prs = PRS, filesPerPr = FILES_PER_PR): void {
  const corpus = pythonCorpus(prs * filesPerPr);
  for (let n = 1; n <= prs; n++) {
    const files: Record<string, string> = {};
    for (let i = 0; i < filesPerPr; i++)
      files[`pkg${n}/mod_${i}.py`] = corpus[((n - 1) * filesPerPr + i) % corpus.length]!;
    github.addPull({
      number: n,
      headSha: `head${String(n).padStart(36, "0")}`,
      baseSha: "base".padEnd(40, "0"),
      files,
    });
  }
}

function appEnv(githubPort: number, extra: Record<string, string>): Record<string, string> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: `127.0.0.1:${githubPort}`,
    GHE_PROTOCOL: "http",
    NODE_ENV: "production",
    ...extra,
  };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

interface Outcome {
  lines: string[];
  ok: boolean;
}

function tally(github: FakeGitHub): { reviewsPerPr: number[]; completedPerPr: number[]; open: number } {
  const reviewsPerPr: number[] = [];
  const completedPerPr: number[] = [];
  for (const pr of github.pulls.values()) {
    reviewsPerPr.push(github.reviews.filter((r) => r.number === pr.number).length);
    completedPerPr.push(github.checkRuns.filter((r) => r.headSha === pr.headSha && r.status === "completed").length);
  }
  const open = github.checkRuns.filter((r) => r.status !== "completed").length;
  return { reviewsPerPr, completedPerPr, open };
}

async function redisScenario(): Promise<Outcome> {
  const github = new FakeGitHub(LATENCY_MS);
  setUpPulls(github);
  const githubPort = await github.listen();
  const env = appEnv(githubPort, { REDIS_URL, PEPTALK_QUEUE_PREFIX: `loadtest-${Date.now()}` });
  const a = await startReplica("replica A", env);
  const b = await startReplica("replica B", env);
  const stops = [samplePeakRss(a), samplePeakRss(b)];
  let killed = false;
  const { server, port } = await splitter(() => (killed ? [a] : [a, b]));
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: PRS }, (_, i) =>
      new Promise<number>((resolve) => setTimeout(resolve, Math.floor((i * 1000) / PRS))).then(() =>
        deliver(port, github, i + 1),
      ),
    ),
  );
  // Kill B once reviews are under way (some check runs completed, others running).
  await until(() => github.checkRuns.filter((r) => r.status === "completed").length >= 3, DEADLINE_MS);
  stops[1]!();
  b.child.kill("SIGKILL");
  killed = true;
  const done = await until(() => tally(github).completedPerPr.every((c) => c >= 1), DEADLINE_MS);
  const elapsed = (Date.now() - started) / 1000;
  // Let any late duplicate show itself before counting.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  stops[0]!();
  a.child.kill("SIGTERM");
  await a.exited;
  server.close();
  await github.close();
  const t = tally(github);
  const exactlyOnce = t.reviewsPerPr.every((n) => n === 1) && t.completedPerPr.every((n) => n === 1);
  return {
    ok: done && exactlyOnce && statuses.every((s) => s >= 200 && s < 300),
    lines: [
      `### Two replicas on Redis, one killed mid-run`,
      ``,
      `| | |`,
      `|---|---|`,
      `| pull requests (files each) | ${PRS} (${FILES_PER_PR}) |`,
      `| webhook answers | ${statuses.join(", ")} |`,
      `| reviews per PR | ${t.reviewsPerPr.join(" ")} |`,
      `| completed check runs per PR | ${t.completedPerPr.join(" ")} |`,
      `| check runs left open | ${t.open} |`,
      `| every PR reviewed exactly once | ${exactlyOnce ? "yes" : "NO"} |`,
      `| first webhook to last completion | ${elapsed.toFixed(1)} s |`,
      `| peak RSS, replica A / replica B (killed) | ${a.peakRssMb} MB / ${b.peakRssMb} MB |`,
      `| peak writes per minute (GitHub allows 80) | ${github.peakWritesPerMinute()} |`,
      `| requests to GitHub | ${github.requests} |`,
      github.unknown.length ? `| routes the fake did not know | ${[...new Set(github.unknown)].join(", ")} |` : ``,
    ].filter((l, i, all) => l !== "" || i < all.length - 1),
  };
}

async function inProcessScenario(): Promise<Outcome> {
  const github = new FakeGitHub(LATENCY_MS);
  setUpPulls(github);
  const githubPort = await github.listen();
  const replica = await startReplica("in-process replica", appEnv(githubPort, {}));
  const stop = samplePeakRss(replica);
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: PRS }, (_, i) =>
      new Promise<number>((resolve) => setTimeout(resolve, Math.floor((i * 1000) / PRS))).then(() =>
        deliver(replica.port, github, i + 1),
      ),
    ),
  );
  await until(() => github.checkRuns.filter((r) => r.status === "completed").length >= 3, DEADLINE_MS);
  replica.child.kill("SIGTERM");
  const code = await replica.exited;
  stop();
  const elapsed = (Date.now() - started) / 1000;
  await github.close();
  const t = tally(github);
  const interrupted = github.checkRuns.filter((r) => /interrupted/i.test(r.title ?? "")).length;
  return {
    ok: t.open === 0 && replica.peakRssMb < 600,
    lines: [
      `### One in-process replica, SIGTERM mid-burst`,
      ``,
      `| | |`,
      `|---|---|`,
      `| webhook answers | ${statuses.join(", ")} |`,
      `| check runs completed before the stop / interrupted by it | ${github.checkRuns.length - interrupted} / ${interrupted} |`,
      `| check runs left queued or in progress | ${t.open} |`,
      `| exit code after SIGTERM | ${code} |`,
      `| first webhook to exit | ${elapsed.toFixed(1)} s |`,
      `| peak RSS | ${replica.peakRssMb} MB (bound: 600 MB) |`,
      `| peak writes per minute | ${github.peakWritesPerMinute()} |`,
    ],
  };
}

/**
 * Issue 12's big pull request: 300 files reviewed by one in-process replica at 30 ms per
 * request. Target: complete in under 15 s, annotating the findings the gate counts plus a capped
 * number of others (the rest are counted in the summary) instead of ~1,000 annotations in 20
 * spaced PATCH requests.
 */
async function bigPullRequestScenario(): Promise<Outcome> {
  const files = Number(process.env["LOADTEST_BIG_FILES"] ?? 300);
  const github = new FakeGitHub(LATENCY_MS);
  setUpPulls(github, 1, files);
  const githubPort = await github.listen();
  const replica = await startReplica("big-PR replica", appEnv(githubPort, {}));
  const stop = samplePeakRss(replica);
  const started = Date.now();
  const status = await deliver(replica.port, github, 1);
  const done = await until(() => github.checkRuns.some((r) => r.status === "completed"), DEADLINE_MS);
  const elapsed = (Date.now() - started) / 1000;
  stop();
  replica.child.kill("SIGTERM");
  await replica.exited;
  await github.close();
  const run = github.checkRuns.find((r) => r.status === "completed");
  const review = github.reviews[0];
  if (process.env["LOADTEST_TRACE"])
    for (const t of github.trace) console.error(`${((t.at - started) / 1000).toFixed(2)} s ${t.method} ${t.path}`);
  return {
    ok: done && elapsed < 15,
    lines: [
      `### One pull request of ${files} files, one in-process replica`,
      ``,
      `| | |`,
      `|---|---|`,
      `| webhook answer | ${status} |`,
      `| webhook to completed check run | ${elapsed.toFixed(1)} s (target: under 15 s) |`,
      `| check run updates (PATCH) / annotations sent | ${run?.patches ?? 0} / ${run?.annotations ?? 0} |`,
      `| conclusion, title | ${run?.conclusion ?? "none"}, ${run?.title ?? ""} |`,
      `| review comments | ${review?.comments ?? 0} |`,
      `| requests to GitHub / writes | ${github.requests} / ${github.writes.length} |`,
      `| peak RSS | ${replica.peakRssMb} MB |`,
    ],
  };
}

const only = process.env["LOADTEST_ONLY"];
const scenarios = { redis: redisScenario, "in-process": inProcessScenario, "big-pr": bigPullRequestScenario };
const results: Outcome[] = [];
for (const [name, scenario] of Object.entries(scenarios)) if (!only || only === name) results.push(await scenario());
console.log(
  `## Load test (${new Date().toISOString().slice(0, 10)}, ${PRS} PRs × ${FILES_PER_PR} files, ${LATENCY_MS} ms GitHub)\n`,
);
for (const r of results) console.log(r.lines.join("\n") + "\n");
process.exit(results.every((r) => r.ok) ? 0 : 1);

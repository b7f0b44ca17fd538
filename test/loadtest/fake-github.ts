// A local stand-in for GitHub (REST under /api/v3, GraphQL under /api/graphql, as GitHub
// Enterprise serves them), holding repositories, pull requests, check runs and reviews in
// memory. Every answer waits `latencyMs`, like a real round trip. It records every write so a
// load test can count reviews, check runs and writes per minute.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";

export interface FakePullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  /** Head files (path → text); base has none of them (every file is added). */
  files: Record<string, string>;
}

export interface CheckRunRecord {
  id: number;
  headSha: string;
  externalId: string | null;
  status: string;
  conclusion: string | null;
  title: string | null;
  patches: number;
  /** Annotations sent over all updates of the run. */
  annotations: number;
  /** When the run was created and completed (ms since the epoch). */
  createdAt: number;
  completedAt: number | null;
}

export interface Write {
  at: number;
  method: string;
  path: string;
}

export class FakeGitHub {
  readonly owner = "acme";
  readonly repo = "monorepo";
  readonly pulls = new Map<number, FakePullRequest>();
  readonly checkRuns: CheckRunRecord[] = [];
  readonly reviews: { number: number; commitId: string; comments: number; body: string }[] = [];
  /** Inline comments posted with reviews: served back as review threads, as GitHub does. */
  private readonly threads: { number: number; path: string; body: string }[] = [];
  readonly writes: Write[] = [];
  readonly unknown: string[] = [];
  /** Every request: when it arrived and what it was (LOADTEST_TRACE prints them). */
  readonly trace: { at: number; method: string; path: string }[] = [];
  /** Requests served so far. */
  get requests(): number {
    return this.trace.length;
  }
  private server: Server | null = null;
  private blobs = new Map<string, string>();

  constructor(private readonly latencyMs: number) {}

  addPull(pr: FakePullRequest): void {
    this.pulls.set(pr.number, pr);
    for (const text of Object.values(pr.files)) this.blobs.set(blobSha(text), text);
  }

  async listen(): Promise<number> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : 0;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The highest number of writes in any 60-second window. */
  peakWritesPerMinute(): number {
    const times = this.writes.map((w) => w.at).sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 60_000) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.trace.push({ at: Date.now(), method: req.method ?? "", path: (req.url ?? "").split("?")[0]! });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, any>) : {};
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(data));
    };
    if (method !== "GET" && !(url.pathname === "/api/graphql" && !/^\s*mutation/.test(String(body["query"]))))
      this.writes.push({ at: Date.now(), method, path: url.pathname });

    if (url.pathname === "/api/graphql")
      return send(200, {
        data: this.graphql(String(body["query"]), (body["variables"] ?? {}) as Record<string, unknown>),
      });
    const path = url.pathname.replace(/^\/api\/v3/, "");
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;

    if ((m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path)))
      return send(201, { token: "fake-token", expires_at: new Date(Date.now() + 3600_000).toISOString() });
    if (path.startsWith(`/repos/${this.owner}/.github/`)) return send(404, { message: "Not Found" });
    if (!path.startsWith(repoPrefix)) return this.notFound(method, path, send);
    const rest = path.slice(repoPrefix.length);

    if (/^\/contents\//.test(rest)) return send(404, { message: "Not Found" });
    if ((m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pr = this.pulls.get(Number(m[1]));
      return pr ? send(200, this.pullJson(pr)) : send(404, { message: "Not Found" });
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
      const pr = this.pulls.get(Number(m[1]));
      if (!pr) return send(404, { message: "Not Found" });
      const page = Number(url.searchParams.get("page") ?? 1);
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const all = Object.entries(pr.files).map(([filename, text]) => ({
        filename,
        status: "added",
        sha: blobSha(text),
        patch: `@@ -0,0 +1,${text.split("\n").length - (text.endsWith("\n") ? 1 : 0)} @@\n${text
          .replace(/\n$/, "")
          .split("\n")
          .map((l) => `+${l}`)
          .join("\n")}`,
      }));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.ceil(all.length / perPage);
      const headers: Record<string, string> =
        page < last
          ? { link: `<http://${req.headers.host}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"` }
          : {};
      return send(200, slice, headers);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const number = Number(m[1]);
      if (method === "POST") {
        const comments = (body["comments"] ?? []) as { path: string; body: string }[];
        this.reviews.push({
          number,
          commitId: String(body["commit_id"]),
          comments: comments.length,
          body: String(body["body"] ?? ""),
        });
        for (const c of comments) this.threads.push({ number, path: c.path, body: c.body });
        return send(200, { id: this.reviews.length, body: body["body"] });
      }
      const mine = this.reviews.filter((r) => r.number === number);
      return send(
        200,
        mine.map((r, i) => ({ id: i + 1, body: r.body, commit_id: r.commitId })),
      );
    }
    if (/^\/pulls\/(\d+)\/comments$/.test(rest)) return send(200, []);
    if ((m = /^\/git\/trees\/([^/]+)$/.exec(rest))) {
      const pr = [...this.pulls.values()].find((p) => p.headSha === m![1] || p.baseSha === m![1]);
      const files = pr && pr.headSha === m[1] ? pr.files : {};
      return send(200, {
        sha: m[1],
        truncated: false,
        tree: Object.entries(files).map(([p, text]) => ({
          path: p,
          type: "blob",
          sha: blobSha(text),
          size: text.length,
        })),
      });
    }
    if ((m = /^\/git\/blobs\/([^/]+)$/.exec(rest))) {
      const text = this.blobs.get(m[1]!);
      return text === undefined
        ? send(404, { message: "Not Found" })
        : send(200, { sha: m[1], encoding: "base64", content: Buffer.from(text).toString("base64") });
    }
    if (rest === "/check-runs" && method === "POST") {
      const run: CheckRunRecord = {
        id: this.checkRuns.length + 1,
        headSha: String(body["head_sha"]),
        externalId: (body["external_id"] as string | undefined) ?? null,
        status: String(body["status"] ?? "queued"),
        conclusion: null,
        title: null,
        patches: 0,
        annotations: 0,
        createdAt: Date.now(),
        completedAt: null,
      };
      this.checkRuns.push(run);
      return send(201, { id: run.id, status: run.status });
    }
    if ((m = /^\/tarball\/([^/]+)$/.exec(rest))) {
      // `git archive` of the commit, as codeload serves it (GitHub redirects there).
      const pr = [...this.pulls.values()].find((p) => p.headSha === m![1] || p.baseSha === m![1]);
      const files = pr && pr.headSha === m[1] ? pr.files : {};
      const archive = await tarGz(`${this.owner}-${this.repo}-${m[1]!.slice(0, 7)}`, files);
      res.writeHead(200, { "content-type": "application/x-gzip" }).end(archive);
      return;
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === "PATCH") {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(404, { message: "Not Found" });
      run.patches++;
      run.annotations += (body["output"]?.["annotations"] ?? []).length;
      if (body["status"]) run.status = String(body["status"]);
      if (body["conclusion"]) {
        run.conclusion = String(body["conclusion"]);
        run.status = "completed";
        run.completedAt = Date.now();
      }
      if (body["output"]?.["title"]) run.title = String(body["output"]["title"]);
      return send(200, { id: run.id });
    }
    if ((m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const runs = this.checkRuns.filter((r) => r.headSha === m![1]);
      return send(200, {
        total_count: runs.length,
        check_runs: runs.map((r) => ({
          id: r.id,
          name: "peptalk",
          head_sha: r.headSha,
          external_id: r.externalId,
          status: r.status,
          conclusion: r.conclusion,
        })),
      });
    }
    return this.notFound(method, path, send);
  }

  private notFound(method: string, path: string, send: (s: number, d: unknown) => void): void {
    this.unknown.push(`${method} ${path}`);
    send(404, { message: "Not Found (fake GitHub)" });
  }

  private pullJson(pr: FakePullRequest): Record<string, unknown> {
    return {
      number: pr.number,
      state: "open",
      draft: false,
      changed_files: Object.keys(pr.files).length,
      head: { sha: pr.headSha, ref: `feature-${pr.number}`, repo: { full_name: `${this.owner}/${this.repo}` } },
      base: { sha: pr.baseSha, ref: "main", repo: { full_name: `${this.owner}/${this.repo}` } },
    };
  }

  /** Blob batches (`fN: object(expression: "sha:path")`), review threads, thread resolution. */
  private graphql(query: string, variables: Record<string, unknown>): unknown {
    if (/^\s*mutation/.test(query)) return {};
    if (query.includes("reviewThreads")) {
      const nodes = this.threads
        .map((t, i) => ({ ...t, i }))
        .filter((t) => t.number === Number(variables["number"]))
        .map((t) => ({
          id: `thread-${t.i}`,
          isResolved: false,
          path: t.path,
          comments: { nodes: [{ databaseId: t.i + 1, body: t.body }] },
        }));
      return {
        repository: {
          pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } },
        },
      };
    }
    const repository: Record<string, unknown> = {};
    for (const [, alias, sha, path] of query.matchAll(/(\w+): object\(expression: "([^":]+):((?:[^"\\]|\\.)*)"\)/g)) {
      const pr = [...this.pulls.values()].find((p) => p.headSha === sha);
      const text = pr?.files[JSON.parse(`"${path}"`) as string];
      repository[alias!] =
        text === undefined
          ? null
          : { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false, oid: blobSha(text) };
    }
    return { repository };
  }
}

function blobSha(text: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");
}

/** A gzipped tarball of `files` under one top folder, as GitHub's archives are laid out. */
async function tarGz(top: string, files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [path, text] of Object.entries(files)) pack.entry({ name: `${top}/${path}` }, text);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

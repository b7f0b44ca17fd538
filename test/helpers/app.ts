// Drives the real app through Probot with nock: real webhook payloads from
// @octokit/webhooks-examples, every GitHub request intercepted and asserted.
import { afterEach, beforeEach } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import peptalk, { whenIdle } from "../../src/app/index.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const API = "https://api.github.com";
export const REPO = "/repos/Codertocat/Hello-World";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** Retries wait milliseconds here, not seconds. */
export const TEST_ENV = { ...process.env, PEPTALK_RETRY_BACKOFF_MS: "5" };

export function createProbot(env: NodeJS.ProcessEnv = TEST_ENV): Probot {
  const probot = new Probot({
    appId: 123,
    privateKey,
    logLevel: "fatal",
    // Retries and throttling are exercised by the app's own wrapper; here they would only slow tests.
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  void probot.load((app, options) => peptalk(app, options, env));
  return probot;
}

/** A webhook example payload (deep-copied), with an installation added when it has none. */
export function payload(event: string, action: string, index = 0): Record<string, any> {
  const list = examples.find((e) => e.name === event)!.examples.filter((e) => e["action"] === action);
  const copy = structuredClone(list[index]!) as Record<string, any>;
  copy["installation"] ??= { id: 1 };
  return copy;
}

let deliveries = 0;
export function deliveryId(): string {
  return `delivery-${++deliveries}-${Date.now()}`;
}

/**
 * The installation token every handler starts with, and the PATCH a worker sends when it takes a
 * queued review (status in_progress, nothing else): answered whenever it comes.
 */
export function mockAuth(scope: nock.Scope): nock.Scope {
  // Probot caches the token for an hour, so a second delivery may not ask again.
  scope
    .patch(
      new RegExp(`^${REPO}/check-runs/\\d+$`),
      (b) => b.status === "in_progress" && b.conclusion === undefined && b.output === undefined,
    )
    .optionally()
    .times(20)
    .reply(200, {});
  return scope
    .post("/app/installations/1/access_tokens")
    .optionally()
    .reply(201, { token: "test-token", permissions: {} });
}

/** Waits until the app's review queue has run every job the deliveries queued. */
export { metricsText, whenIdle } from "../../src/app/index.js";

/** Registers hooks: no real network during each test, and every interceptor dropped after it. */
export function offlineNock(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

export type AppEvent = "pull_request" | "check_run" | "check_suite";

/** The app under test: a fresh Probot for each test. */
export interface TestApp {
  readonly probot: Probot;
  /** Hands the app a webhook delivery, without waiting for the review it queues. */
  receive(event: AppEvent, body: Record<string, unknown>, id?: string): Promise<void>;
  /** Hands the app a webhook delivery and waits until its queue has run every job. */
  deliver(event: AppEvent, body: Record<string, unknown>, id?: string): Promise<void>;
}

/** Registers the hooks of `offlineNock` and a fresh Probot for each test (call at module level). */
export function useTestApp(): TestApp {
  offlineNock();
  let probot: Probot | undefined;
  beforeEach(() => {
    probot = createProbot();
  });
  const app: TestApp = {
    get probot() {
      return probot!;
    },
    async receive(event, body, id = deliveryId()) {
      await app.probot.receive({ id, name: event, payload: body } as never);
    },
    async deliver(event, body, id = deliveryId()) {
      await app.receive(event, body, id);
      await whenIdle(app.probot);
    },
  };
  return app;
}

/** `.github/peptalk.yml`: absent in the repo and in the owner's `.github` repo (Probot's lookup). */
export function mockNoConfig(scope: nock.Scope): nock.Scope {
  return scope
    .get(`${REPO}/contents/.github%2Fpeptalk.yml`)
    .reply(404)
    .get("/repos/Codertocat/.github/contents/.github%2Fpeptalk.yml")
    .reply(404);
}

export function mockConfig(scope: nock.Scope, yaml: string): nock.Scope {
  return scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).reply(200, yaml);
}

export { nock };

/** The look-up for an unfinished peptalk check run on the head commit, before creating one: none. */
export function mockNoOpenCheckRun(scope: nock.Scope, sha: string, times = 1): nock.Scope {
  return scope
    .get(`${REPO}/commits/${sha}/check-runs`)
    .query({ check_name: "peptalk", filter: "all", per_page: 100 })
    .times(times)
    .reply(200, { total_count: 0, check_runs: [] });
}

/** A GraphQL `Blob` as `fetch-contents` asks for it; `byteSize` is the UTF-8 length. */
export function blobNode(text: string, oid: string): Record<string, unknown> {
  return { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false, oid };
}

/** The answer to a `reviewThreads` query: one page holding `nodes`. */
export function reviewThreadsAnswer(nodes: unknown[]): Record<string, unknown> {
  return {
    data: {
      repository: {
        pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } },
      },
    },
  };
}

/** Blob texts by expression (`"<sha>:<path>"`), or a function of the expression that may also return a whole node. */
export type BlobContents =
  Record<string, string> | ((expression: string) => string | Record<string, unknown> | undefined);

/**
 * The answer to a blob query (`fN: object(expression: "<sha>:<path>")`, the expression a JSON
 * string as `fetch-contents` writes it): each alias gets its text from `contents`, null when absent.
 * Returns the expressions asked too, in query order.
 */
export function blobsAnswer(
  query: string,
  contents: BlobContents,
  oid: string,
): { answer: { data: { repository: Record<string, unknown> } }; asked: string[] } {
  const repository: Record<string, unknown> = {};
  const asked: string[] = [];
  for (const m of query.matchAll(/(f\d+): object\(expression: ("(?:[^"\\]|\\.)*")\)/g)) {
    const expression = JSON.parse(m[2]!) as string;
    asked.push(expression);
    const found = typeof contents === "function" ? contents(expression) : contents[expression];
    repository[m[1]!] = found === undefined ? null : typeof found === "string" ? blobNode(found, oid) : found;
  }
  return { answer: { data: { repository } }, asked };
}

export interface GraphqlSetup {
  contents: BlobContents;
  /** Review threads shown on the pull request; a function is read at each query. Default none. */
  threads?: unknown[] | (() => unknown[]);
  /** Without it, a `resolveReviewThread` mutation is answered as a blob query (nothing to resolve). */
  answerResolve?: boolean;
  /** Records each query's kind: "resolve", "threads" or "blobs". */
  calls?: string[];
  /** Records the expressions of each blob query. */
  blobQueries?: string[][];
  /** Records the thread ids each resolve mutation names. */
  resolved?: string[];
  /** The blob `oid` answered ("abc" by default). */
  oid?: string;
  /** How many queries it answers (10 by default). */
  times?: number;
  /** Whether the test may end with answers left over (true by default). */
  optional?: boolean;
}

/** Answers GitHub's GraphQL endpoint: blob queries from `contents`, thread queries from `threads`. */
export function mockGraphql(scope: nock.Scope, s: GraphqlSetup): nock.Scope {
  const interceptor = scope.post("/graphql").times(s.times ?? 10);
  if (s.optional ?? true) interceptor.optionally();
  return interceptor.reply(200, (_uri, body) => {
    const query = String((body as { query: string }).query);
    const answerResolve = (s.answerResolve ?? true) && query.includes("resolveReviewThread");
    if (answerResolve) {
      s.calls?.push("resolve");
      for (const m of query.matchAll(/threadId: "([^"]+)"/g)) s.resolved?.push(m[1]!);
      return { data: {} };
    }
    if (query.includes("reviewThreads")) {
      s.calls?.push("threads");
      return reviewThreadsAnswer(typeof s.threads === "function" ? s.threads() : (s.threads ?? []));
    }
    s.calls?.push("blobs");
    const { answer, asked } = blobsAnswer(query, s.contents, s.oid ?? "abc");
    s.blobQueries?.push(asked);
    return answer;
  });
}

/**
 * Answers PATCH `check-runs/{id}` (`times` times, 200) for bodies `when` accepts (any by
 * default); `body` holds the last one it answered: the completion, after annotation batches.
 */
export function captureCheckRun(
  scope: nock.Scope,
  { id = 7, times = 1, when }: { id?: number; times?: number; when?: (body: any) => boolean } = {},
): { body?: any } {
  const holder: { body?: any } = {};
  scope
    .patch(`${REPO}/check-runs/${id}`, (b) => (when?.(b) ?? true) && ((holder.body = b), true))
    .times(times)
    .reply(200, {});
  return holder;
}

/**
 * The requests a review starts with, answered on a new scope: the token, the look-up for an open
 * check run on `head` (none), the check run created as 7, no `.github/peptalk.yml`, and, given
 * `files`, the pull request's file listing.
 */
export function mockReviewStart(head: string, files?: unknown[]): nock.Scope {
  const scope = nock(API);
  mockAuth(scope);
  mockNoOpenCheckRun(scope, head);
  scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
  mockNoConfig(scope);
  if (files) scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(200, files);
  return scope;
}

/** The diff GitHub shows for a file added with `text`. */
export function addedFilePatch(text: string): string {
  const lines = text.trimEnd().split("\n");
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`;
}

/** A hatchling project's pyproject.toml (requires-python >=3.9) whose `dependencies` hold `deps`. */
function pyprojectWithDependencies(deps: string): string {
  return `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "acme"\nversion = "1.0"\nrequires-python = ">=3.9"\ndependencies = [\n${deps}]\n`;
}

/** pyproject.toml at base and head of a PR that adds httpx (line 11) and leaves the lock file alone. */
export const ADD_HTTPX = {
  file: {
    filename: "pyproject.toml",
    status: "modified",
    patch: '@@ -9,3 +9,4 @@ requires-python = ">=3.9"\n dependencies = [\n   "requests>=2.31",\n+  "httpx>=0.27",\n ]',
  },
  base: pyprojectWithDependencies('  "requests>=2.31",\n'),
  head: pyprojectWithDependencies('  "requests>=2.31",\n  "httpx>=0.27",\n'),
};

// The publisher under pressure, through the real Probot handler with nock: transient GitHub
// failures and timeouts, a check run whose create answer was lost, a review GitHub refuses,
// and names from the PR written to hurt.
import { afterEach, describe, expect, it } from "@jest/globals";
import {
  addedFilePatch,
  API,
  captureCheckRun,
  mockAuth,
  mockGraphql,
  mockNoConfig,
  nock,
  payload,
  REPO,
  useTestApp,
} from "../helpers/app.js";
import { withRequestPolicy, type GitHubClient } from "../../src/app/github.js";
import { hazards } from "../helpers/markdown.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const SOURCE =
  "def f(y: int, items: list = []) -> object:\n    if not y in items:\n        return items.pop() != None\n";
const PATCH = addedFilePatch(SOURCE);

type CheckRunSetup =
  | { kind: "create" }
  /** An unfinished run of ours is already there (a create whose answer was lost, a crash). */
  | { kind: "open"; id: number; status?: string }
  /** The create answers 502, but the run was made: the look-up after it finds it. */
  | { kind: "lost-create"; id: number };

interface Setup {
  checkRun?: CheckRunSetup;
  files?: { filename: string; status: string; patch?: string }[];
  contents?: Record<string, string>;
  /** Replies to the file listing before the real one (5xx, delays). */
  listingTrouble?: ((i: nock.Interceptor) => nock.Scope)[];
  /** List the files on two pages (the second one after a 502). */
  twoPages?: boolean;
}

/** Every request one review makes, answered; the check run ends up with `runId`. */
function mockRun(s: Setup = {}): { scope: nock.Scope; runId: number } {
  const scope = nock(API);
  mockAuth(scope);
  const lookup = (runs: unknown[]): nock.Scope =>
    scope
      .get(`${REPO}/commits/${HEAD}/check-runs`)
      .query({ check_name: "peptalk", filter: "all", per_page: 100 })
      .reply(200, { total_count: runs.length, check_runs: runs });
  const ours = (id: number, status = "in_progress") => ({ id, name: "peptalk", external_id: "pr:2", status });
  const setup = s.checkRun ?? { kind: "create" };
  let runId = 7;
  if (setup.kind === "create") {
    lookup([]);
    scope.post(`${REPO}/check-runs`, (b) => b.external_id === "pr:2").reply(201, { id: 7 });
  } else if (setup.kind === "open") {
    // Another app's run and our finished one are never reused.
    lookup([
      { id: 1, name: "other-app", external_id: "pr:2", status: "in_progress" },
      { id: 2, name: "peptalk", external_id: "pr:3", status: "in_progress" },
      ours(setup.id, setup.status),
    ]);
    if (setup.status === "completed") scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    else runId = setup.id;
  } else {
    lookup([]);
    scope.post(`${REPO}/check-runs`).reply(502, { message: "Bad Gateway" });
    lookup([ours(setup.id)]);
    runId = setup.id;
  }
  mockNoConfig(scope);
  for (const trouble of s.listingTrouble ?? []) trouble(scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }));
  const files = s.files ?? [{ filename: "app.py", status: "added", patch: PATCH }];
  if (s.twoPages) {
    const page2 = `${API}${REPO}/pulls/2/files?per_page=100&page=2`;
    scope
      .get(`${REPO}/pulls/2/files`)
      .query({ per_page: 100 })
      .reply(200, [{ filename: "README.md", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" }], {
        link: `<${page2}>; rel="next", <${page2}>; rel="last"`,
      });
    scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100, page: 2 }).reply(502, {}, { "retry-after": "0" });
    scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100, page: 2 }).reply(200, files);
  } else scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(200, files);
  scope
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .reply(200, {
      truncated: false,
      tree: (s.files ?? [{ filename: "app.py" }]).map((f) => ({ path: f.filename, type: "blob" })),
    });
  const contents = s.contents ?? { "app.py": SOURCE };
  // Keyed by path: whatever commit is asked for, the text is the same.
  mockGraphql(scope, {
    contents: (expression) => contents[expression.slice(HEAD.length + 1)],
    answerResolve: false,
    oid: "a",
    times: 2,
    optional: false,
  });
  scope.get(`${REPO}/pulls/2`).reply(200, { number: 2, head: { sha: HEAD }, base: { sha: BASE }, state: "open" });
  return { scope, runId };
}

const app = useTestApp();
const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

async function deliverOpened(): Promise<void> {
  await app.deliver("pull_request", payload("pull_request", "opened"));
}

describe("GitHub requests: timeouts and retries", () => {
  it("retries a 5xx on a read, then reviews as usual", async () => {
    const { scope, runId } = mockRun({
      listingTrouble: [(i) => i.reply(502, { message: "Bad Gateway" }, { "retry-after": "0" })],
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope, { id: runId });
    await deliverOpened();
    expect(review.comments.length).toBeGreaterThan(0);
    expect(completion.body).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("pages through a listing, retrying a page that failed", async () => {
    const { scope, runId } = mockRun({ twoPages: true });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/${runId}`).reply(200, {});
    await deliverOpened();
    expect(review.comments.map((c: any) => c.path)).toContain("app.py");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("abandons a request that hangs and sends it again", async () => {
    // Short enough for a test, long enough for a loaded machine to answer the other requests.
    process.env["PEPTALK_GITHUB_TIMEOUT_MS"] = "2000";
    const { scope, runId } = mockRun({
      listingTrouble: [(i) => i.delay(4_000).reply(200, [])],
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope, { id: runId });
    await deliverOpened();
    // The hung listing answered nothing useful; the retry got the real one.
    expect(review.comments.map((c: any) => c.path)).toContain("app.py");
    expect(completion.body.status).toBe("completed");
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("check runs: never an orphan", () => {
  it("after a create answered 502, finds the run it made instead of making a second", async () => {
    const { scope, runId } = mockRun({ checkRun: { kind: "lost-create", id: 8 } });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCheckRun(scope, { id: runId });
    await deliverOpened();
    expect(completion.body).toMatchObject({ status: "completed", conclusion: "failure" });
    // A second POST would have found no interceptor and failed the run.
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("reuses our unfinished run on the head commit, and creates one when ours is finished", async () => {
    const open = mockRun({ checkRun: { kind: "open", id: 8 } });
    open.scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    open.scope.patch(`${REPO}/check-runs/8`).reply(200, {});
    await deliverOpened();
    expect(open.scope.pendingMocks()).toEqual([]);
    nock.cleanAll();

    const finished = mockRun({ checkRun: { kind: "open", id: 8, status: "completed" } });
    finished.scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    finished.scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await deliverOpened();
    expect(finished.scope.pendingMocks()).toEqual([]);
  });
});

describe("a review GitHub refuses (422)", () => {
  it("posts the review body alone, with every comment moved into it and into the check run", async () => {
    const { scope, runId } = mockRun();
    const bodies: any[] = [];
    scope
      .post(`${REPO}/pulls/2/reviews`, (b) => (bodies.push(b), true))
      .reply(422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] });
    scope.post(`${REPO}/pulls/2/reviews`, (b) => (bodies.push(b), true)).reply(200, { id: 2 });
    const completion = captureCheckRun(scope, { id: runId });
    await deliverOpened();
    expect(bodies).toHaveLength(2);
    const [first, retry] = bodies;
    // B006 and E711 (bug rules); E713 is a taste rule this three-line file gives no evidence for.
    expect(first.comments.length).toBe(2);
    // The retry cannot fail the same way: it has no inline comment left.
    expect(retry.comments).toEqual([]);
    expect(retry.body).toContain("GitHub did not accept the inline comments of this review");
    for (const c of first.comments) expect(retry.body).toContain(`\`${c.path}:${c.line}\``);
    expect(completion.body.output.summary).toContain("### Comments GitHub did not accept");
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("a file that starts with a UTF-8 BOM", () => {
  it("gets suggestions on the lines GitHub shows, the BOM kept on line 1", async () => {
    // `is` with a literal: its fix (`==`) is safe, so it is offered as a one-click suggestion.
    const text = "\uFEFFx is 1\n\n\ndef f(x: object) -> None:\n    if x is 1:\n        print(x)\n";
    const patch = addedFilePatch(text);
    const { scope, runId } = mockRun({
      files: [{ filename: "app.py", status: "added", patch }],
      contents: { "app.py": text },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/${runId}`).reply(200, {});
    await deliverOpened();
    const suggestions = review.comments.map((c: any) => [c.line, /```suggestion\n([^]*?)\n```/.exec(c.body)?.[1]]);
    expect(suggestions).toEqual([
      [1, "\uFEFFx == 1"],
      [5, "    if x == 1:"],
    ]);
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("names from the PR", () => {
  it("ping nobody and hide nothing in comments, the review, the summary and annotations", async () => {
    const path = "pkg/<!--`@octocat`.py";
    const hostile =
      '__all__ = ["x` @octocat @org/security `y", "<!--", "f"]\n\n\ndef f(x: object) -> bool:\n    return x == None\n';
    const patch = addedFilePatch(hostile);
    process.env["PEPTALK_DOCS_URL"] = "https://docs.example.com/peptalk/rules";
    const { scope, runId } = mockRun({
      files: [{ filename: path, status: "added", patch }],
      contents: { [path]: hostile },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope, { id: runId });
    await deliverOpened();

    const bodies: string[] = review.comments.map((c: any) => c.body);
    expect(bodies.some((b) => b.includes("octocat"))).toBe(true);
    for (const body of bodies) expect(hazards(body)).toEqual([]);
    expect(hazards(review.body)).toEqual([]);
    expect(hazards(completion.body.output.summary)).toEqual([]);
    for (const a of completion.body.output.annotations) expect(a.message).not.toMatch(/@[a-z]/);
    // The footer links the operator's docs.
    expect(bodies[0]).toMatch(/\]\(https:\/\/docs\.example\.com\/peptalk\/rules#[a-z-]+\)/);
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("the request policy itself", () => {
  function fakeClient(failures: Record<string, unknown[]>, calls: string[]): GitHubClient {
    const answer = async (key: string) => {
      calls.push(key);
      const next = failures[key]?.shift();
      if (next) throw next;
      return { status: 200, data: { ok: key }, headers: {} };
    };
    return {
      request: ((route: string) => answer(route)) as GitHubClient["request"],
      graphql: ((query: string) => answer(query).then((r) => r.data)) as GitHubClient["graphql"],
      paginate: (() => Promise.resolve([])) as GitHubClient["paginate"],
    };
  }
  const noWait = { sleep: () => Promise.resolve(), backoffMs: 1 };
  const bad = { status: 502, message: "Bad Gateway" };

  it("retries reads and thread resolution after a 5xx, a bounded number of times", async () => {
    const calls: string[] = [];
    const resolve = 'mutation { r0: resolveReviewThread(input: { threadId: "T" }) { thread { isResolved } } }';
    const gh = withRequestPolicy(
      fakeClient({ "GET /x": [bad, bad], [resolve]: [bad], "GET /y": [bad, bad, bad, bad, bad] }, calls),
      noWait,
    );
    await expect(gh.request("GET /x")).resolves.toMatchObject({ status: 200 });
    await expect(gh.graphql(resolve)).resolves.toEqual({ ok: resolve });
    await expect(gh.request("GET /y")).rejects.toMatchObject({ status: 502 });
    expect(calls.filter((c) => c === "GET /y")).toHaveLength(4);
  });

  it("never repeats a POST or another mutation after a 5xx, but does after a secondary rate limit", async () => {
    const calls: string[] = [];
    const limited = { status: 403, message: "You have exceeded a secondary rate limit", response: { headers: {} } };
    const gh = withRequestPolicy(
      fakeClient({ "POST /reviews": [bad], "mutation { a: addComment }": [bad], "POST /check-runs": [limited] }, calls),
      noWait,
    );
    await expect(gh.request("POST /reviews")).rejects.toMatchObject({ status: 502 });
    await expect(gh.graphql("mutation { a: addComment }")).rejects.toMatchObject({ status: 502 });
    await expect(gh.request("POST /check-runs")).resolves.toMatchObject({ status: 200 });
    expect(calls).toEqual(["POST /reviews", "mutation { a: addComment }", "POST /check-runs", "POST /check-runs"]);
  });
});

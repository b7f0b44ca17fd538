import { describe, expect, it } from "@jest/globals";
import {
  ADD_HTTPX,
  addedFilePatch,
  API,
  blobNode,
  captureCheckRun,
  metricsText,
  mockAuth,
  mockConfig,
  mockGraphql,
  mockNoConfig,
  mockNoOpenCheckRun,
  mockReviewStart,
  nock,
  payload,
  REPO,
  reviewThreadsAnswer,
  useTestApp,
} from "../helpers/app.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const SOURCE =
  "import os\n\n\ndef old(x: int) -> bool:\n    return x == None\n\n\ndef new(y: int, items: list = []) -> object:\n    if not y in items:\n        return items.pop() != None\n";
const PATCH =
  "@@ -3,3 +3,8 @@ import os\n \n def old(x):\n     return x == None\n+\n+\n+def new(y, items=[]):\n+    if not y in items:\n+        return items.pop() != None";

interface Setup {
  files?: { filename: string; status: string; patch?: string }[];
  contents?: Record<string, string>;
  tree?: string[];
  threads?: unknown[];
  config?: string;
  headNow?: string;
}

function mockReviewRun(s: Setup = {}): { scope: nock.Scope; calls: string[] } {
  const calls: string[] = [];
  const scope = nock(API);
  mockAuth(scope);
  mockNoOpenCheckRun(scope, HEAD);
  scope
    .post(
      `${REPO}/check-runs`,
      (b) => b.name === "peptalk" && b.head_sha === HEAD && b.status === "queued" && b.external_id === "pr:2",
    )
    .reply(201, { id: 7 });
  if (s.config === undefined) mockNoConfig(scope);
  else mockConfig(scope, s.config);
  scope
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: 100 })
    .reply(200, s.files ?? [{ filename: "app.py", status: "modified", patch: PATCH }]);
  scope
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .optionally()
    .reply(200, {
      truncated: false,
      tree: (s.tree ?? ["app.py", "README.md", "ruff.toml"]).map((path) => ({ path, type: "blob" })),
    });
  // The team runs Ruff (its default selection has E713): `not-in-test`, a taste rule, speaks.
  // Settings are read at the base commit, project facts at head.
  const contents = s.contents ?? {
    [`${HEAD}:app.py`]: SOURCE,
    [`${HEAD}:ruff.toml`]: "line-length = 100\n",
    [`${BASE}:ruff.toml`]: "line-length = 100\n",
  };
  mockGraphql(scope, { contents, threads: s.threads ?? [], calls });
  scope
    .get(`${REPO}/pulls/2`)
    .optionally()
    .reply(200, { number: 2, head: { sha: s.headNow ?? HEAD }, base: { sha: BASE }, state: "open" });
  return { scope, calls };
}

const app = useTestApp();

function prOpened(): Record<string, any> {
  return payload("pull_request", "opened");
}

describe("pull_request events", () => {
  it("posts ONE review with comments on added lines only, a suggestion, and completes the check run", async () => {
    const { scope } = mockReviewRun();
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);

    await app.deliver("pull_request", prOpened());

    expect(review.commit_id).toBe(HEAD);
    expect(review.event).toBe("COMMENT");
    expect(review.comments.map((c: any) => [c.path, c.line, c.side])).toEqual([
      ["app.py", 8, "RIGHT"],
      ["app.py", 9, "RIGHT"],
      ["app.py", 10, "RIGHT"],
    ]);
    expect(review.comments[1].body).toContain("```suggestion\n    if y not in items:\n```");
    expect(review.comments.every((c: any) => /<!-- peptalk:v1:[0-9a-f]{16} rule=[a-z-]+ -->$/.test(c.body))).toBe(true);
    expect(completion.body).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "1 error, 2 warnings in 1 file" },
    });
    expect(completion.body.output.summary).toContain("1 pre-existing finding was left out of the gate");
    expect(completion.body.output.annotations).toHaveLength(4);
    expect(scope.pendingMocks()).toEqual([]);
    // What /metrics says about it: one job done, GitHub's answers by status, the engine's files.
    const metrics = await metricsText(app.probot);
    expect(metrics).toMatch(/^peptalk_jobs_completed_total 1$/m);
    expect(metrics).toMatch(/^peptalk_github_requests_total\{status="200"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^peptalk_github_requests_total\{status="201"\} 1$/m);
    expect(metrics).toMatch(/^peptalk_engine_files_total 1$/m);
    expect(metrics).toMatch(/^peptalk_review_duration_seconds_count 1$/m);
  });

  it("does not repeat itself on the next push and resolves the thread of a fixed finding", async () => {
    // First push: learn the comments peptalk writes.
    const first = mockReviewRun();
    let review: any;
    first.scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    first.scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("pull_request", prOpened());
    nock.cleanAll();

    const threads = review.comments.map((c: any, i: number) => ({
      id: `T${i}`,
      isResolved: false,
      path: c.path,
      comments: { nodes: [{ databaseId: i, body: c.body }] },
    }));
    threads.push({
      id: "Tfixed",
      isResolved: false,
      path: "app.py",
      comments: { nodes: [{ databaseId: 99, body: "old <!-- peptalk:v1:00000000deadbeef rule=none-comparison -->" }] },
    });
    threads.push({
      id: "Tdiscussed",
      isResolved: false,
      path: "app.py",
      comments: {
        nodes: [
          { databaseId: 98, body: "x <!-- peptalk:v1:00000000feedface -->" },
          { databaseId: 97, body: "I disagree" },
        ],
      },
    });
    const second = mockReviewRun({ threads });
    const completion = captureCheckRun(second.scope);
    const push = payload("pull_request", "synchronize");
    Object.assign(push["pull_request"], {
      number: 2,
      head: { ...push["pull_request"].head, sha: HEAD },
      base: { ...push["pull_request"].base, sha: BASE },
    });
    push["number"] = 2;
    push["repository"] = prOpened()["repository"];
    await app.deliver("pull_request", push);

    expect(second.calls.filter((c) => c === "resolve")).toHaveLength(1);
    expect(completion.body.output.summary).toContain("3 already commented on an earlier push, 1 fixed thread resolved");
    // No createReview was mocked for the second push: nock would have failed the request.
    expect(second.scope.pendingMocks()).toEqual([]);
  });

  it("completes quickly with 'Nothing to review' when no Python or packaging file changed", async () => {
    const scope = mockReviewStart(HEAD, [{ filename: "README.md", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" }]);
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(completion.body).toMatchObject({
      status: "completed",
      conclusion: "success",
      output: { title: "Nothing to review" },
    });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("reports a broken config in the check run and fails it, naming the key", async () => {
    const { scope } = mockReviewRun({ config: "reveiw:\n  max_comments: 3\n" });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(completion.body.conclusion).toBe("failure");
    expect(completion.body.output.title).toBe("Configuration error in .github/peptalk.yml");
    expect(completion.body.output.summary).toContain('`reveiw`: Unknown key "reveiw". Did you mean "review"?');
  });

  it("reports invalid YAML without crashing and leaves nothing in progress", async () => {
    const { scope } = mockReviewRun({ config: "rules: [unclosed\n" });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(completion.body.status).toBe("completed");
    expect(completion.body.conclusion).toBe("failure");
    expect(completion.body.output.summary).toMatch(/invalid YAML/);
  });

  it("applies the repository's config: rules off and a comment cap", async () => {
    const { scope } = mockReviewRun({
      config: "rules:\n  mutable-default-argument: off\nreview:\n  max_comments: 1\n",
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(review.comments).toHaveLength(1);
    expect(review.body).toContain("1 more is listed in the `peptalk` check run");
    expect(completion.body.conclusion).toBe("success");
  });

  it("moves comments GitHub rejects (422) to the summary and posts the review once more", async () => {
    const { scope } = mockReviewRun();
    const bodies: any[] = [];
    scope
      .post(`${REPO}/pulls/2/reviews`, (b) => (bodies.push(b), true))
      .reply(422, {
        message: "Unprocessable Entity",
        errors: ["Pull request review thread line must be part of the diff"],
      });
    scope.post(`${REPO}/pulls/2/reviews`, (b) => (bodies.push(b), true)).reply(200, { id: 2 });
    scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("pull_request", prOpened());
    expect(bodies).toHaveLength(2);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("looks before re-posting after a 5xx: the review may exist already", async () => {
    const { scope } = mockReviewRun();
    scope.post(`${REPO}/pulls/2/reviews`).reply(502, { message: "Bad Gateway" });
    scope
      .get(`${REPO}/pulls/2/reviews`)
      .query({ per_page: 100 })
      .reply(200, [{ id: 5, body: `peptalk left 3 new comments.\n\n<!-- peptalk:review:${HEAD} -->` }]);
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(completion.body.status).toBe("completed");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("retries a secondary rate limit after retry-after", async () => {
    const scope = nock(API);
    mockAuth(scope);
    // mockReviewRun below answers the look-up for an open check run.
    scope
      .post(`${REPO}/check-runs`)
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "0" });
    const rest = mockReviewRun();
    rest.scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    rest.scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    // The second check-run POST (in mockReviewRun) answers the retry; its own auth mock stays unused.
    await app.deliver("pull_request", prOpened());
    expect(scope.pendingMocks()).toEqual([]);
    expect(rest.scope.pendingMocks()).toEqual([]);
  });

  it("drops a stale plan when the head moved, completing the run as superseded", async () => {
    const { scope } = mockReviewRun({ headNow: "1111111111111111111111111111111111111111" });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(completion.body).toMatchObject({ conclusion: "neutral", output: { title: "Superseded by a newer push" } });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("skips drafts unless configured, without leaving the run in progress", async () => {
    const scope = mockReviewStart(HEAD);
    const completion = captureCheckRun(scope);
    const draft = prOpened();
    draft["pull_request"].draft = true;
    await app.deliver("pull_request", draft);
    expect(completion.body).toMatchObject({
      conclusion: "skipped",
      output: { title: "Draft pull request: not reviewed" },
    });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("completes the check run with the reason when anything throws", async () => {
    const scope = nock(API);
    mockAuth(scope);
    mockNoOpenCheckRun(scope, HEAD);
    scope.post(`${REPO}/check-runs`, (b) => b.status === "queued").reply(201, { id: 7 });
    // Each request retries a 5xx three times; the review is then attempted twice more.
    for (let attempt = 0; attempt < 3; attempt++) mockNoConfig(scope);
    scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).times(12).reply(500, { message: "Server Error" });
    const retries: any[] = [];
    scope
      .patch(`${REPO}/check-runs/7`, (b) => b.status === "queued" && (retries.push(b), true))
      .times(2)
      .reply(200, {});
    const completion = captureCheckRun(scope, { when: (b) => b.status === "completed" });
    await app.deliver("pull_request", prOpened());
    expect(retries.map((r) => r.output.summary)).toEqual([
      expect.stringContaining("Attempt 1 of 3 failed on a transient error"),
      expect.stringContaining("Attempt 2 of 3 failed on a transient error"),
    ]);
    expect(completion.body).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "peptalk failed (its own error, not a problem in this pull request)" },
    });
    expect(completion.body.output.summary).toContain("Server Error");
    expect(completion.body.output.summary).toContain("It failed 3 times on transient errors");
    expect(scope.isDone()).toBe(true);
  });

  it("sends more than 50 annotations in batches of 50, completing on the last", async () => {
    const many =
      "def f(x: object) -> None:\n" + Array.from({ length: 60 }, (_, i) => `    a${i} = x == None\n`).join("");
    const patch = addedFilePatch(many);
    const { scope } = mockReviewRun({
      files: [{ filename: "app.py", status: "added", patch }],
      contents: { [`${HEAD}:app.py`]: many },
    });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const patches: any[] = [];
    scope
      .patch(`${REPO}/check-runs/7`, (b) => (patches.push(b), true))
      .times(2)
      .reply(200, {});
    await app.deliver("pull_request", prOpened());
    expect(patches.map((p) => [p.output.annotations.length, p.status ?? "in_progress"])).toEqual([
      [50, "in_progress"],
      [10, "completed"],
    ]);
  });
});

describe("re-runs", () => {
  it("reviews the PR named in the check run's external_id on check_run.rerequested", async () => {
    const body = payload("check_run", "rerequested");
    body["check_run"].name = "peptalk";
    body["check_run"].external_id = "pr:2";
    body["check_run"].head_sha = HEAD;
    body["repository"] = prOpened()["repository"];
    const { scope } = mockReviewRun();
    scope.get(`${REPO}/pulls/2`).reply(200, { number: 2, state: "open", head: { sha: HEAD }, base: { sha: BASE } });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("check_run", body);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("ignores re-runs of other apps' check runs", async () => {
    const body = payload("check_run", "rerequested");
    body["check_run"].name = "some-other-check";
    const scope = nock(API);
    await app.deliver("check_run", body);
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("harder cases", () => {
  it("runs one review for two concurrent deliveries of the same push: one job, one check run", async () => {
    const posted: any[] = [];
    const scope = mockReviewStart(HEAD, [{ filename: "app.py", status: "modified", patch: PATCH }]);
    scope
      .get(`${REPO}/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { truncated: false, tree: [{ path: "app.py", type: "blob" }] });
    scope
      .post("/graphql")
      .times(2)
      .reply(200, (_uri, body) => {
        const query = String((body as { query: string }).query);
        if (query.includes("reviewThreads")) {
          const nodes = posted
            .flatMap((r) => r.comments)
            .map((c: any, i: number) => ({
              id: `T${i}`,
              isResolved: false,
              comments: { nodes: [{ databaseId: i, body: c.body }] },
            }));
          return reviewThreadsAnswer(nodes);
        }
        // Whatever is asked, alias f0 is app.py.
        return { data: { repository: { f0: blobNode(SOURCE, "a") } } };
      });
    scope.get(`${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } });
    scope.post(`${REPO}/pulls/2/reviews`, (b) => (posted.push(b), true)).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/7`, (b) => b.status === "completed").reply(200, {});
    await Promise.all([app.deliver("pull_request", prOpened()), app.deliver("pull_request", prOpened())]);
    expect(posted).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("handles removed, renamed, patch-less, binary and huge files, and a file that does not parse", async () => {
    const broken = "def ok(x: object) -> bool:\n    return x == None\n\ndef broken(:\n    pass\n";
    const files = [
      { filename: "gone.py", status: "removed" },
      {
        filename: "pkg/new_name.py",
        previous_filename: "pkg/old_name.py",
        status: "renamed",
        patch: "@@ -1,1 +1,2 @@\n def ok(x):\n+    return x == None",
      },
      { filename: "big.py", status: "modified" },
      { filename: "logo.png", status: "added" },
      { filename: "huge.py", status: "added", patch: "@@ -0,0 +1 @@\n+x = 1" },
      {
        filename: "broken.py",
        status: "added",
        patch: "@@ -0,0 +1,5 @@\n+def ok(x):\n+    return x == None\n+\n+def broken(:\n+    pass",
      },
    ];
    const huge = "x = 1\n".repeat(200_000);
    const { scope } = mockReviewRun({
      files,
      tree: ["pkg/new_name.py", "big.py", "logo.png", "huge.py", "broken.py"],
      contents: {
        [`${HEAD}:pkg/new_name.py`]: "def ok(x: object) -> bool:\n    return x == None\n",
        [`${HEAD}:big.py`]: "y == None\n",
        [`${HEAD}:huge.py`]: huge,
        [`${HEAD}:broken.py`]: broken,
      },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(review.comments.map((c: any) => `${c.path}:${c.line}`).sort()).toEqual([
      "broken.py:2",
      "broken.py:4",
      "pkg/new_name.py:2",
    ]);
    expect(completion.body.output.summary).toContain("`big.py:1` `none-comparison`");
    expect(completion.body.output.summary).toContain("GitHub shows no diff for this file");
    expect(completion.body.output.summary).toMatch(/`huge\.py`: larger than 1000000 bytes/);
    expect(completion.body.output.annotations.map((a: any) => a.title)).toContain("syntax-error");
  });

  it("comments on the pyproject.toml line of a dependency bumped without its lock file", async () => {
    const { scope } = mockReviewRun({
      files: [ADD_HTTPX.file],
      tree: ["pyproject.toml", "uv.lock", "acme/__init__.py"],
      contents: {
        [`${HEAD}:pyproject.toml`]: ADD_HTTPX.head,
        [`${BASE}:pyproject.toml`]: ADD_HTTPX.base,
      },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(review.comments.map((c: any) => `${c.path}:${c.line}`)).toEqual(["pyproject.toml:11"]);
    expect(review.comments[0].body).toContain("lockfile-not-updated");
    expect(review.comments[0].body).toContain("adds `httpx`");
    expect(review.comments[0].body).toContain("`uv lock`");
    // A warning: it is commented on, and fails the gate only when fail_on says so.
    expect(completion.body).toMatchObject({
      status: "completed",
      conclusion: "success",
      output: { title: "1 warning in 1 file" },
    });
  });

  it("reviews a pull request from a fork by SHA, on the base repository", async () => {
    const fork = prOpened();
    fork["pull_request"].head.repo.full_name = "someone-else/Hello-World";
    fork["pull_request"].head.ref = "master";
    const { scope } = mockReviewRun();
    scope.post(`${REPO}/pulls/2/reviews`, (b) => b.commit_id === HEAD).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("pull_request", fork);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("follows _extends to an organisation-wide config", async () => {
    const { scope } = mockReviewRun({ config: "_extends: shared\nreview:\n  max_comments: 1\n" });
    scope
      .get("/repos/Codertocat/shared/contents/.github%2Fpeptalk.yml")
      .reply(200, "rules:\n  mutable-default-argument: off\n");
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCheckRun(scope);
    await app.deliver("pull_request", prOpened());
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0].body).not.toContain("mutable-default-argument");
    expect(completion.body.conclusion).toBe("success");
  });
});

// The gate holds against the pull request's own author (issue 11): settings come from the
// base commit, peptalk's own errors fail closed, deliveries can be redelivered after a
// failure, and a re-run reviews the commit that was re-run. Driven through Probot with nock.
import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAction } from "../../src/action/main.js";
import { runReviewCommand } from "../../src/cli/commands/review.js";
import type { Io } from "../../src/cli/io.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { allChecks } from "../../checks/index.js";
import {
  ADD_HTTPX,
  addedFilePatch,
  API,
  blobNode,
  blobsAnswer,
  captureCheckRun,
  deliveryId,
  mockAuth,
  mockConfig,
  mockGraphql,
  mockNoConfig,
  nock,
  payload,
  REPO,
  reviewThreadsAnswer,
  useTestApp,
} from "../helpers/app.js";
import { runCli, tempTree } from "../helpers/cli.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const OWN_ERROR = "peptalk failed (its own error, not a problem in this pull request)";
/** Three bug-rule findings: a mutated mutable default (error), E721 and E711 (warnings): the gate fails. */
const SOURCE =
  "def new(y: int, items: list = []) -> object:\n    if type(y) == type(items):\n        return items.pop() != None\n";
const PATCH = addedFilePatch(SOURCE);
const PYPROJECT = '[project]\nname = "acme"\nversion = "1.0"\nrequires-python = ">=3.9"\n';

type Files = Record<string, string>;
type ChangedFile = { filename: string; status: string; patch?: string };

interface Setup {
  files?: ChangedFile[];
  contents?: Files;
  tree?: string[];
  threads?: unknown[];
  config?: string | null;
  /** Status of the last look at the pull request before publishing (200 by default). */
  prStatus?: number;
}

/** Every request one review makes; `calls` records the GraphQL queries by kind. */
function mockReviewRun(s: Setup = {}): { scope: nock.Scope; calls: string[]; blobQueries: string[][] } {
  const calls: string[] = [];
  const blobQueries: string[][] = [];
  const scope = nock(API);
  mockAuth(scope);
  noOpenCheckRun(scope, HEAD);
  scope.post(`${REPO}/check-runs`, (b) => b.head_sha === HEAD && b.status === "queued").reply(201, { id: 7 });
  if (s.config === undefined) mockNoConfig(scope);
  else if (s.config !== null) mockConfig(scope, s.config);
  scope
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: 100 })
    .reply(200, s.files ?? [{ filename: "app.py", status: "added", patch: PATCH }]);
  scope
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: (s.tree ?? ["app.py"]).map((path) => ({ path, type: "blob" })) });
  const contents = s.contents ?? { [`${HEAD}:app.py`]: SOURCE };
  mockGraphql(scope, { contents, threads: s.threads ?? [], calls, blobQueries, times: 20 });
  if (s.prStatus) scope.get(`${REPO}/pulls/2`).reply(s.prStatus, { message: "Something unexpected" });
  else
    scope
      .get(`${REPO}/pulls/2`)
      .optionally()
      .reply(200, { number: 2, head: { sha: HEAD }, base: { sha: BASE }, state: "open" });
  return { scope, calls, blobQueries };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The example pull_request event on disk, for the Action. */
function eventPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "peptalk-gate-"));
  dirs.push(dir);
  const path = join(dir, "event.json");
  writeFileSync(path, JSON.stringify(prEvent()));
  return path;
}

/**
 * Answers a look-up for an unfinished peptalk run on `sha` (made before creating one, so a
 * retried create cannot leave an orphan) with none; optional, for clients that do not look.
 */
function noOpenCheckRun(scope: nock.Scope, sha: string): void {
  scope
    .get(`${REPO}/commits/${sha}/check-runs`)
    .query(true)
    .optionally()
    .reply(200, { total_count: 0, check_runs: [] });
}

const app = useTestApp();

/** The example PR #2 at HEAD on BASE. */
function prEvent(action = "opened"): Record<string, any> {
  const event = payload("pull_request", "opened");
  event["action"] = action;
  Object.assign(event["pull_request"], {
    head: { ...event["pull_request"].head, sha: HEAD },
    base: { ...event["pull_request"].base, sha: BASE },
  });
  return event;
}

/** The check run's completing PATCH (annotation batches before it are accepted too). */
function captureCompletion(scope: nock.Scope, patches = 1): { body?: any } {
  return captureCheckRun(scope, { times: patches, when: (b) => b.status !== "queued" });
}

describe("settings come from the base commit (item 1)", () => {
  it("a PR adding [tool.ruff] extend-exclude = ['*'] still fails on its finding and resolves no thread", async () => {
    // First push: the finding is commented on.
    const first = mockReviewRun({
      tree: ["app.py", "pyproject.toml"],
      contents: {
        [`${HEAD}:app.py`]: SOURCE,
        [`${HEAD}:pyproject.toml`]: PYPROJECT,
        [`${BASE}:pyproject.toml`]: PYPROJECT,
      },
    });
    let review: any;
    first.scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    first.scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("pull_request", prEvent());
    expect(review.comments).toHaveLength(3);
    nock.cleanAll();

    // Second push: the same code, and pyproject.toml now tells Ruff to exclude everything.
    const loosened = `${PYPROJECT}\n[tool.ruff]\nextend-exclude = ["*"]\n`;
    const threads = review.comments.map((c: any, i: number) => ({
      id: `T${i}`,
      isResolved: false,
      path: c.path,
      comments: { nodes: [{ databaseId: i, body: c.body }] },
    }));
    const second = mockReviewRun({
      files: [
        { filename: "app.py", status: "added", patch: PATCH },
        {
          filename: "pyproject.toml",
          status: "modified",
          patch: '@@ -4,0 +5,3 @@\n+\n+[tool.ruff]\n+extend-exclude = ["*"]',
        },
      ],
      tree: ["app.py", "pyproject.toml"],
      contents: {
        [`${HEAD}:app.py`]: SOURCE,
        [`${HEAD}:pyproject.toml`]: loosened,
        [`${BASE}:pyproject.toml`]: PYPROJECT,
      },
      threads,
    });
    const completion = captureCompletion(second.scope);
    await app.deliver("pull_request", prEvent("synchronize"));

    expect(completion.body.conclusion).toBe("failure");
    expect(completion.body.output.title).toBe("1 error, 2 warnings in 1 file");
    expect(second.calls).not.toContain("resolve");
    expect(completion.body.output.summary).toContain("these settings change with this PR and take effect after merge");
    expect(completion.body.output.summary).toContain("`pyproject.toml`");
    expect(second.scope.pendingMocks()).toEqual([]);
  });

  it("a PR adding ruff.toml with ignore = ['ALL'] does not silence its own findings", async () => {
    const { scope } = mockReviewRun({
      files: [
        { filename: "app.py", status: "added", patch: PATCH },
        { filename: "ruff.toml", status: "added", patch: '@@ -0,0 +1 @@\n+lint.ignore = ["ALL"]' },
      ],
      tree: ["app.py", "ruff.toml"],
      contents: { [`${HEAD}:app.py`]: SOURCE, [`${HEAD}:ruff.toml`]: 'lint.ignore = ["ALL"]\n' },
    });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body.conclusion).toBe("failure");
    expect(completion.body.output.summary).toContain("`ruff.toml`: these settings change with this PR");
  });

  it("honours the base commit's Ruff settings, and [tool.peptalk] from the base commit, not the head's", async () => {
    const base = `${PYPROJECT}\n[tool.ruff.lint]\nignore = ["E711"]\n\n[tool.peptalk.rules]\nmutable-default-argument = "off"\n`;
    // The head also turns the gate off: that is the PR loosening its own review.
    const head = `${base}\n[tool.peptalk.check]\nfail_on = "never"\n`;
    const { scope } = mockReviewRun({
      files: [
        { filename: "app.py", status: "added", patch: PATCH },
        {
          filename: "pyproject.toml",
          status: "modified",
          patch: '@@ -9,0 +10,3 @@\n+\n+[tool.peptalk.check]\n+fail_on = "never"',
        },
      ],
      tree: ["app.py", "pyproject.toml"],
      contents: { [`${HEAD}:app.py`]: SOURCE, [`${HEAD}:pyproject.toml`]: head, [`${BASE}:pyproject.toml`]: base },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    // E711 (`!= None`) is ignored and mutable-default-argument is off, as the base says;
    // what is left is `type(y) == type(items)`, a warning, so the gate passes on its merits.
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0].body).toContain("type-comparison");
    // (The summary may escape the brackets.)
    expect(completion.body.output.summary).toMatch(/pyproject\.toml \\?\[tool\.ruff\\?\]: lint\.ignore = E711/);
    expect(completion.body.output.summary).toContain("these settings change with this PR and take effect after merge");
    expect(completion.body.output.summary).not.toContain("The gate is off");
  });

  it("lets a repository's [tool.peptalk] replace the owner's default config, as its own file would", async () => {
    const base = `${PYPROJECT}\n[tool.peptalk.rules]\nnone-comparison = "off"\n`;
    const { scope } = mockReviewRun({
      config: null,
      tree: ["app.py", "pyproject.toml"],
      contents: { [`${HEAD}:app.py`]: SOURCE, [`${HEAD}:pyproject.toml`]: base, [`${BASE}:pyproject.toml`]: base },
    });
    scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).reply(404);
    scope.get("/repos/Codertocat/.github/contents/.github%2Fpeptalk.yml").reply(200, "review:\n  max_comments: 1\n");
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(review.comments).toHaveLength(2);
    expect(review.comments.map((c: any) => c.body).join("\n")).not.toContain("none-comparison");
    expect(completion.body.output.title).toBe("1 error, 1 warning in 1 file");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("never drops the root pyproject.toml under the 200-file cap on project files (item 14)", async () => {
    // 250 conftest.py files sort before pyproject.toml in the tree listing.
    const conftests = Array.from({ length: 250 }, (_, i) => `a${String(i).padStart(3, "0")}/conftest.py`);
    const { scope, blobQueries } = mockReviewRun({
      files: [ADD_HTTPX.file],
      tree: [...conftests, "pyproject.toml", "uv.lock"],
      contents: {
        [`${HEAD}:pyproject.toml`]: ADD_HTTPX.head,
        [`${BASE}:pyproject.toml`]: ADD_HTTPX.base,
      },
    });
    let review: any;
    scope.post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true)).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(review.comments.map((c: any) => `${c.path}:${c.line}`)).toEqual(["pyproject.toml:11"]);
    expect(review.comments[0].body).toContain("lockfile-not-updated");
    expect(completion.body.output.summary).toContain("read 200 of 251 packaging and test configuration files");
    // Batched: at most 100 blobs per query.
    expect(Math.max(...blobQueries.map((q) => q.length))).toBeLessThanOrEqual(100);
  });
});

describe("`peptalk review` on a local diff uses the base commit's settings too", () => {
  it("a branch adding extend-exclude = ['*'] still fails on its finding", () => {
    const git = (cwd: string, ...args: string[]): string =>
      execFileSync(
        "git",
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args],
        {
          cwd,
          encoding: "utf8",
        },
      );
    const root = tempTree({ "app.py": "x = 1\n", "pyproject.toml": PYPROJECT });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-qm", "base");
    git(root, "checkout", "-qb", "feature");
    writeFileSync(join(root, "app.py"), SOURCE);
    writeFileSync(join(root, "pyproject.toml"), `${PYPROJECT}\n[tool.ruff]\nextend-exclude = ["*"]\n`);
    git(root, "commit", "-qam", "feature");
    const r = runCli(["review", "--base", "main", "--format", "json"], root);
    const plan = JSON.parse(r.stdout) as { conclusion: string; title: string };
    expect(plan).toMatchObject({ conclusion: "failure", title: "1 error, 2 warnings in 1 file" });
    expect(r.code).toBe(1);
    rmSync(root, { recursive: true, force: true });
  });
});

describe("peptalk's own errors fail closed (item 2)", () => {
  function failingRun(config: string | null): nock.Scope {
    const scope = nock(API);
    mockAuth(scope);
    noOpenCheckRun(scope, HEAD);
    scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    if (config === null) mockNoConfig(scope);
    else mockConfig(scope, config);
    scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(422, { message: "Something unexpected" });
    return scope;
  }

  it("completes the run as failure, titled as peptalk's own error, with a re-run hint", async () => {
    const scope = failingRun(null);
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body).toMatchObject({ status: "completed", conclusion: "failure", output: { title: OWN_ERROR } });
    expect(completion.body.output.summary).toContain("This is not a finding in the pull request");
    expect(completion.body.output.summary).toContain("Something unexpected");
    expect(completion.body.output.summary).toContain("**Re-run the check**");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("completes it as neutral with check.on_error: neutral", async () => {
    const scope = failingRun("check:\n  on_error: neutral\n");
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body).toMatchObject({ conclusion: "neutral", output: { title: OWN_ERROR } });
    expect(completion.body.output.summary).toContain("`check.on_error: neutral`");
  });

  it("honours check.on_error from [tool.peptalk] at base when the review fails after reading it", async () => {
    const base = `${PYPROJECT}\n[tool.peptalk.check]\non_error = "neutral"\n`;
    const { scope } = mockReviewRun({
      tree: ["app.py", "pyproject.toml"],
      contents: { [`${HEAD}:app.py`]: SOURCE, [`${HEAD}:pyproject.toml`]: base, [`${BASE}:pyproject.toml`]: base },
      prStatus: 422,
    });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body).toMatchObject({ conclusion: "neutral", output: { title: OWN_ERROR } });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("defaults on_error to failure and rejects other values", () => {
    const { config, errors } = resolveConfig({ check: { on_error: "success" } }, { rules: allChecks });
    expect(errors).toEqual([{ path: "check.on_error", message: expect.stringContaining('"neutral"') }]);
    expect(config.check.on_error).toBe("failure");
  });
});

describe("reading .github/peptalk.yml (items 12 and 14)", () => {
  it.each([
    ["a 502", (i: nock.Interceptor) => i.reply(502, { message: "Bad Gateway" })],
    ["a network error", (i: nock.Interceptor) => i.replyWithError({ code: "ECONNRESET", message: "socket hang up" })],
  ])("retries %s and then reviews normally", async (_label, fail) => {
    const { scope } = mockReviewRun({ config: null });
    fail(scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`));
    mockNoConfig(scope);
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body).toMatchObject({
      conclusion: "failure",
      output: { title: "1 error, 2 warnings in 1 file" },
    });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("after repeated 5xx, fails as peptalk's own error, not as a configuration error", async () => {
    const scope = nock(API);
    mockAuth(scope);
    noOpenCheckRun(scope, HEAD);
    scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    // One read per attempt: the queue tries the review three times, the run queued again between.
    scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).times(3).reply(502, { message: "Bad Gateway" });
    const requeued: string[] = [];
    scope
      .patch(`${REPO}/check-runs/7`, (b) => b.status === "queued" && (requeued.push(b.output.title), true))
      .times(2)
      .reply(200, {});
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(requeued).toEqual(["Queued again after a transient error", "Queued again after a transient error"]);
    expect(completion.body).toMatchObject({ conclusion: "failure", output: { title: OWN_ERROR } });
    expect(completion.body.output.summary).not.toContain("Configuration error");
    expect(completion.body.output.summary).toContain("It failed 3 times on transient errors");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("retries a secondary rate limit on the config read", async () => {
    const { scope } = mockReviewRun({ config: null });
    scope
      .get(`${REPO}/contents/.github%2Fpeptalk.yml`)
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "0" });
    mockNoConfig(scope);
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body.output.title).toBe("1 error, 2 warnings in 1 file");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("says so in the summary when an _extends cannot be read", async () => {
    const { scope } = mockReviewRun({ config: "_extends: private-defaults\n" });
    scope.get("/repos/Codertocat/private-defaults/contents/.github%2Fpeptalk.yml").reply(404);
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body.output.summary).toContain(
      "`.github/peptalk.yml` extends `Codertocat/private-defaults:.github/peptalk.yml`, which this installation cannot read",
    );
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("deliveries and re-runs (items 9 and 14)", () => {
  it("handles a redelivery of a delivery that failed", async () => {
    const id = deliveryId();
    const failing = nock(API);
    mockAuth(failing);
    noOpenCheckRun(failing, HEAD);
    failing.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    mockNoConfig(failing);
    // A failure that is not transient: not retried, so the delivery ends failed.
    failing.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(404, { message: "Not Found" });
    const failed = captureCompletion(failing);
    await app.deliver("pull_request", prEvent(), id);
    expect(failing.pendingMocks()).toEqual([]);
    expect(failed.body.output.summary).toContain("This error is not transient, so it was not retried.");
    nock.cleanAll();

    const { scope } = mockReviewRun();
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent(), id);
    expect(completion.body.output.title).toBe("1 error, 2 warnings in 1 file");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("ignores a redelivery of a delivery that succeeded", async () => {
    const id = deliveryId();
    const { scope } = mockReviewRun();
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    scope.patch(`${REPO}/check-runs/7`).reply(200, {});
    await app.deliver("pull_request", prEvent(), id);
    expect(scope.pendingMocks()).toEqual([]);
    const again = nock(API);
    await app.deliver("pull_request", prEvent(), id);
    expect(again.pendingMocks()).toEqual([]);
  });

  it("says so, and reviews nothing, when the re-run commit is no longer the head", async () => {
    const OLD = "1111111111111111111111111111111111111111";
    const body = payload("check_run", "rerequested");
    body["check_run"].name = "peptalk";
    body["check_run"].external_id = "pr:2";
    body["check_run"].head_sha = OLD;
    body["repository"] = prEvent()["repository"];
    const scope = nock(API);
    mockAuth(scope);
    scope.get(`${REPO}/pulls/2`).reply(200, { number: 2, state: "open", head: { sha: HEAD }, base: { sha: BASE } });
    noOpenCheckRun(scope, OLD);
    scope.post(`${REPO}/check-runs`, (b) => b.head_sha === OLD && b.external_id === "pr:2").reply(201, { id: 8 });
    const completion = captureCheckRun(scope, { id: 8 });
    await app.deliver("check_run", body);
    expect(completion.body).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: "Not re-run: 1111111 is no longer the head of #2" },
    });
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("bounded bytes (item 7)", () => {
  it("caps max_file_size at 5 MB", () => {
    expect(resolveConfig({ max_file_size: 5_000_000 }, { rules: allChecks }).errors).toEqual([]);
    const { config, errors } = resolveConfig({ max_file_size: 100_000_000 }, { rules: allChecks });
    expect(errors.map((e) => e.path)).toEqual(["max_file_size"]);
    expect(config.maxFileSize).toBe(1_000_000);
  });

  it("reads and analyses the Python files one GraphQL page at a time, and runs project checks once", async () => {
    const count = 150;
    const paths = Array.from({ length: count }, (_, i) => `pkg/m${String(i).padStart(3, "0")}.py`);
    const source = "def f(x: object) -> bool:\n    return x == None\n";
    const patch = "@@ -0,0 +1,2 @@\n+def f(x: object) -> bool:\n+    return x == None";
    const contents: Files = {
      [`${HEAD}:pyproject.toml`]: ADD_HTTPX.head,
      [`${BASE}:pyproject.toml`]: ADD_HTTPX.base,
    };
    for (const path of paths) contents[`${HEAD}:${path}`] = source;
    // Through the Action's client (@octokit/rest, no request queue), so concurrency shows.
    const scope = nock(API);
    scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).query(true).reply(404);
    noOpenCheckRun(scope, HEAD);
    scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    scope
      .get(`${REPO}/pulls/2/files`)
      .query(true)
      .reply(200, [...paths.map((filename) => ({ filename, status: "added", patch })), ADD_HTTPX.file]);
    scope
      .get(`${REPO}/git/trees/${HEAD}`)
      .query(true)
      .reply(200, {
        truncated: false,
        tree: [...paths, "pyproject.toml", "uv.lock"].map((path) => ({ path, type: "blob" })),
      });
    scope.get(`${REPO}/pulls/2`).reply(200, { number: 2, head: { sha: HEAD } });
    let inFlight = 0;
    let maxInFlight = 0;
    const pages: number[] = [];
    scope
      .post("/graphql")
      .times(10)
      .reply((_uri, body, callback) => {
        const query = String((body as { query: string }).query);
        if (query.includes("reviewThreads")) {
          callback(null, [200, reviewThreadsAnswer([])]);
          return;
        }
        const { answer, asked } = blobsAnswer(query, contents, "a");
        const python = asked.some((expression) => expression.endsWith(".py"));
        if (!python) {
          callback(null, [200, answer]);
          return;
        }
        pages.push(asked.length);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        setTimeout(() => {
          inFlight--;
          callback(null, [200, answer]);
        }, 20);
      });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope, 7);
    const exitCode = await runAction({
      env: { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: eventPath(), INPUT_GITHUB_TOKEN: "t" },
      log: () => {},
    });
    expect(exitCode).toBe(0);
    expect(pages).toEqual([100, 50]);
    expect(maxInFlight).toBe(1);
    // Every file of both pages was analysed, and the project check spoke once.
    expect(completion.body.output.summary).toContain(`| \`none-comparison\` | warning | ${count} | ${count} |`);
    expect(completion.body.output.summary).toContain("| `lockfile-not-updated` | warning | 1 | 1 |");
    expect(completion.body.output.title).toMatch(new RegExp(`in ${count + 1} files$`));
  });

  it("skips a blob GraphQL truncates when REST returns more than max_file_size", async () => {
    const { scope } = mockReviewRun({
      files: [
        { filename: "app.py", status: "added", patch: PATCH },
        { filename: "big.py", status: "added", patch: "@@ -0,0 +1 @@\n+x = 1" },
      ],
      tree: ["app.py", "big.py"],
    });
    // GraphQL answers big.py as truncated at 600 kB; REST then hands over 2 MB.
    nock.removeInterceptor({ hostname: "api.github.com", proto: "https", method: "POST", path: "/graphql" });
    const truncated = { text: "x".repeat(10), byteSize: 600_000, isBinary: false, isTruncated: true, oid: "big" };
    mockGraphql(scope, {
      contents: (expression) =>
        expression === `${HEAD}:app.py`
          ? blobNode(SOURCE, "a")
          : expression === `${HEAD}:big.py`
            ? truncated
            : undefined,
      answerResolve: false,
      times: 5,
    });
    const huge = Buffer.alloc(2_000_000, "x = 1\n").toString("base64");
    scope.get(`${REPO}/git/blobs/big`).reply(200, { content: huge, encoding: "base64", size: 2_000_000 });
    scope.post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 });
    const completion = captureCompletion(scope);
    await app.deliver("pull_request", prEvent());
    expect(completion.body.output.summary).toMatch(/`big\.py`: larger than 1000000 bytes \(2000000 bytes\)/);
    expect(completion.body.output.title).toBe("1 error, 2 warnings in 1 file");
  });
});

describe("the Action and review --pr --post never leave a run in progress (items 2 and 15)", () => {
  function crashingApi(): { scope: nock.Scope; completion: { body?: any } } {
    const scope = nock(API);
    noOpenCheckRun(scope, HEAD);
    scope.post(`${REPO}/check-runs`).reply(201, { id: 7 });
    scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).query(true).reply(404);
    scope.get(`${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(422, { message: "Something unexpected" });
    return { scope, completion: captureCompletion(scope) };
  }

  it("the Action completes its run as peptalk's own failure and exits non-zero", async () => {
    const { scope, completion } = crashingApi();
    const lines: string[] = [];
    const code = await runAction({
      env: { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: eventPath(), INPUT_GITHUB_TOKEN: "t" },
      log: (l) => lines.push(l),
    });
    expect(completion.body).toMatchObject({ status: "completed", conclusion: "failure", output: { title: OWN_ERROR } });
    expect(code).toBe(2);
    expect(lines.join("\n")).toContain("::error::peptalk failed");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("review --pr --post completes its run before reporting the error", async () => {
    const { scope, completion } = crashingApi();
    scope.get(`${REPO}/pulls/2`).reply(200, {
      number: 2,
      head: { sha: HEAD },
      base: { sha: BASE, repo: { default_branch: "master" } },
      changed_files: 1,
    });
    const io: Io = {
      cwd: process.cwd(),
      stdout: () => {},
      stderr: () => {},
      progress: () => {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: { GITHUB_TOKEN: "t" },
    };
    await expect(runReviewCommand({ pr: "Codertocat/Hello-World#2", post: true, format: "text" }, io)).rejects.toThrow(
      "Something unexpected",
    );
    expect(completion.body).toMatchObject({ status: "completed", conclusion: "failure", output: { title: OWN_ERROR } });
    expect(scope.pendingMocks()).toEqual([]);
  });
});

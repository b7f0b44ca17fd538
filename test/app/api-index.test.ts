// The App reads the repository at base and head through the trees' blob SHAs and batched
// GraphQL, caches blob indexes across pushes, and reports what the PR breaks elsewhere.
import { describe, expect, it } from "@jest/globals";
import { mockGraphql, mockReviewStart, nock, payload, REPO, useTestApp, whenIdle } from "../helpers/app.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

const BASE_CLIENT = "def fetch(url):\n    return url\n\n\ndef ping():\n    return 1\n";
const HEAD_CLIENT = "def fetch(url):\n    return url\n";
const PATCH = "@@ -1,6 +1,2 @@\n def fetch(url):\n     return url\n-\n-\n-def ping():\n-    return 1";
const TEST_SYNC = "import os\nfrom pkg.client import ping\n\n\ndef test_ping():\n    assert ping() == 1\n";

/** Blob SHAs: any distinct strings serve (the cache keys on them). */
const SHA: Record<string, string> = {
  init: "1".repeat(40),
  baseClient: "2".repeat(40),
  headClient: "3".repeat(40),
  testSync: "4".repeat(40),
};
const OTHER = Array.from({ length: 30 }, (_, i) => `pkg/m${i}.py`);
const otherSha = (i: number): string => `5${String(i).padStart(39, "0")}`;

function tree(client: string): { path: string; type: string; sha: string }[] {
  return [
    { path: "pkg/__init__.py", type: "blob", sha: SHA["init"]! },
    { path: "pkg/client.py", type: "blob", sha: client },
    { path: "tests/test_sync.py", type: "blob", sha: SHA["testSync"]! },
    ...OTHER.map((path, i) => ({ path, type: "blob", sha: otherSha(i) })),
  ];
}

const TEXTS: Record<string, string> = {
  [`${HEAD}:pkg/client.py`]: HEAD_CLIENT,
  [`${BASE}:pkg/client.py`]: BASE_CLIENT,
  [`${HEAD}:pkg/__init__.py`]: "",
  [`${HEAD}:tests/test_sync.py`]: TEST_SYNC,
  ...Object.fromEntries(OTHER.map((path, i) => [`${HEAD}:${path}`, `def f${i}(a):\n    return a\n`])),
};

/**
 * Blob expressions asked for, the review threads shown and the threads resolved, per push (a
 * GraphQL interceptor left from an earlier push may answer, so it reads these).
 */
let blobQueries: string[][] = [];
let threadsShown: Thread[] = [];
let threadsResolved: string[] = [];

interface Thread {
  id: string;
  body: string;
  path: string;
  diffSide: "LEFT" | "RIGHT";
}

function mockRun(
  log: string[][],
  threads: Thread[] = [],
): { scope: nock.Scope; done: Promise<any>; review: Promise<any>; resolved: string[] } {
  blobQueries = log;
  threadsShown = threads;
  const resolved: string[] = [];
  threadsResolved = resolved;
  const scope = mockReviewStart(HEAD, [{ filename: "pkg/client.py", status: "modified", patch: PATCH }]);
  scope
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: tree(SHA["headClient"]!) });
  scope
    .get(`${REPO}/git/trees/${BASE}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: tree(SHA["baseClient"]!) });
  // Read at each query, not now: an interceptor left from an earlier push may answer.
  mockGraphql(scope, {
    contents: (expression) => TEXTS[expression],
    threads: () =>
      threadsShown.map((t, i) => ({
        id: t.id,
        isResolved: false,
        path: t.path,
        diffSide: t.diffSide,
        comments: { nodes: [{ databaseId: i + 1, body: t.body }] },
      })),
    get resolved() {
      return threadsResolved;
    },
    get blobQueries() {
      return blobQueries;
    },
  });
  scope.get(`${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } });
  const review = new Promise<any>((resolve) => {
    scope
      .post(`${REPO}/pulls/2/reviews`, (b) => (resolve(b), true))
      .optionally()
      .reply(200, { id: 1 });
  });
  const done = new Promise<any>((resolve) => {
    scope.patch(`${REPO}/check-runs/7`, (b) => (resolve(b), true)).reply(200, {});
  });
  return { scope, done, review, resolved };
}

const app = useTestApp();

describe("the App's repository index", () => {
  it("reports the untouched importer of a removed name, and a second push reads only the changed blobs", async () => {
    const first: string[][] = [];
    const run1 = mockRun(first);
    await app.deliver("pull_request", payload("pull_request", "opened"));
    const completion = await run1.done;
    const annotations = completion.output.annotations.map((a: any) => `${a.path}:${a.start_line} ${a.title}`);
    expect(annotations).toContain("tests/test_sync.py:2 broken-import");
    // The removal's own finding is on a removed line: not annotated (head lines only), listed.
    expect(annotations.filter((a: string) => a.startsWith("pkg/client.py"))).toEqual([]);
    expect(completion.output.summary).toContain("`tests/test_sync.py:2` `broken-import`");
    expect(completion.output.summary).toContain("### On removed lines");
    expect(completion.output.summary).toContain("`pkg/client.py:5` (removed line) `broken-import`");
    expect(completion.output.summary).toContain("| `pkg.client.ping` | function removed | **no** |");
    expect(completion.conclusion).toBe("failure");
    // Cold: the engine's changed file, then every Python blob once for the index (base's
    // unchanged blobs share the head's SHAs): 3 + 30 at head, the changed file at base.
    expect(first.flat()).toHaveLength(1 + OTHER.length + 3 + 1);
    expect(first.flat().filter((e) => e.startsWith(BASE))).toEqual([`${BASE}:pkg/client.py`]);
    expect(run1.scope.pendingMocks()).toEqual([]);

    const second: string[][] = [];
    const run2 = mockRun(second);
    await app.deliver("pull_request", payload("pull_request", "opened"));
    const completion2 = await run2.done;
    expect(completion2.output.summary).toContain("broken-import");
    // Warm: the engine's changed file, and the changed file at base and head for the index.
    expect(second.flat().sort()).toEqual([`${HEAD}:pkg/client.py`, `${HEAD}:pkg/client.py`, `${BASE}:pkg/client.py`]);
  });

  it("posts the removal's comments on the removed line (side LEFT, base line) and does not repeat them", async () => {
    const run = mockRun([]);
    await app.receive("pull_request", payload("pull_request", "opened"));
    const review = await run.review;
    await run.done;
    // The same head is one job: the next delivery is reviewed only once this one has finished.
    await whenIdle(app.probot);
    const left = review.comments.filter((c: any) => c.side === "LEFT");
    // `def ping():` is line 5 of the base file; GitHub takes it as a LEFT line of the hunk.
    expect(left.map((c: any) => `${c.path}:${c.line} ${c.side}`)).toEqual([
      "pkg/client.py:5 LEFT",
      "pkg/client.py:5 LEFT",
    ]);
    expect(left.map((c: any) => c.body).join("\n")).toMatch(
      /`ping` removed here, still imported by `tests\/test_sync.py:2`/,
    );
    expect(left.every((c: any) => c.start_line === undefined)).toBe(true);

    // The next push finds those threads (diffSide LEFT) by their marker: nothing new to post.
    const threads = left.map((c: any, i: number) => ({
      id: `T${i}`,
      body: c.body,
      path: c.path,
      diffSide: "LEFT" as const,
    }));
    const again = mockRun([], threads);
    await app.receive("pull_request", payload("pull_request", "opened"));
    const completion = await again.done;
    expect(completion.output.summary).toContain("2 already commented on an earlier push");
    expect(again.resolved).toEqual([]);
  });
});

// The Action entry driven like a workflow: a recorded pull_request event on disk, the
// workflow's environment, and every GitHub request answered by nock.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { runAction } from "../../src/action/main.js";
import { API, mockNoOpenCheckRun, payload, REPO } from "../helpers/app.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const SOURCE = "def f(x: object, items: list = []) -> bool:\n    return items.pop() == None\n";
const PATCH = "@@ -0,0 +1,2 @@\n+def f(x: object, items: list = []) -> bool:\n+    return items.pop() == None";

const eventDirs: string[] = [];
afterAll(() => {
  for (const dir of eventDirs) rmSync(dir, { recursive: true, force: true });
});

function eventFile(mutate: (e: Record<string, any>) => void = () => {}): string {
  const event = payload("pull_request", "opened");
  mutate(event);
  const dir = mkdtempSync(join(tmpdir(), "peptalk-action-"));
  eventDirs.push(dir);
  const path = join(dir, "event.json");
  writeFileSync(path, JSON.stringify(event));
  return path;
}

/** Config, files, tree and GraphQL: what every run reads. */
function mockGitHub(): { scope: nock.Scope } {
  const scope = nock(API)
    .get(`${REPO}/contents/.github%2Fpeptalk.yml`)
    .query({ ref: "master" })
    .reply(404)
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: 100 })
    .reply(200, [{ filename: "app.py", status: "added", patch: PATCH }])
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: [{ path: "app.py", type: "blob" }] })
    .post("/graphql")
    .times(2)
    .reply(200, (_uri, body) => {
      const query = String((body as { query: string }).query);
      if (query.includes("reviewThreads"))
        return {
          data: {
            repository: {
              pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } },
            },
          },
        };
      return {
        data: {
          repository: { f0: { text: SOURCE, byteSize: SOURCE.length, isBinary: false, isTruncated: false, oid: "a" } },
        },
      };
    });
  return { scope };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub Action entry", () => {
  it("posts the same review and check run as the App, with the workflow's token", async () => {
    const { scope } = mockGitHub();
    let review: any;
    let completion: any;
    mockNoOpenCheckRun(scope, HEAD);
    scope
      .post(`${REPO}/check-runs`, (b) => b.name === "peptalk" && b.head_sha === HEAD)
      .matchHeader("authorization", "token workflow-token")
      .reply(201, { id: 9 })
      .get(`${REPO}/pulls/2`)
      .reply(200, { head: { sha: HEAD } })
      .post(`${REPO}/pulls/2/reviews`, (b) => ((review = b), true))
      .reply(200, { id: 1 })
      .patch(`${REPO}/check-runs/9`, (b) => ((completion = b), true))
      .reply(200, {});
    const lines: string[] = [];
    const code = await runAction({
      env: { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: eventFile(), INPUT_GITHUB_TOKEN: "workflow-token" },
      log: (l) => lines.push(l),
    });
    expect(review.comments.map((c: any) => `${c.path}:${c.line}`)).toEqual(["app.py:1", "app.py:2"]);
    expect(completion).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "1 error, 1 warning in 1 file" },
    });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe("peptalk: 1 error, 1 warning in 1 file (failure).");
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("annotates instead of posting on a fork pull request (read-only token)", async () => {
    const { scope } = mockGitHub();
    const lines: string[] = [];
    const code = await runAction({
      env: {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventFile((e) => (e["pull_request"].head.repo.full_name = "someone/Hello-World")),
        INPUT_GITHUB_TOKEN: "read-only",
      },
      log: (l) => lines.push(l),
    });
    expect(lines.join("\n")).toContain(
      "::error file=app.py,line=1,endLine=1,col=32,endColumn=34,title=peptalk mutable-default-argument (B006)::",
    );
    expect(code).toBe(1);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("does nothing on other events", async () => {
    const lines: string[] = [];
    expect(await runAction({ env: { GITHUB_EVENT_NAME: "push" }, log: (l) => lines.push(l) })).toBe(0);
    expect(lines).toEqual(["peptalk: nothing to do for the push event (run it on pull_request)."]);
  });
});

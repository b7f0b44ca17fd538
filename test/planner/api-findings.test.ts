// What a PR breaks elsewhere reaches the plan: api findings in files the PR does not touch stay
// in the summary and count for the gate; the API changes table lists every public change.
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { apiInputFromTexts } from "../../src/engine/api/index.js";
import { apiChanges } from "../../src/engine/api/compare.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { enabledChecks, runEngine } from "../../src/engine/engine.js";
import type { Finding } from "../../src/engine/types.js";
import { fingerprintOf, ruleOf } from "../../src/planner/comment.js";
import { planReview } from "../../src/planner/plan-review.js";
import type { ChangedFile, ExistingComment } from "../../src/planner/types.js";

const BASE_CLIENT = "def fetch(url, timeout=10):\n    return url\n\n\ndef ping():\n    return 1\n";
const HEAD_CLIENT = "def fetch(url, timeout=10, retries=0):\n    return url\n";
const PATCH =
  "@@ -1,6 +1,2 @@\n-def fetch(url, timeout=10):\n+def fetch(url, timeout=10, retries=0):\n     return url\n-\n-\n-def ping():\n-    return 1";
const HEAD = {
  "pkg/__init__.py": "",
  "pkg/client.py": HEAD_CLIENT,
  "tests/test_sync.py": "from pkg.client import ping\n",
};

interface Push {
  head?: Record<string, string>;
  /** Base texts of the changed files (null: added). */
  base?: Record<string, string | null>;
  changed?: ChangedFile[];
  existing?: ExistingComment[];
  /** Whether both repository indexes were built (default: yes). */
  apiIndexed?: boolean;
}

async function plan(raw: unknown = {}, push: Push = {}) {
  const { config } = resolveConfig(raw, { rules: allChecks });
  const head: Record<string, string> = push.head ?? HEAD;
  const changed = push.changed ?? [{ path: "pkg/client.py", status: "modified", patch: PATCH }];
  const api = apiInputFromTexts(head, push.base ?? { "pkg/client.py": BASE_CLIENT });
  const atHead = changed.filter((f) => f.status !== "removed" && head[f.path] !== undefined);
  const result = await runEngine(
    {
      files: atHead.map((f) => ({ path: f.path, content: head[f.path]! })),
      config,
      project: { paths: Object.keys(head), changedPaths: changed.map((f) => f.path), files: head, api },
    },
    allChecks,
  );
  return planReview({
    findings: result.findings,
    changedFiles: changed,
    existing: push.existing ?? [],
    config,
    analysed: result.analysed,
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
    fileTexts: new Map(atHead.map((f) => [f.path, head[f.path]!])),
    apiChanges: apiChanges(api.base, api.head),
    apiIndexed: push.apiIndexed ?? true,
  });
}

describe("api findings in the plan", () => {
  it.each(["changed-lines", "changed-files"])(
    "keeps the untouched importer's finding in the summary and counts it (scope %s)",
    async (scope) => {
      const p = await plan({ check: { scope } });
      const importer = p.summaryOnly.find((s) => s.finding.path === "tests/test_sync.py");
      expect(importer?.finding.rule).toBe("broken-import");
      expect(importer?.reason).toBe("outside-diff");
      expect(p.gate.counted).toContain(importer?.finding);
      expect(p.check.conclusion).toBe("failure");
      expect(p.check.summary).toContain("`tests/test_sync.py:1` `broken-import`");
    },
  );

  it("lists compatible and incompatible public changes in an API changes table", async () => {
    const p = await plan();
    expect(p.check.summary).toContain("### API changes");
    expect(p.check.summary).toContain("| `pkg.client.fetch` | new optional parameter `retries` | yes |");
    expect(p.check.summary).toContain("| `pkg.client.ping` | function removed | **no** |");
  });
});

// Findings on removed lines (issue 14): a removal is commented on the diff's LEFT side, at the
// base line, on the file's head name; GitHub's rules for LEFT lines decide what fits.
describe("findings on removed lines", () => {
  const RENAMED_HEAD = {
    "pkg/__init__.py": "",
    "pkg/http.py": HEAD_CLIENT,
    "tests/test_sync.py": "from pkg.client import ping\n",
  };
  const FETCH_ONLY_PATCH =
    "@@ -1,2 +1,2 @@\n-def fetch(url, timeout=10):\n+def fetch(url, timeout=10, retries=0):\n     return url";
  const REMOVED_PATCH =
    "@@ -1,6 +0,0 @@\n-def fetch(url, timeout=10):\n-    return url\n-\n-\n-def ping():\n-    return 1";

  interface Row {
    name: string;
    raw?: unknown;
    head?: Record<string, string>;
    base?: Record<string, string | null>;
    changed?: ChangedFile[];
    /** Each new comment as "path:line SIDE rule". */
    comments: string[];
    /** Each summary-only finding on a removed line as "path:line rule reason". */
    summaryOnly?: string[];
  }

  it.each<Row>([
    {
      name: "a removed function: both api rules on its removed line",
      comments: ["pkg/client.py:5 LEFT broken-import", "pkg/client.py:5 LEFT public-api-change"],
    },
    {
      name: "a renamed module: on the old file's removed first line, under the file's head name",
      head: RENAMED_HEAD,
      base: { "pkg/client.py": BASE_CLIENT, "pkg/http.py": null },
      changed: [{ path: "pkg/http.py", status: "renamed", previousPath: "pkg/client.py", patch: PATCH }],
      comments: ["pkg/http.py:1 LEFT broken-import", "pkg/http.py:1 LEFT public-api-change"],
    },
    {
      name: "a removed module: on line 1 of the removed file",
      head: { "pkg/__init__.py": "", "tests/test_sync.py": "from pkg.client import ping\n" },
      changed: [{ path: "pkg/client.py", status: "removed", patch: REMOVED_PATCH }],
      comments: ["pkg/client.py:1 LEFT broken-import", "pkg/client.py:1 LEFT public-api-change"],
    },
    {
      name: "a removed file without a patch: the summary says why",
      head: { "pkg/__init__.py": "", "tests/test_sync.py": "from pkg.client import ping\n" },
      changed: [{ path: "pkg/client.py", status: "removed" }],
      comments: [],
      summaryOnly: ["pkg/client.py:1 broken-import no-patch", "pkg/client.py:1 public-api-change no-patch"],
    },
    {
      name: "inline comments off",
      raw: { review: { comments: "off" } },
      comments: [],
      summaryOnly: ["pkg/client.py:5 broken-import comments-off", "pkg/client.py:5 public-api-change comments-off"],
    },
    {
      name: "a removed line outside the patch GitHub shows (a truncated hunk)",
      changed: [{ path: "pkg/client.py", status: "modified", patch: FETCH_ONLY_PATCH }],
      comments: [],
      summaryOnly: ["pkg/client.py:5 broken-import outside-diff", "pkg/client.py:5 public-api-change outside-diff"],
    },
  ])("$name", async (row) => {
    const p = await plan(row.raw ?? {}, row);
    const left = (f: Finding): boolean => f.side === "LEFT";
    expect(p.comments.map((c) => `${c.path}:${c.line} ${c.side} ${c.finding.rule}`)).toEqual(row.comments);
    expect(
      p.summaryOnly
        .filter((s) => left(s.finding))
        .map((s) => `${s.finding.path}:${s.finding.line} ${s.finding.rule} ${s.reason}`),
    ).toEqual(row.summaryOnly ?? []);
    // Annotations address head lines only: no finding on a removed line is annotated.
    const removed = [...p.comments.map((c) => c.finding), ...p.summaryOnly.map((s) => s.finding)].filter(left);
    expect(removed.length).toBeGreaterThan(0);
    for (const f of removed) {
      expect(p.check.annotations.some((a) => a.message === f.message)).toBe(false);
      expect(p.check.summary).toContain(`\`${f.path}:${f.line}\` (removed line) \`${f.rule}\``);
    }
  });

  it("places a LEFT finding on a context line only when comments cover the whole diff", async () => {
    const { config } = resolveConfig({}, { rules: allChecks });
    const { config: wide } = resolveConfig({ review: { comments: "changed-files" } }, { rules: allChecks });
    const finding: Finding = {
      path: "pkg/client.py",
      rule: "public-api-change",
      codes: [],
      category: "api",
      severity: "warning",
      message: "Public API change",
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 1,
      fix: null,
      side: "LEFT",
      fingerprint: "0123456789abcdef",
    };
    const input = {
      findings: [finding],
      changedFiles: [{ path: "pkg/client.py", status: "modified" as const, patch: PATCH }],
      existing: [],
      analysed: ["pkg/client.py"],
      enabledRules: ["public-api-change"],
    };
    expect(planReview({ ...input, config }).summaryOnly.map((s) => s.reason)).toEqual(["outside-diff"]);
    expect(planReview({ ...input, config: wide }).comments.map((c) => `${c.line} ${c.side}`)).toEqual(["2 LEFT"]);
  });

  it("recognises its LEFT comments on the next push and resolves their threads once the name is back", async () => {
    const first = await plan();
    const thread = (rule: string): ExistingComment => {
      const c = first.comments.find((x) => x.finding.rule === rule)!;
      return {
        fingerprint: fingerprintOf(c.body)!,
        commentId: 1,
        threadId: `T-${rule}`,
        isResolved: false,
        path: c.path,
        rule: ruleOf(c.body)!,
        side: "LEFT",
      };
    };
    const existing = [thread("public-api-change"), thread("broken-import")];
    // Another push changes fetch again: the removal's fingerprint (base text) is unchanged.
    const again = await plan(
      {},
      { existing, head: { ...HEAD, "pkg/client.py": "def fetch(url, timeout=10, retries=1):\n    return url\n" } },
    );
    expect(again.comments).toEqual([]);
    expect(again.alreadyCommented.map((f) => f.rule).sort()).toEqual(["broken-import", "public-api-change"]);
    // ping is back: both threads are resolved, unless the repository could not be indexed.
    const restoredClient = HEAD_CLIENT + "\n\ndef ping():\n    return 1\n";
    const restored = {
      existing,
      head: { ...HEAD, "pkg/client.py": restoredClient },
      changed: [{ path: "pkg/client.py", status: "modified" as const, patch: FETCH_ONLY_PATCH }],
    };
    expect((await plan({}, restored)).threadsToResolve.sort()).toEqual(["T-broken-import", "T-public-api-change"]);
    expect((await plan({}, { ...restored, apiIndexed: false })).threadsToResolve).toEqual([]);
  });
});

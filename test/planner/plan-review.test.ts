import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { runEngine } from "../../src/engine/engine.js";
import { planReview, suggestionFor } from "../../src/planner/plan-review.js";
import type { ChangedFile, ExistingComment } from "../../src/planner/types.js";
import { fingerprintOf } from "../../src/planner/comment.js";

const NEW =
  "import os\n\n\ndef old(x: int) -> bool:\n    return x == None\n\n\ndef new(y: int, items: list = []) -> object:\n    if not y in items:\n        return items.pop() != None\n";
const PATCH =
  "@@ -3,3 +3,8 @@ import os\n \n def old(x):\n     return x == None\n+\n+\n+def new(y, items=[]):\n+    if not y in items:\n+        return items.pop() != None";

async function plan(
  raw: unknown = {},
  existing: ExistingComment[] = [],
  changed: ChangedFile[] = [{ path: "app.py", status: "modified", patch: PATCH }],
) {
  const { config } = resolveConfig(raw, { rules: allChecks });
  const result = await runEngine({ files: [{ path: "app.py", content: NEW }], config }, allChecks);
  return planReview({
    findings: result.findings,
    changedFiles: changed,
    existing,
    config,
    fileTexts: new Map([["app.py", NEW]]),
  });
}

describe("planReview", () => {
  it("comments only on lines the PR adds; older findings go to the summary and out of the gate", async () => {
    const p = await plan();
    expect(p.comments.map((c) => `${c.line} ${c.finding.rule}`)).toEqual([
      "8 mutable-default-argument",
      "9 not-in-test",
      "10 none-comparison",
    ]);
    expect(p.summaryOnly.map((s) => `${s.finding.line} ${s.reason}`)).toEqual(["5 outside-diff"]);
    expect(p.gate.preExisting).toBe(1);
    expect(p.check.conclusion).toBe("failure"); // mutable-default-argument is an error
    expect(p.check.title).toBe("1 error, 2 warnings in 1 file");
    expect(p.check.summary).toContain("1 pre-existing finding was left out of the gate");
    expect(p.review).toEqual({ event: "COMMENT", body: "peptalk left 3 new comments on this push." });
  });

  it("puts a one-click suggestion in the comment when the fix stays on the finding's lines", async () => {
    const p = await plan();
    const comment = p.comments.find((c) => c.finding.rule === "not-in-test")!;
    expect(comment.body).toContain("```suggestion\n    if y not in items:\n```");
    expect(comment.startLine).toBeUndefined();
    expect(fingerprintOf(comment.body)).toBe(comment.finding.fingerprint);
  });

  it("does not repeat findings already commented, and resolves threads of fixed ones", async () => {
    const first = await plan();
    const existing: ExistingComment[] = first.comments.map((c, i) => ({
      fingerprint: c.finding.fingerprint,
      commentId: i,
      threadId: `T${i}`,
    }));
    existing.push({ fingerprint: "deadbeefdeadbeef", commentId: 9, threadId: "Tgone" });
    existing.push({ fingerprint: "feedfacefeedface", commentId: 10, threadId: "Thuman", hasHumanReply: true });
    const second = await plan({}, existing);
    expect(second.comments).toEqual([]);
    expect(second.review).toBeNull();
    expect(second.alreadyCommented).toHaveLength(3);
    expect(second.threadsToResolve).toEqual(["Tgone"]);
  });

  it("caps comments at review.max_comments, most severe first", async () => {
    const p = await plan({ review: { max_comments: 1 } });
    expect(p.comments.map((c) => c.finding.rule)).toEqual(["mutable-default-argument"]);
    expect(p.summaryOnly.filter((s) => s.reason === "over-cap")).toHaveLength(2);
    expect(p.review!.body).toContain("2 more are listed in the `peptalk` check run");
  });

  it("widens the gate with check.scope and relaxes it with fail_on", async () => {
    expect((await plan({ check: { scope: "all" } })).gate.counted).toHaveLength(4);
    const lenient = await plan({ rules: { "mutable-default-argument": "warning" } });
    expect(lenient.check.conclusion).toBe("success");
    expect(lenient.check.title).toBe("3 warnings in 1 file");
  });

  it("leaves out what project checks find in files the change does not touch, unless scope is all", async () => {
    const { config } = resolveConfig({}, { rules: allChecks });
    const result = await runEngine(
      {
        files: [{ path: "app.py", content: NEW }],
        config,
        project: {
          paths: ["app.py", "pyproject.toml"],
          files: { "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n' },
        },
      },
      allChecks,
    );
    expect(result.findings.map((f) => f.rule)).toContain("pyproject-missing-requires-python");
    const input = {
      findings: result.findings,
      changedFiles: [{ path: "app.py", status: "modified" as const, patch: PATCH }],
      existing: [],
    };
    const narrow = planReview({ ...input, config });
    expect(narrow.summaryOnly.map((s) => s.finding.path)).not.toContain("pyproject.toml");
    expect(narrow.check.annotations.map((a) => a.path)).not.toContain("pyproject.toml");
    const wide = planReview({
      ...input,
      config: resolveConfig({ check: { scope: "all" } }, { rules: allChecks }).config,
    });
    expect(wide.summaryOnly.map((s) => s.finding.path)).toContain("pyproject.toml");
  });

  it("says '0 new findings' when the PR adds nothing to report", async () => {
    const p = await plan(
      {},
      [],
      [{ path: "app.py", status: "modified", patch: "@@ -1,1 +1,1 @@\n-import sys\n+import os" }],
    );
    expect(p.check.title).toBe("0 new findings (4 pre-existing)");
    expect(p.check.conclusion).toBe("success");
    expect(p.review).toBeNull();
  });

  it("asks for changes only when configured and the gate fails", async () => {
    expect((await plan({ review: { request_changes: true } })).review!.event).toBe("REQUEST_CHANGES");
  });

  it("lists findings without inline comments when comments are off or the file has no patch", async () => {
    expect((await plan({ review: { comments: "off" } })).comments).toEqual([]);
    const noPatch = await plan({}, [], [{ path: "app.py", status: "modified" }]);
    expect(noPatch.summaryOnly.every((s) => s.reason === "no-patch")).toBe(true);
  });

  it("fails the check run and explains when the config is broken", () => {
    const { config } = resolveConfig({}, { rules: allChecks });
    const p = planReview({
      findings: [],
      changedFiles: [],
      existing: [],
      config,
      configErrors: [{ path: "reveiw", message: 'Unknown key "reveiw".' }],
    });
    expect(p.check.conclusion).toBe("failure");
    expect(p.check.title).toBe("Configuration error in .github/peptalk.yml");
    expect(p.check.summary).toContain('- `reveiw`: Unknown key "reveiw".');
  });
});

describe("suggestionFor", () => {
  it("refuses a fix whose edits reach outside the finding's lines", async () => {
    const { config } = resolveConfig({}, { rules: allChecks });
    const [finding] = (await runEngine({ files: [{ path: "a.py", content: "x == None\n" }], config }, allChecks))
      .findings;
    expect(suggestionFor(finding!, "x == None\n")).toEqual({ start: 1, end: 1, code: "x is None" });
    const outside = { ...finding!, line: 2, endLine: 2 };
    expect(suggestionFor(outside, "x == None\n")).toBeNull();
  });
});

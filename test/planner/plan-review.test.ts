import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { enabledChecks, runEngine } from "../../src/engine/engine.js";
import { planReview, suggestionFor } from "../../src/planner/plan-review.js";
import type { ChangedFile, ExistingComment } from "../../src/planner/types.js";
import { fingerprintOf, MAX_BODY, ruleOf } from "../../src/planner/comment.js";
import type { CheckFailure } from "../../src/engine/types.js";
import { Reparser } from "../../src/planner/reparse.js";
import { hazards } from "../helpers/markdown.js";

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
  // The team runs Ruff (its default selection has E713): `not-in-test`, a taste rule, speaks.
  const project = { files: { "ruff.toml": "line-length = 100\n" } };
  const result = await runEngine({ files: [{ path: "app.py", content: NEW }], config, project }, allChecks);
  return planReview({
    findings: result.findings,
    changedFiles: changed,
    existing,
    config,
    analysed: result.analysed,
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
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
    const gone = { path: "app.py", rule: "none-comparison" };
    existing.push({ fingerprint: "deadbeefdeadbeef", commentId: 9, threadId: "Tgone", ...gone });
    existing.push({ fingerprint: "feedfacefeedface", commentId: 10, threadId: "Thuman", hasHumanReply: true, ...gone });
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
      analysed: result.analysed,
      enabledRules: [],
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
      analysed: [],
      enabledRules: [],
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

interface Run {
  source: string;
  path?: string;
  raw?: unknown;
  patch?: string;
  existing?: ExistingComment[];
  failures?: CheckFailure[];
  fileText?: string;
}

/** The engine on one file, then the planner, as review-pull-request.ts wires them. */
async function planOne(run: Run) {
  const path = run.path ?? "app.py";
  const { config } = resolveConfig(run.raw ?? {}, { rules: allChecks });
  const result = await runEngine({ files: [{ path, content: run.source }], config }, allChecks);
  const patch =
    run.patch ??
    `@@ -0,0 +1,${run.source.split("\n").length - 1} @@\n${run.source
      .trimEnd()
      .split("\n")
      .map((l) => `+${l}`)
      .join("\n")}`;
  return planReview({
    findings: result.findings,
    changedFiles: [{ path, status: "added", patch }],
    existing: run.existing ?? [],
    config,
    skipped: result.skipped,
    failures: [...result.failures, ...(run.failures ?? [])],
    analysed: result.analysed,
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
    fileTexts: new Map([[path, run.fileText ?? run.source]]),
    docsUrl: null,
  });
}

describe("hostile input (issue 11)", () => {
  it("survives a 400 KB line of backtick runs next to a fixable finding, and never cuts a suggestion", async () => {
    const source = `def f(x: object) -> bool:\n    return x == None or "${"` ".repeat(200_000)}"\n`;
    const p = await planOne({ source });
    const comment = p.comments.find((c) => c.finding.rule === "none-comparison")!;
    expect(comment.body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(comment.body).toContain("(The fix is too long to show here.)");
    expect(comment.body).not.toContain("```suggestion");
    expect(fingerprintOf(comment.body)).toBe(comment.finding.fingerprint);
  });

  it("renders names from the PR so they ping nobody and hide nothing, in comments and the summary", async () => {
    const source =
      '__all__ = ["x` @octocat @org/security `y", "<!--", "a@b"]\n\n\ndef f(x: object) -> bool:\n    return x == None\n';
    const p = await planOne({ source, path: "pkg/<!--`@octocat`.py", raw: { review: { max_comments: 1 } } });
    expect(p.comments.length + p.summaryOnly.length).toBeGreaterThanOrEqual(3);
    for (const c of p.comments) expect(hazards(c.body)).toEqual([]);
    expect(hazards(p.check.summary)).toEqual([]);
    expect(p.check.summary).toContain("octocat");
    for (const a of p.check.annotations) expect(a.message).not.toMatch(/@[a-z]/);
  });
});

describe("files with a UTF-8 BOM (issue 11)", () => {
  // `is` with a literal: a bug rule whose fix (`==`) is safe, so it becomes a one-click suggestion.
  const text = "\uFEFFx is 1\n\n\ndef f(x: object) -> None:\n    if x is 1:\n        print(x)\n";

  it("rewrites the lines GitHub shows, keeping the BOM on line 1", async () => {
    // The App passes Buffer#toString(), which keeps the BOM; the engine reads the file without it.
    const p = await planOne({ source: text, fileText: Buffer.from(text, "utf8").toString() });
    const suggestions = p.comments.map((c) => /```suggestion\n([^]*?)\n```/.exec(c.body)?.[1]);
    expect(suggestions).toEqual(["\uFEFFx == 1", "    if x == 1:"]);
  });

  it("computes the same suggestion through suggestionFor, with or without the BOM", async () => {
    const { config } = resolveConfig({}, { rules: allChecks });
    const result = await runEngine({ files: [{ path: "a.py", content: text }], config }, allChecks);
    const inner = result.findings.find((f) => f.line === 5)!;
    expect(suggestionFor(inner, text)).toEqual({ start: 5, end: 5, code: "    if x == 1:" });
    expect(suggestionFor(inner, text.slice(1))).toEqual({ start: 5, end: 5, code: "    if x == 1:" });
    // Text that does not match the engine's offsets gets no suggestion rather than a wrong one.
    expect(suggestionFor(inner, `#${text.slice(1)}`)).toBeNull();
  });
});

describe("fix safety (issue 12)", () => {
  it("offers a one-click suggestion only for a safe fix; an unsafe one is plain code with its reason", async () => {
    const safe = await planOne({ source: "def f(x: object) -> bool:\n    return x is 1\n" });
    expect(safe.comments[0]!.body).toContain("```suggestion\n    return x == 1\n```");

    const source = "def f(x: object) -> bool:\n    return x == None\n";

    const { config } = resolveConfig({}, { rules: allChecks });
    const result = await runEngine({ files: [{ path: "app.py", content: source }], config }, allChecks);
    const finding = result.findings.find((f) => f.rule === "none-comparison")!;
    const unsafe = {
      ...finding,
      fix: { ...finding.fix!, safety: "unsafe" as const, unsafeReason: "`__eq__` may be overridden" },
    };
    const p = planReview({
      findings: [unsafe],
      changedFiles: [{ path: "app.py", status: "added", patch: "@@ -0,0 +1,2 @@\n+a\n+b" }],
      existing: [],
      config,
      analysed: ["app.py"],
      enabledRules: [],
      fileTexts: new Map([["app.py", source]]),
      docsUrl: null,
    });
    const body = p.comments[0]!.body;
    expect(body).not.toContain("```suggestion");
    expect(body).toContain("(needs a human: `__eq__` may be overridden):\n\n```python\n    return x is None\n```");
  });
});

describe("resolving threads (issue 11)", () => {
  const before = "def f(x: object) -> bool:\n    return x == None\n";
  const fixed = "def f(x: object) -> bool:\n    return x is None\n";

  async function threadFor(): Promise<ExistingComment> {
    const first = await planOne({ source: before });
    const comment = first.comments.find((c) => c.finding.rule === "none-comparison")!;
    return {
      fingerprint: fingerprintOf(comment.body)!,
      commentId: 1,
      threadId: "T1",
      isResolved: false,
      path: "app.py",
      rule: ruleOf(comment.body)!,
    };
  }

  it("resolves a thread when the file was analysed with the rule on and the finding is gone", async () => {
    const thread = await threadFor();
    expect(thread.rule).toBe("none-comparison");
    expect((await planOne({ source: fixed, existing: [thread] })).threadsToResolve).toEqual(["T1"]);
  });

  it.each([
    ["the file is excluded", { raw: { exclude: ["app.py"] } }],
    ["the rule is off", { raw: { rules: { "none-comparison": "off" } } }],
    ["the rule crashed on the file", { failures: [{ rule: "none-comparison", path: "app.py", message: "boom" }] }],
    ["the engine gave up on the file", { failures: [{ rule: "time-budget", path: "app.py", message: "10 s" }] }],
    ["the file was skipped as too large", { raw: { max_file_size: 10 } }],
  ])("keeps the thread open when %s", async (_why, extra: Partial<Run>) => {
    const thread = await threadFor();
    expect((await planOne({ source: fixed, existing: [thread], ...extra })).threadsToResolve).toEqual([]);
  });

  it("keeps a thread whose file or rule is unknown (an older comment without them)", async () => {
    const { path: _path, ...noPath } = await threadFor();
    expect((await planOne({ source: fixed, existing: [noPath] })).threadsToResolve).toEqual([]);
  });
});

describe("annotations, plurals and footers (issue 12)", () => {
  it("annotates the gate's findings and at most 50 others, most severe first; counts the rest", async () => {
    const old = Array.from({ length: 120 }, (_, i) => `    a${i} = x == None\n`).join("");
    const source = `def f(x: object) -> None:\n${old}    b = x == None\n`;
    const lastLine = source.split("\n").length - 1;
    const patch = `@@ -1,${lastLine - 1} +1,${lastLine} @@\n${source
      .trimEnd()
      .split("\n")
      .map((l, i) => (i === lastLine - 1 ? `+${l}` : ` ${l}`))
      .join("\n")}`;
    const p = await planOne({ source, patch });
    expect(p.gate.counted).toHaveLength(1);
    expect(p.check.annotations).toHaveLength(51);
    expect(p.check.annotations[0]!.start_line).toBe(lastLine);
    expect(p.check.annotationsLeftOut).toBe(70);
    expect(p.check.summary).toContain("70 more findings are counted in the tables above only");
    expect(p.check.summary).toContain("**1 new finding** in total");
  });

  it("links rule docs where the operator says, and nowhere when nobody says", async () => {
    const source = "def f(x: object) -> bool:\n    return x == None\n";
    const { config } = resolveConfig({}, { rules: allChecks });
    const result = await runEngine({ files: [{ path: "app.py", content: source }], config }, allChecks);
    const input = {
      findings: result.findings,
      changedFiles: [{ path: "app.py", status: "added" as const, patch: "@@ -0,0 +1,2 @@\n+a\n+b" }],
      existing: [],
      config,
      analysed: result.analysed,
      enabledRules: [],
    };
    const linked = planReview({ ...input, docsUrl: "https://docs.example.com/rules" });
    expect(linked.comments[0]!.body).toContain(
      "[none-comparison docs](https://docs.example.com/rules#none-comparison)",
    );
    const unlinked = planReview({ ...input, docsUrl: null });
    expect(unlinked.comments[0]!.body).not.toMatch(/\]\(http/);
    expect(unlinked.review!.body).toBe("peptalk left 1 new comment on this push.");
  });
});

describe("suggestionFor re-parses", () => {
  it("offers no suggestion whose lines would break the file", async () => {
    const source = "def f(x: object) -> bool:\n    return x == None\n";
    const { config } = resolveConfig({}, { rules: allChecks });
    const [finding] = (await runEngine({ files: [{ path: "a.py", content: source }], config }, allChecks)).findings;
    const edit = finding!.fix!.edits[0]!;
    const broken = { ...finding!, fix: { ...finding!.fix!, edits: [{ ...edit, text: "x is (" }] } };
    expect(suggestionFor(broken, source)).toBeNull();
    expect(suggestionFor(finding!, source)).toEqual({ start: 2, end: 2, code: "    return x is None" });
  });
});

describe("Reparser", () => {
  it("checks each suggestion against the original text, whatever the one before it did", () => {
    const source = "import os\n\n\ndef f(x: object) -> bool:\n    return x == None\n";
    const start = source.indexOf("x == None");
    const end = start + "x == None".length;
    const reparser = new Reparser(source);
    expect(reparser.keepsParsing(start, end, "x is None")).toBe(true);
    expect(reparser.keepsParsing(start, end, "x is (")).toBe(false);
    expect(reparser.keepsParsing(start, end, "x is not None")).toBe(true);
    expect(reparser.keepsParsing(start, end, "x is (\n    (")).toBe(false);
    expect(reparser.keepsParsing(start, end, "(\n        x is None\n    )")).toBe(true);
  });
});

describe("peptalk's marker", () => {
  it("names the rule; older comments without it give the rule in their header", () => {
    expect(ruleOf("x\n\n<!-- peptalk:v1:1234abcd rule=none-comparison -->")).toBe("none-comparison");
    expect(ruleOf("**warning** · `none-comparison` (E711): Comparison…\n\n<!-- peptalk:v1:1234abcd -->")).toBe(
      "none-comparison",
    );
    expect(ruleOf("**warning** · `none-comparison` (E711): no marker")).toBeNull();
  });

  it("counts only the marker that ends the body, not one quoted from the PR before it", () => {
    const body = "`<!-- peptalk:v1:deadbeefdeadbeef -->` is odd\n\n<!-- peptalk:v1:1234abcd rule=x -->";
    expect(fingerprintOf(body)).toBe("1234abcd");
    expect(fingerprintOf("`<!-- peptalk:v1:deadbeefdeadbeef -->` quoted, then more text")).toBeNull();
  });
});

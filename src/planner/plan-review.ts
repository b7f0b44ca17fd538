// The pure planner: findings + the PR's diff + peptalk's earlier comments + config →
// what to post. Everything that decides *what* is said lives here; the App and
// `peptalk review` only execute the plan.
import { allChecks } from "../../checks/index.js";
import { ruleInfo, type RuleInfo } from "../engine/check.js";
import { applyEdits } from "../engine/fix.js";
import type { Finding, Severity } from "../engine/types.js";
import { renderComment } from "./comment.js";
import { inOneHunk, isCommentable, parsePatch, type FileDiff } from "./diff-lines.js";
import type { PlanInput, PlannedAnnotation, PlannedComment, ReviewPlan } from "./types.js";
import { renderSummary } from "./summary.js";

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
const LEVEL = { error: "failure", warning: "warning", info: "notice" } as const;
/** Annotations beyond this many are counted in the summary, not sent (20 requests of 50). */
export const MAX_ANNOTATIONS = 1000;

let rulesById: Map<string, RuleInfo> | null = null;
export function ruleById(id: string): RuleInfo | undefined {
  rulesById ??= new Map(allChecks.map((c) => [c.id, ruleInfo(c)]));
  return rulesById.get(id);
}

function lines(f: Finding): number[] {
  const out: number[] = [];
  for (let l = f.line; l <= f.endLine; l++) out.push(l);
  return out;
}

/**
 * The suggestion for a finding: the finding's whole lines rewritten by its fix, when
 * every edit stays inside those lines. Null when no safe, local suggestion exists.
 */
export function suggestionFor(
  finding: Finding,
  text: string | undefined,
): { start: number; end: number; code: string } | null {
  if (!finding.fix || text === undefined) return null;
  const edits = finding.fix.edits;
  const first = Math.min(...edits.map((e) => e.line));
  const last = Math.max(...edits.map((e) => (e.endColumn === 1 && e.endLine > e.line ? e.endLine - 1 : e.endLine)));
  // GitHub suggestions replace whole lines: never touch a line outside the finding.
  if (first < finding.line || last > finding.endLine) return null;
  const fileLines = text.split("\n");
  const startOffset = fileLines.slice(0, first - 1).reduce((n, l) => n + l.length + 1, 0);
  const original = fileLines.slice(first - 1, last).join("\n");
  const local = edits.map((e) => ({ start: e.start - startOffset, end: e.end - startOffset, text: e.text }));
  if (local.some((e) => e.start < 0 || e.end > original.length)) return null;
  const code = applyEdits(original, local);
  return code === original ? null : { start: first, end: last, code };
}

export function planReview(input: PlanInput): ReviewPlan {
  const { config } = input;
  const diffs = new Map<string, FileDiff>();
  const changed = new Map(input.changedFiles.map((f) => [f.path, f]));
  for (const file of input.changedFiles) if (file.status !== "removed") diffs.set(file.path, parsePatch(file.patch));
  const existing = new Map(input.existing.map((c) => [c.fingerprint, c]));
  // Project checks look at the whole repository: what they find in files this change does not
  // touch (a `pyproject.toml` without `requires-python`) is not this change's business.
  // An `api` finding in a file the PR does not touch is caused by the PR (what it breaks elsewhere).
  const causedElsewhere = (f: Finding): boolean => f.category === "api" && !changed.has(f.path);
  const findings =
    config.check.scope === "all"
      ? input.findings
      : input.findings.filter((f) => changed.has(f.path) || causedElsewhere(f));
  const failOn = config.check.fail_on;

  const introduced = (f: Finding): boolean => {
    const diff = diffs.get(f.path);
    return !!diff && lines(f).some((l) => diff.added.has(l));
  };
  const counts = (f: Finding): boolean => {
    if (config.check.scope === "all" || causedElsewhere(f)) return true;
    if (config.check.scope === "changed-files") return diffs.has(f.path);
    return introduced(f);
  };

  const ordered = [...findings].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line,
  );
  const comments: PlannedComment[] = [];
  const summaryOnly: ReviewPlan["summaryOnly"] = [];
  const alreadyCommented: Finding[] = [];
  for (const finding of ordered) {
    if (existing.has(finding.fingerprint)) {
      alreadyCommented.push(finding);
      continue;
    }
    const diff = diffs.get(finding.path);
    if (config.review.comments === "off") {
      summaryOnly.push({ finding, reason: "comments-off" });
      continue;
    }
    if (!diff || diff.hunks.length === 0) {
      summaryOnly.push({ finding, reason: changed.has(finding.path) ? "no-patch" : "outside-diff" });
      continue;
    }
    const onChange =
      config.review.comments === "changed-lines"
        ? introduced(finding)
        : lines(finding).some((l) => isCommentable(diff, l));
    if (!onChange) {
      summaryOnly.push({ finding, reason: "outside-diff" });
      continue;
    }
    if (comments.length >= config.review.max_comments) {
      summaryOnly.push({ finding, reason: "over-cap" });
      continue;
    }
    comments.push(anchorComment(finding, diff, input.fileTexts?.get(finding.path), config.review.suggestions));
  }

  const present = new Set(findings.map((f) => f.fingerprint));
  const threadsToResolve = input.existing
    .filter((c) => c.threadId && !c.isResolved && !c.hasHumanReply && !present.has(c.fingerprint))
    .map((c) => c.threadId!);

  const counted = findings.filter(counts);
  const failing = failOn === "never" ? [] : counted.filter((f) => RANK[f.severity] >= RANK[failOn]);
  const preExisting = findings.length - counted.length;
  const configBroken = (input.configErrors?.length ?? 0) > 0;
  const conclusion = configBroken || failing.length > 0 ? "failure" : "success";

  const annotations: PlannedAnnotation[] = findings.slice(0, MAX_ANNOTATIONS).map((f) => ({
    path: f.path,
    start_line: f.line,
    end_line: f.endLine,
    ...(f.line === f.endLine ? { start_column: f.column, end_column: Math.max(f.column, f.endColumn) } : {}),
    annotation_level: LEVEL[f.severity],
    title: `${f.rule}${f.codes.length ? ` (${f.codes.join(", ")})` : ""}`,
    message: f.message,
  }));

  const plan: ReviewPlan = {
    comments,
    summaryOnly,
    alreadyCommented,
    threadsToResolve,
    review: null,
    check: { title: "", summary: "", conclusion, annotations },
    gate: { counted, preExisting, failing },
  };
  plan.check.title = checkTitle(plan, configBroken);
  plan.check.summary = renderSummary(plan, input);
  if (comments.length > 0) {
    const overCap = summaryOnly.filter((s) => s.reason === "over-cap").length;
    const more =
      overCap > 0 ? ` ${overCap} more ${overCap === 1 ? "is" : "are"} listed in the \`peptalk\` check run.` : "";
    plan.review = {
      event: config.review.request_changes && failing.length > 0 ? "REQUEST_CHANGES" : "COMMENT",
      body: `peptalk left ${comments.length} new comment${comments.length === 1 ? "" : "s"} on this push.${more}`,
    };
  }
  return plan;
}

function anchorComment(
  finding: Finding,
  diff: FileDiff,
  text: string | undefined,
  suggestions: boolean,
): PlannedComment {
  const suggestion = suggestions ? suggestionFor(finding, text) : null;
  if (suggestion && inOneHunk(diff, suggestion.start, suggestion.end)) {
    const comment: PlannedComment = {
      path: finding.path,
      line: suggestion.end,
      side: "RIGHT",
      body: renderComment(finding, ruleById(finding.rule), suggestion.code),
      finding,
    };
    if (suggestion.start < suggestion.end) comment.startLine = suggestion.start;
    return comment;
  }
  // Anchor on the first line of the finding that the diff shows, added lines first.
  const candidates = lines(finding);
  const line =
    candidates.find((l) => diff.added.has(l)) ?? candidates.find((l) => isCommentable(diff, l)) ?? finding.line;
  return {
    path: finding.path,
    line,
    side: "RIGHT",
    body: renderComment(finding, ruleById(finding.rule), null),
    finding,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function checkTitle(plan: ReviewPlan, configBroken: boolean): string {
  if (configBroken) return "Configuration error in .github/peptalk.yml";
  const counted = plan.gate.counted;
  if (counted.length === 0) {
    return plan.gate.preExisting > 0 ? `0 new findings (${plan.gate.preExisting} pre-existing)` : "0 new findings";
  }
  const by = { error: 0, warning: 0, info: 0 };
  for (const f of counted) by[f.severity]++;
  const parts = [];
  if (by.error) parts.push(plural(by.error, "error"));
  if (by.warning) parts.push(plural(by.warning, "warning"));
  if (by.info) parts.push(`${by.info} info`);
  return `${parts.join(", ")} in ${plural(new Set(counted.map((f) => f.path)).size, "file")}`;
}

// The pure planner: findings + the PR's diff + peptalk's earlier comments + config →
// what to post. Everything that decides *what* is said lives here; the App and
// `peptalk review` only execute the plan.
import { allChecks } from "../../checks/index.js";
import { ruleInfo, type RuleInfo } from "../engine/check.js";
import { applyEdits } from "../engine/fix.js";
import { SYNTAX_ERROR_RULE } from "../engine/runner.js";
import type { Finding, Severity } from "../engine/types.js";
import { rulesDocsUrl } from "../version.js";
import { renderComment } from "./comment.js";
import { fitsDiff, inOneHunk, isCommentable, isCommentableOnBase, parsePatch, type FileDiff } from "./diff-lines.js";
import { plainText } from "./markdown.js";
import { Reparser } from "./reparse.js";
import type { ExistingComment, PlanInput, PlannedAnnotation, PlannedComment, ReviewPlan } from "./types.js";
import { plural, renderSummary } from "./summary.js";

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
const LEVEL = { error: "failure", warning: "warning", info: "notice" } as const;
/** Gate findings annotated at most (GitHub takes 50 per request, one write a second). */
export const MAX_ANNOTATIONS = 1000;
/** Findings the gate does not count (pre-existing) annotated at most, the most severe first. */
export const MAX_OTHER_ANNOTATIONS = 50;
/** Above this size a suggestion is not re-parsed on the main thread, so none is offered. */
const MAX_REPARSE_CHARS = 1_000_000;
const BOM = "\uFEFF";

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

/** One re-parser per file text, shared by the suggestions on that file. */
export type ParseBaseline = Map<string, Reparser>;

/**
 * The suggestion for a finding: the finding's whole lines, as GitHub shows them, rewritten by
 * its fix, when every edit stays inside those lines and the file with those lines replaced
 * still parses. Null when no such suggestion exists.
 *
 * The engine reads a file without its UTF-8 BOM (as Python does), so its offsets count from
 * after it, while GitHub's first line keeps it: offsets are taken in the BOM-less text, every
 * edit is checked against its own line and column there, and line 1 gets its BOM back.
 */
export function suggestionFor(
  finding: Finding,
  text: string | undefined,
  baseline: ParseBaseline = new Map(),
): { start: number; end: number; code: string } | null {
  if (!finding.fix || text === undefined || finding.fix.edits.length === 0) return null;
  const bom = text.startsWith(BOM) ? BOM : "";
  const source = bom ? text.slice(1) : text;
  const edits = finding.fix.edits;
  let first = Infinity;
  let last = -Infinity;
  for (const e of edits) {
    first = Math.min(first, e.line);
    last = Math.max(last, e.endColumn === 1 && e.endLine > e.line ? e.endLine - 1 : e.endLine);
  }
  // GitHub suggestions replace whole lines: never touch a line outside the finding.
  if (first < finding.line || last > finding.endLine) return null;
  // Offsets where lines first..last+1 start (only those lines are scanned).
  const starts: number[] = [];
  let at = 0;
  for (let line = 1; line < first; line++) {
    const nl = source.indexOf("\n", at);
    if (nl < 0) return null;
    at = nl + 1;
  }
  for (let line = first; line <= last + 1; line++) {
    starts.push(at);
    const nl = source.indexOf("\n", at);
    at = nl < 0 ? source.length + 1 : nl + 1;
  }
  const startOffset = starts[0]!;
  const endOffset = Math.min(starts[starts.length - 1]! - 1, source.length);
  // An edit whose offset disagrees with its line and column was computed on other text.
  const lineStart = (line: number): number | undefined => starts[line - first];
  for (const e of edits) {
    if (lineStart(e.line) !== e.start - e.column + 1) return null;
    const endStart = lineStart(e.endLine);
    if (endStart !== undefined && endStart !== e.end - e.endColumn + 1) return null;
  }
  const original = source.slice(startOffset, endOffset);
  const local = edits.map((e) => ({ start: e.start - startOffset, end: e.end - startOffset, text: e.text }));
  if (local.some((e) => e.start < 0 || e.end > original.length)) return null;
  let code: string;
  try {
    code = applyEdits(original, local);
  } catch {
    return null; // overlapping edits
  }
  if (code === original) return null;
  // Re-parse the file with the suggestion applied, as it will be after a click.
  if (source.length > MAX_REPARSE_CHARS) return null;
  let reparser = baseline.get(source);
  if (reparser === undefined) {
    reparser = new Reparser(source);
    baseline.set(source, reparser);
  }
  if (!reparser.keepsParsing(startOffset, endOffset, code)) return null;
  return { start: first, end: last, code: first === 1 ? bom + code : code };
}

export function planReview(input: PlanInput): ReviewPlan {
  const { config } = input;
  const docsUrl = input.docsUrl === undefined ? rulesDocsUrl() : input.docsUrl;
  // Head findings look files up by their head path; a finding on a removed line (LEFT) by the
  // file's base path, and its comment goes on the file's head name (GitHub's `filename`).
  const diffs = new Map<string, FileDiff>();
  const baseDiffs = new Map<string, { path: string; diff: FileDiff }>();
  for (const file of input.changedFiles) {
    const diff = parsePatch(file.patch);
    if (file.status !== "removed") diffs.set(file.path, diff);
    if (file.status !== "added") baseDiffs.set(file.previousPath ?? file.path, { path: file.path, diff });
  }
  const diffOf = (f: Finding): FileDiff | undefined =>
    f.side === "LEFT" ? baseDiffs.get(f.path)?.diff : diffs.get(f.path);
  const changed = new Set(input.changedFiles.map((f) => f.path));
  const inChangedFile = (f: Finding): boolean => (f.side === "LEFT" ? baseDiffs.has(f.path) : changed.has(f.path));
  const existing = new Map(input.existing.map((c) => [c.fingerprint, c]));
  // Project checks look at the whole repository: what they find in files this change does not
  // touch (a `pyproject.toml` without `requires-python`) is not this change's business.
  // An `api` finding in a file the PR does not touch is caused by the PR (what it breaks elsewhere).
  const causedElsewhere = (f: Finding): boolean => f.category === "api" && !inChangedFile(f);
  const findings =
    config.check.scope === "all"
      ? input.findings
      : input.findings.filter((f) => inChangedFile(f) || causedElsewhere(f));
  const failOn = config.check.fail_on;

  /** The PR added one of the finding's lines, or (LEFT) removed it. */
  const introduced = (f: Finding): boolean => {
    const diff = diffOf(f);
    const mine = f.side === "LEFT" ? diff?.deleted : diff?.added;
    return !!mine && lines(f).some((l) => mine.has(l));
  };
  const onDiff = (f: Finding, diff: FileDiff): boolean =>
    lines(f).some((l) => (f.side === "LEFT" ? isCommentableOnBase(diff, l) : isCommentable(diff, l)));
  const counts = (f: Finding): boolean => {
    if (config.check.scope === "all" || causedElsewhere(f)) return true;
    if (config.check.scope === "changed-files") return diffOf(f) !== undefined;
    return introduced(f);
  };

  const ordered = [...findings].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line,
  );
  const comments: PlannedComment[] = [];
  const summaryOnly: ReviewPlan["summaryOnly"] = [];
  const alreadyCommented: Finding[] = [];
  const baseline: ParseBaseline = new Map();
  for (const finding of ordered) {
    if (existing.has(finding.fingerprint)) {
      alreadyCommented.push(finding);
      continue;
    }
    const diff = diffOf(finding);
    if (config.review.comments === "off") {
      summaryOnly.push({ finding, reason: "comments-off" });
      continue;
    }
    if (!diff || diff.hunks.length === 0) {
      summaryOnly.push({ finding, reason: inChangedFile(finding) ? "no-patch" : "outside-diff" });
      continue;
    }
    const onChange = config.review.comments === "changed-lines" ? introduced(finding) : onDiff(finding, diff);
    if (!onChange) {
      summaryOnly.push({ finding, reason: "outside-diff" });
      continue;
    }
    if (comments.length >= config.review.max_comments) {
      summaryOnly.push({ finding, reason: "over-cap" });
      continue;
    }
    const comment =
      finding.side === "LEFT"
        ? anchorOnBase(finding, baseDiffs.get(finding.path)!.path, diff, docsUrl)
        : anchorComment(finding, diff, input.fileTexts?.get(finding.path), {
            suggestions: config.review.suggestions,
            docsUrl,
            baseline,
          });
    // One comment GitHub cannot place makes it refuse the whole review: check each first.
    if (fitsDiff(diff, comment)) comments.push(comment);
    else summaryOnly.push({ finding, reason: "not-in-hunk" });
  }

  const threadsToResolve = threadsOfFixedFindings(input);

  const counted = findings.filter(counts);
  const failing = failOn === "never" ? [] : counted.filter((f) => RANK[f.severity] >= RANK[failOn]);
  const preExisting = findings.length - counted.length;
  const configBroken = (input.configErrors?.length ?? 0) > 0;
  const conclusion = configBroken || failing.length > 0 ? "failure" : "success";

  // Every finding the gate counts is annotated (up to a cap), then the most severe others.
  // Annotations address head files only: a finding on a removed line is listed in the summary.
  const countedSet = new Set(counted);
  const onHead = ordered.filter((f) => f.side !== "LEFT");
  const annotated = [
    ...onHead.filter((f) => countedSet.has(f)).slice(0, MAX_ANNOTATIONS),
    ...onHead.filter((f) => !countedSet.has(f)).slice(0, MAX_OTHER_ANNOTATIONS),
  ];
  const annotations: PlannedAnnotation[] = annotated.map((f) => ({
    path: f.path,
    start_line: f.line,
    end_line: f.endLine,
    ...(f.line === f.endLine ? { start_column: f.column, end_column: Math.max(f.column, f.endColumn) } : {}),
    annotation_level: LEVEL[f.severity],
    title: `${f.rule}${f.codes.length ? ` (${f.codes.join(", ")})` : ""}`,
    message: plainText(f.message),
  }));

  const plan: ReviewPlan = {
    comments,
    summaryOnly,
    alreadyCommented,
    threadsToResolve,
    review: null,
    check: { title: "", summary: "", conclusion, annotations, annotationsLeftOut: onHead.length - annotated.length },
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
      body: `peptalk left ${plural(comments.length, "new comment")} on this push.${more}`,
    };
  }
  return plan;
}

/**
 * Threads to resolve: peptalk's own, unresolved, nobody replied, and its finding is gone for
 * a reason that means "fixed": the file was analysed (not skipped or excluded), the rule ran
 * on it, and no check failure could explain the silence. A finding merely not computed keeps
 * its thread open: with "require conversation resolution", a thread is a merge blocker.
 */
function threadsOfFixedFindings(input: PlanInput): string[] {
  const present = new Set(input.findings.map((f) => f.fingerprint));
  const skipped = new Set((input.skipped ?? []).map((s) => s.path));
  const analysed = new Set(input.analysed.filter((p) => !skipped.has(p)));
  // The syntax check is not a rule one can turn off: it runs on every analysed file.
  const enabled = new Set([...input.enabledRules, SYNTAX_ERROR_RULE]);
  const failed = new Set<string>();
  for (const f of input.failures ?? []) {
    // A failure not tied to one check (the engine's own, e.g. a time budget) silences every rule.
    const rule = ruleById(f.rule) ? f.rule : "*";
    failed.add(`${rule}\0${f.path}`);
  }
  const blocked = (rule: string, path: string): boolean =>
    failed.has(`${rule}\0${path}`) || failed.has(`${rule}\0`) || failed.has(`*\0${path}`) || failed.has("*\0");
  // The api checks compare whole repositories: they ran only when both were indexed. A thread on
  // a removed line (LEFT) is theirs: its file need not exist at head to be judged.
  const computed = (c: ExistingComment & { path: string; rule: string }): boolean => {
    const api = c.side === "LEFT" || ruleById(c.rule)?.category === "api";
    if (api && !input.apiIndexed) return false;
    return c.side === "LEFT" || analysed.has(c.path);
  };
  return input.existing
    .filter(
      (c) =>
        c.threadId &&
        !c.isResolved &&
        !c.hasHumanReply &&
        !present.has(c.fingerprint) &&
        c.path !== undefined &&
        c.rule !== undefined &&
        computed(c as ExistingComment & { path: string; rule: string }) &&
        enabled.has(c.rule) &&
        !blocked(c.rule, c.path),
    )
    .map((c) => c.threadId!);
}

interface AnchorOptions {
  suggestions: boolean;
  docsUrl: string | null;
  baseline: ParseBaseline;
}

function anchorComment(finding: Finding, diff: FileDiff, text: string | undefined, o: AnchorOptions): PlannedComment {
  const suggestion = o.suggestions ? suggestionFor(finding, text, o.baseline) : null;
  const rule = ruleById(finding.rule);
  if (suggestion && inOneHunk(diff, suggestion.start, suggestion.end)) {
    const comment: PlannedComment = {
      path: finding.path,
      line: suggestion.end,
      side: "RIGHT",
      body: renderComment(finding, rule, suggestion.code, { docsUrl: o.docsUrl }),
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
    body: renderComment(finding, rule, null, { docsUrl: o.docsUrl }),
    finding,
  };
}

/** A finding on removed lines: on the first one the diff shows, removed lines first. */
function anchorOnBase(finding: Finding, headPath: string, diff: FileDiff, docsUrl: string | null): PlannedComment {
  const candidates = lines(finding);
  const line =
    candidates.find((l) => diff.deleted.has(l)) ?? candidates.find((l) => isCommentableOnBase(diff, l)) ?? finding.line;
  return {
    path: headPath,
    line,
    side: "LEFT",
    body: renderComment(finding, ruleById(finding.rule), null, { docsUrl }),
    finding,
  };
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

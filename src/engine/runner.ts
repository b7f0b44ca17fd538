// Analyses one file: parse once, walk the tree once, dispatch each node to every
// subscribed visitor. A check that throws is isolated: its findings for this file are
// dropped, the failure is recorded, and every other check still runs.
import type { SyntaxNode, Tree } from "tree-sitter";
import type { Check, FileCheck, Visitor } from "./check.js";
import { createCheckContext, type FileState, type RawReport } from "./context.js";
import { assignFingerprints } from "./fingerprint.js";
import { fixParses, toEdit } from "./fix.js";
import { BINDING_TYPES, ModuleNames } from "./names.js";
import { countSyntaxErrors, firstSyntaxError, indexNodesOfTypes, parsePython } from "./parser.js";
import type { ProjectContext } from "./project.js";
import { isSuppressed, parseSuppressions, type SuppressionComment } from "./suppress.js";
import { LineIndex } from "./text.js";
import type { CheckFailure, Finding, PythonVersion, Severity } from "./types.js";

export const SYNTAX_ERROR_RULE = "syntax-error";

/**
 * Fetched with the checks' own types in the runner's one native call, so that scope analysis
 * and the checks' searches below a function or loop (`body.descendantsOfType("call")`) are
 * answered without walking the tree again. Kept to types that are neither rare nor huge in
 * number (`identifier` would double the marshalling).
 */
const PREFETCHED_TYPES = [...BINDING_TYPES, "call", "assert_statement", "raise_statement", "yield", "await"];
export const UNUSED_SUPPRESSION_RULE = "unused-suppression";

export interface AnalyzeOptions {
  python: PythonVersion;
  isTestFile: boolean;
  project: ProjectContext | null;
  severities: Readonly<Record<string, Severity | "off">>;
  /** Report suppression comments naming a check that ran here but silenced nothing. */
  reportUnusedSuppressions?: boolean;
}

export interface FileAnalysis {
  findings: Finding[];
  failures: CheckFailure[];
  /** Suppression comments with `used` set, for unused-suppression reporting. */
  suppressions: SuppressionComment[];
}

interface Subscriber {
  check: FileCheck;
  visit: Visitor;
}

export function analyzeFile(
  path: string,
  source: string,
  checks: readonly FileCheck[],
  options: AnalyzeOptions,
): FileAnalysis {
  const tree = parsePython(source);
  const index = new LineIndex(source);
  const failures: CheckFailure[] = [];
  const state: FileState = {
    path,
    source,
    tree,
    python: options.python,
    isTestFile: options.isTestFile,
    project: options.project,
    names: new ModuleNames(tree, source),
    reports: [],
  };

  const enter = new Map<string, Subscriber[]>();
  const exit = new Map<string, Subscriber[]>();
  const broken = new Set<string>();
  const fail = (check: Check, err: unknown): void => {
    if (broken.has(check.id)) return;
    broken.add(check.id);
    const message = err instanceof Error ? err.message : String(err);
    failures.push({ rule: check.id, path, message });
  };

  for (const check of checks) {
    if (check.requires && !check.requires.every((text) => source.includes(text))) continue;
    let visitors;
    try {
      visitors = check.create(createCheckContext(check, state));
    } catch (err) {
      fail(check, err);
      continue;
    }
    for (const [key, visit] of Object.entries(visitors)) {
      const [type, phase] = key.split(":") as [string, string | undefined];
      const table = phase === "exit" ? exit : enter;
      const list = table.get(type) ?? [];
      list.push({ check, visit });
      table.set(type, list);
    }
  }

  const dispatch = (subscribers: Subscriber[] | null | undefined, node: SyntaxNode): void => {
    if (!subscribers) return;
    for (const { check, visit } of subscribers) {
      if (broken.has(check.id)) continue;
      try {
        visit(node);
      } catch (err) {
        fail(check, err);
      }
    }
  };

  // One pass over the tree, done natively: tree-sitter collects every node of a subscribed
  // type in document order (stepping a JS cursor over every token costs as much as parsing).
  // Exit visitors fire once the walk has passed a node's end; ERROR subtrees are skipped, so
  // findings come only from the parts that parse.
  const types = [...new Set([...enter.keys(), ...exit.keys()])];
  const nodes = types.length > 0 ? [...indexNodesOfTypes(tree, [...new Set([...types, ...PREFETCHED_TYPES])])] : [];
  // An empty file's root has no descendants, not even itself: `module` visitors still run.
  if (tree.rootNode.childCount === 0 && types.includes("module")) nodes.unshift(tree.rootNode);
  const errors = tree.rootNode.hasError ? tree.rootNode.descendantsOfType("ERROR") : [];
  const insideError = (node: SyntaxNode): boolean =>
    errors.some((e) => e.id !== node.id && e.startIndex <= node.startIndex && node.endIndex <= e.endIndex) &&
    !inWholeStatement(node);
  // Node positions are native getters: read each once.
  const open: { node: SyntaxNode; end: number; subscribers: Subscriber[] }[] = [];
  const treeHasError = tree.rootNode.hasError;
  for (const node of nodes) {
    const type = node.type;
    if (!enter.has(type) && !exit.has(type)) continue;
    if (errors.length > 0 && insideError(node)) continue;
    // A construct that itself holds a syntax error (e.g. a MISSING `)`) is not judged either.
    if (treeHasError && node.hasError && node.type !== "module") continue;
    const start = node.startIndex;
    const end = node.endIndex;
    while (open.length > 0) {
      const top = open[open.length - 1]!;
      if (top.end >= end && top.end > start) break;
      open.pop();
      dispatch(top.subscribers, top.node);
    }
    dispatch(enter.get(type), node);
    const onExit = exit.get(type);
    if (onExit) open.push({ node, end, subscribers: onExit });
  }
  for (let done = open.pop(); done; done = open.pop()) dispatch(done.subscribers, done.node);

  // Everything that reads the tree happens before fixes are verified: verification edits the
  // tree in place so tree-sitter can re-parse incrementally.
  for (const report of state.reports) {
    const node = report.spec.node;
    if (node && !report.spec.range) report.spec.range = { start: node.startIndex, end: node.endIndex };
  }
  const syntaxError = firstSyntaxError(tree.rootNode);
  const syntaxErrorRange = syntaxError && {
    start: index.position(syntaxError.startIndex),
    end: index.position(Math.max(syntaxError.endIndex, syntaxError.startIndex)),
    missing: syntaxError.isMissing ? syntaxError.type : null,
  };
  const suppressions = parseSuppressions(tree, source);
  const verified = verifyFixes(state, tree, index);

  const raw: Omit<Finding, "fingerprint">[] = [];
  for (const report of state.reports) {
    if (broken.has(report.check.id)) continue;
    try {
      raw.push(toFinding(report, state, index, verified, options.severities));
    } catch (err) {
      fail(report.check, err);
    }
  }
  const rawKept = raw.filter((f) => !broken.has(f.rule));

  if (syntaxErrorRange) {
    const { start, end, missing } = syntaxErrorRange;
    rawKept.push({
      path,
      rule: SYNTAX_ERROR_RULE,
      codes: [],
      category: "engine",
      severity: "error",
      message: missing
        ? `Syntax error: missing \`${missing}\`; findings inside the broken region are not reported`
        : "Syntax error: this file does not parse; findings inside the broken region are not reported",
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fix: null,
    });
  }

  const pylintNames = new Map(checks.map((c) => [c.id, c.pylint ?? []]));
  const kept = rawKept.filter(
    (f) => f.rule === SYNTAX_ERROR_RULE || !isSuppressed({ ...f, pylint: pylintNames.get(f.rule) }, suppressions),
  );
  if (options.reportUnusedSuppressions) kept.push(...unusedSuppressions(path, suppressions, checks, index));
  kept.sort(compareFindings);
  return { findings: assignFingerprints(kept, index.lines()), failures, suppressions };
}

/**
 * tree-sitter's error recovery can wrap a large stretch of valid code in one ERROR node
 * (a single construct it cannot parse puts the whole module under ERROR). A node is still
 * trusted when it sits in a complete statement or definition that parsed without error.
 */
function inWholeStatement(node: SyntaxNode): boolean {
  for (let cur: SyntaxNode | null = node; cur && cur.type !== "ERROR"; cur = cur.parent) {
    if (/(_statement|_definition)$/.test(cur.type)) return !cur.hasError;
  }
  return false;
}

/**
 * The reports whose fix keeps the file parseable. Usually every fix is fine, so the first
 * batch (all non-overlapping fixes) is checked by editing the analysed tree and re-parsing
 * incrementally, which costs a fraction of a full parse. A group that fails is split in halves
 * until the culprits are found, with full parses, so a file with hundreds of fixes and one bad
 * one costs a few parses, not hundreds. Fixes that overlap a taken one wait for the next round.
 */
function verifyFixes(state: FileState, tree: Tree, index: LineIndex): Set<RawReport> {
  let pending = state.reports
    .filter((r) => r.spec.fix && r.spec.fix.edits.length > 0 && r.check.fix !== "never")
    .sort((a, b) => firstStart(a) - firstStart(b));
  const ok = new Set<RawReport>();
  if (pending.length === 0) return ok;
  const errorsBefore = countSyntaxErrors(tree.rootNode);
  let oldTree: Tree | null = tree;
  const verify = (group: RawReport[]): void => {
    const edits = group.flatMap((r) => r.spec.fix!.edits);
    const base = oldTree;
    oldTree = null; // an edited tree is good for one incremental parse only
    if (fixParses(state.source, edits, errorsBefore, base ? { tree: base, index } : undefined)) {
      for (const r of group) ok.add(r);
    } else if (group.length > 1) {
      const middle = group.length >> 1;
      verify(group.slice(0, middle));
      verify(group.slice(middle));
    }
  };
  while (pending.length > 0) {
    const taken = new Spans();
    const batch: RawReport[] = [];
    const overlapping: RawReport[] = [];
    for (const report of pending) {
      const edits = report.spec.fix!.edits;
      if (edits.some((e) => taken.overlaps(e))) overlapping.push(report);
      else {
        for (const e of edits) taken.add(e);
        batch.push(report);
      }
    }
    verify(batch);
    pending = overlapping;
  }
  return ok;
}

/**
 * Taken edit spans, kept sorted and pairwise non-overlapping (overlapping ones are merged), so
 * both starts and ends ascend and an overlap test is one binary search: a file with 100,000
 * fixes would otherwise test each against every span taken before it.
 */
class Spans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** The last index whose span starts before `offset`, or -1. */
  private lastStartBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  overlaps(e: { start: number; end: number }): boolean {
    const i = this.lastStartBefore(e.end);
    return i >= 0 && this.ends[i]! > e.start;
  }

  add(e: { start: number; end: number }): void {
    const hi = this.lastStartBefore(e.end);
    let lo = hi + 1;
    while (lo > 0 && this.ends[lo - 1]! > e.start) lo--;
    if (lo > hi) {
      this.starts.splice(hi + 1, 0, e.start);
      this.ends.splice(hi + 1, 0, e.end);
      return;
    }
    const start = Math.min(e.start, this.starts[lo]!);
    const end = Math.max(e.end, this.ends[hi]!);
    this.starts.splice(lo, hi - lo + 1, start);
    this.ends.splice(lo, hi - lo + 1, end);
  }
}

function firstStart(report: RawReport): number {
  return Math.min(...report.spec.fix!.edits.map((e) => e.start));
}

function toFinding(
  report: RawReport,
  state: FileState,
  index: LineIndex,
  verified: ReadonlySet<RawReport>,
  severities: Readonly<Record<string, Severity | "off">>,
): Omit<Finding, "fingerprint"> {
  const { check, spec } = report;
  const range = spec.range!;
  const start = index.position(range.start);
  const end = index.position(range.end);
  let fix: Finding["fix"] = null;
  if (spec.fix) {
    if (check.fix === "never") throw new Error(`${check.id} declares fix: "never" but reported a fix`);
    // A fix that would not parse is dropped, never offered.
    if (verified.has(report)) {
      fix = {
        description: spec.fix.title,
        edits: spec.fix.edits.map((e) => toEdit(e, index)),
        safety: spec.fix.safety ?? "safe",
        ...(spec.fix.unsafeReason ? { unsafeReason: spec.fix.unsafeReason } : {}),
      };
    }
  } else if (check.fix === "always" && spec.fix === undefined) {
    throw new Error(`${check.id} declares fix: "always" but reported without a fix`);
  }
  const severity = severities[check.id];
  return {
    path: state.path,
    rule: check.id,
    codes: spec.code && check.codes.includes(spec.code) ? [spec.code] : check.codes,
    category: check.category,
    severity: severity && severity !== "off" ? severity : check.severity === "off" ? "info" : check.severity,
    message: spec.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    fix,
  };
}

export function compareFindings(
  a: Finding | Omit<Finding, "fingerprint">,
  b: Finding | Omit<Finding, "fingerprint">,
): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

/**
 * Suppression comments whose explicit targets name a check that ran on this file but
 * found nothing there. Targets peptalk does not know (other linters' codes) are left
 * alone, and so are bare `# noqa` comments, which may be meant for another tool.
 */
function unusedSuppressions(
  path: string,
  comments: readonly SuppressionComment[],
  checks: readonly FileCheck[],
  index: LineIndex,
): Omit<Finding, "fingerprint">[] {
  const known = new Set(checks.flatMap((c) => [c.id, ...c.codes]));
  const out: Omit<Finding, "fingerprint">[] = [];
  for (const comment of comments) {
    if (comment.targets === "*" || comment.scope !== "line") continue;
    const unused = [...comment.targets].filter((t) => known.has(t) && !comment.usedTargets.has(t));
    if (unused.length === 0) continue;
    const text = index.line(comment.line);
    const column = text.indexOf(comment.text) + 1;
    out.push({
      path,
      rule: UNUSED_SUPPRESSION_RULE,
      codes: [],
      category: "engine",
      severity: "info",
      message: `Suppression for ${unused.map((t) => `\`${t}\``).join(", ")} silences nothing here`,
      line: comment.line,
      column: Math.max(1, column),
      endLine: comment.line,
      endColumn: Math.max(1, column) + comment.text.length,
      fix: null,
    });
  }
  return out;
}

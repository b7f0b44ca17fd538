// Analyses one file: parse once, walk the tree once, dispatch each node to every
// subscribed visitor. A check that throws is isolated: its findings for this file are
// dropped, the failure is recorded (the file is then not fully analysed for that rule), and
// every other check still runs. A file that runs past its time budget is skipped whole, with
// a reason: never a crash, never a partial result that looks complete.
import type { SyntaxNode, Tree } from "tree-sitter";
import type { Check, FileCheck, Visitor } from "./check.js";
import { createCheckContext, type FileState, type RawReport } from "./context.js";
import { assignFingerprints } from "./fingerprint.js";
import { applyHouseStyle, type Departure, type HouseStyleOptions } from "./house-style.js";
import { fixParses, toEdit } from "./fix.js";
import { BINDING_TYPES, ModuleNames } from "./names.js";
import {
  BudgetExceeded,
  checkDeadline,
  countSyntaxErrors,
  firstSyntaxError,
  formatSeconds,
  indexNodesOfTypes,
  parsePython,
  withDeadline,
} from "./parser.js";
import type { ProjectContext } from "./project.js";
import { isSuppressed, parseSuppressions, type SuppressionComment } from "./suppress.js";
import { LineIndex } from "./text.js";
import type { CheckFailure, Finding, HouseStyleFact, PythonVersion, Severity } from "./types.js";

export const SYNTAX_ERROR_RULE = "syntax-error";

/**
 * Fetched with the checks' own types in the runner's one native call, so that scope analysis
 * and the checks' searches below a function or loop (`body.descendantsOfType("call")`) are
 * answered without walking the tree again. Kept to types that are neither rare nor huge in
 * number (`identifier` would double the marshalling). Comments are asked for by suppression
 * parsing and by a dozen checks (a fix must not drop one), about 800 native walks per 300 files.
 */
const PREFETCHED_TYPES = [...BINDING_TYPES, "call", "assert_statement", "raise_statement", "yield", "await", "comment"];
export const UNUSED_SUPPRESSION_RULE = "unused-suppression";
export const DEFAULT_FILE_BUDGET_MS = 10_000;
/**
 * Verifying fixes costs a parse per round of overlapping fixes and per split of a failing
 * group. Past this many parses the fixes still unverified are not offered (their findings are).
 */
const MAX_FIX_PARSES = 24;
/** Above this many edits, a group of fixes is verified by a full parse, not an incremental one. */
const MAX_INCREMENTAL_EDITS = 200;
/** How many nodes are dispatched between two looks at the clock. */
const DEADLINE_STRIDE = 64;

export function overBudgetReason(budgetMs: number): string {
  return `not analysed: over the ${formatSeconds(budgetMs)} budget`;
}

export interface AnalyzeOptions {
  python: PythonVersion;
  isTestFile: boolean;
  project: ProjectContext | null;
  severities: Readonly<Record<string, Severity | "off">>;
  /** Report suppression comments naming a check that ran here but silenced nothing. */
  reportUnusedSuppressions?: boolean;
  /** Time budget for the file (parse, checks, fixes); default DEFAULT_FILE_BUDGET_MS. */
  budgetMs?: number;
  /** Taste rules speak only where asked for or where the file's style holds; absent: as if asked. */
  houseStyle?: HouseStyleOptions;
}

export interface FileAnalysis {
  findings: Finding[];
  failures: CheckFailure[];
  /** Suppression comments with `used` set, for unused-suppression reporting. */
  suppressions: SuppressionComment[];
  /** Why the file was not analysed (then findings and failures are empty). */
  skipped?: string;
  /** What the file's house style decided for taste rules. */
  houseStyle: HouseStyleFact[];
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
  const budgetMs = options.budgetMs ?? DEFAULT_FILE_BUDGET_MS;
  try {
    return withDeadline(performance.now() + budgetMs, budgetMs, () =>
      analyzeWithinBudget(path, source, checks, options),
    );
  } catch (err) {
    if (err instanceof BudgetExceeded)
      return { findings: [], failures: [], suppressions: [], houseStyle: [], skipped: overBudgetReason(budgetMs) };
    throw err;
  }
}

function analyzeWithinBudget(
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
    follows: [],
  };

  const enter = new Map<string, Subscriber[]>();
  const exit = new Map<string, Subscriber[]>();
  const broken = new Set<string>();
  const fail = (check: Check, err: unknown): void => {
    // The budget ends the whole file, whichever check happened to be running.
    if (err instanceof BudgetExceeded) throw err;
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
  const errors = tree.rootNode.hasError ? outermostSpans(tree.rootNode.descendantsOfType("ERROR")) : [];
  // Nodes come in document order (non-decreasing start), so one pointer sweeps the ERROR spans.
  let errorAt = 0;
  const insideError = (node: SyntaxNode): boolean => {
    const start = node.startIndex;
    while (errorAt + 1 < errors.length && errors[errorAt + 1]!.start <= start) errorAt++;
    const e = errors[errorAt]!;
    return e.id !== node.id && e.start <= start && node.endIndex <= e.end && !inWholeStatement(node);
  };
  // Node positions are native getters: read each once.
  const open: { node: SyntaxNode; end: number; subscribers: Subscriber[] }[] = [];
  const treeHasError = tree.rootNode.hasError;
  let sinceClock = 0;
  for (const node of nodes) {
    if (++sinceClock === DEADLINE_STRIDE) {
      sinceClock = 0;
      checkDeadline();
    }
    const type = node.type;
    if (!enter.has(type) && !exit.has(type)) continue;
    if (errors.length > 0 && insideError(node)) continue;
    // A construct that itself holds a syntax error (e.g. a MISSING `)`) is not judged either.
    if (treeHasError && node.hasError && node.type !== "module") continue;
    const start = node.startIndex;
    // A node's end is a call into native code: asked only while some node waits for its exit.
    const onExit = exit.get(type);
    const end = open.length > 0 || onExit ? node.endIndex : -1;
    while (open.length > 0) {
      const top = open[open.length - 1]!;
      if (top.end >= end && top.end > start) break;
      open.pop();
      dispatch(top.subscribers, top.node);
    }
    dispatch(enter.get(type), node);
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
  checkDeadline();
  const departures: Departure[] = [];
  for (const report of state.reports) {
    if (broken.has(report.check.id)) continue;
    try {
      const finding = toFinding(report, state, index, verified, options.severities);
      raw.push(finding);
      if (report.check.type === "taste")
        departures.push({
          rule: finding.rule,
          line: finding.line,
          construct: report.construct ?? report.spec.range!.start,
        });
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
  const styled = options.houseStyle
    ? applyHouseStyle({
        path,
        checks,
        findings: kept,
        departures: departures.filter((d) => !broken.has(d.rule)),
        follows: state.follows.map((f) => ({ rule: f.rule, line: index.position(f.start).line })),
        options: options.houseStyle,
        definitionLines: options.houseStyle.promised ? definitionLines(source) : [],
      })
    : { findings: kept, facts: [] };
  if (options.reportUnusedSuppressions) styled.findings.push(...unusedSuppressions(path, suppressions, checks, index));
  styled.findings.sort(compareFindings);
  checkDeadline();
  const findings = assignFingerprints(styled.findings, index.lines(), scopeNames(tree, styled.findings, index));
  checkDeadline();
  return { findings, failures, suppressions, houseStyle: styled.facts };
}

interface Span {
  id: number;
  start: number;
  end: number;
}

/** The spans of nodes (in document order) that are not inside an earlier one. */
function outermostSpans(nodes: readonly SyntaxNode[]): Span[] {
  const out: Span[] = [];
  for (const node of nodes) {
    const start = node.startIndex;
    const end = node.endIndex;
    const last = out[out.length - 1];
    if (last && last.start <= start && end <= last.end) continue;
    out.push({ id: node.id, start, end });
  }
  return out;
}

/**
 * The qualified name of the def or class around each finding (`Class.method`, "" at module
 * level), in the findings' order, found in one sweep: findings are sorted by position and
 * definitions come in document order.
 */
function scopeNames(tree: Tree, findings: readonly Omit<Finding, "fingerprint">[], index: LineIndex): string[] {
  if (findings.length === 0) return [];
  const definitions = tree.rootNode.descendantsOfType(["function_definition", "class_definition"]);
  const open: { end: number; name: string }[] = [];
  let next = 0;
  return findings.map((finding) => {
    const at = index.offset(finding.line, finding.column);
    for (; next < definitions.length && definitions[next]!.startIndex <= at; next++) {
      const def = definitions[next]!;
      const start = def.startIndex;
      while (open.length > 0 && open[open.length - 1]!.end <= start) open.pop();
      const name = def.childForFieldName("name")?.text ?? "?";
      const outer = open[open.length - 1];
      open.push({ end: def.endIndex, name: outer ? `${outer.name}.${name}` : name });
    }
    while (open.length > 0 && open[open.length - 1]!.end <= at) open.pop();
    return open[open.length - 1]?.name ?? "";
  });
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
  let parses = 0;
  const verify = (group: RawReport[]): void => {
    if (++parses > MAX_FIX_PARSES) return;
    const edits = group.flatMap((r) => r.spec.fix!.edits);
    // Each tree edit walks down the tree, so thousands of them in a deep tree (one long line
    // of `x == None or ...`) cost more than parsing the fixed text afresh.
    const base = edits.length <= MAX_INCREMENTAL_EDITS ? oldTree : null;
    if (base) oldTree = null; // an edited tree is good for one incremental parse only
    if (fixParses(state.source, edits, errorsBefore, base ? { tree: base, index } : undefined)) {
      for (const r of group) ok.add(r);
    } else if (group.length > 1) {
      const middle = group.length >> 1;
      verify(group.slice(0, middle));
      verify(group.slice(middle));
    }
  };
  while (pending.length > 0 && parses < MAX_FIX_PARSES) {
    const taken = new DisjointRanges();
    const batch: RawReport[] = [];
    const overlapping: RawReport[] = [];
    for (const report of pending) {
      const edits = report.spec.fix!.edits;
      if (edits.some((e) => taken.overlaps(e.start, e.end))) overlapping.push(report);
      else {
        for (const e of edits) taken.add(e.start, e.end);
        batch.push(report);
      }
    }
    verify(batch);
    pending = overlapping;
  }
  return ok;
}

/**
 * Disjoint ranges kept sorted, so an overlap test is a binary search. Fixes arrive sorted by
 * their first edit, so an insertion is nearly always an append.
 */
class DisjointRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** The index of the first range that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && this.starts[i]! < end;
  }

  add(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }
}

function firstStart(report: RawReport): number {
  let first = Infinity;
  for (const e of report.spec.fix!.edits) first = Math.min(first, e.start);
  return first;
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

/** The 1-based lines where a `def` starts (a line-start `def`/`async def`, whatever its indent). */
function definitionLines(source: string): number[] {
  const lines: number[] = [];
  source.split("\n").forEach((text, i) => {
    if (/^[ \t]*(?:async[ \t]+)?def[ \t]/.test(text)) lines.push(i + 1);
  });
  return lines;
}

// The engine's vocabulary. Everything here is plain data: findings cross worker
// threads and process boundaries, so no class instances or functions live in them.

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  "idioms",
  "typing",
  "naming",
  "packaging",
  "testing",
  "concurrency",
  "security",
  "performance",
  "api",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 1-based line and column; columns count UTF-16 code units, like Ruff's Utf16 encoding. */
export interface Position {
  line: number;
  column: number;
}

/** A text edit. `start`/`end` are offsets into the file's text (UTF-16 code units). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Ruff's fix applicability: a `safe` fix never changes behaviour and may be applied without a
 * human (`--fix`, a one-click suggestion); an `unsafe` one may, so it needs `--unsafe-fixes` and
 * is shown on a PR as plain code with its reason.
 */
export type FixSafety = "safe" | "unsafe";

export interface Fix {
  /** What the fix does, e.g. "Replace `== None` with `is None`". */
  description: string;
  edits: Edit[];
  safety: FixSafety;
  /** Why a human must look (unsafe fixes): "`all()` would stop at the first false element". */
  unsafeReason?: string;
}

export interface Finding {
  path: string;
  rule: string;
  codes: string[];
  category: Category | "engine";
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix: Fix | null;
  /**
   * "LEFT": the finding is about a line the pull request removed; `line`..`endColumn` are then
   * positions in the base text of `path` (the file's path at base). Absent: positions at head.
   */
  side?: "LEFT";
  /** Stable across pushes: rule + path + enclosing def/class + normalised line text + occurrence in that scope. */
  fingerprint: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * A check that threw on a file (a stack overflow included). The run goes on; this is reported,
 * never fatal. The file is then not fully analysed: that rule's findings for it are unknown.
 */
export interface CheckFailure {
  rule: string;
  path: string;
  message: string;
}

/**
 * What peptalk inferred about one file's house style for one taste rule, shown by `peptalk check`
 * and in the check run's summary: "41 of 42 functions have a return annotation".
 */
export interface HouseStyleFact {
  path: string;
  rule: string;
  /** Constructs that follow the convention, out of `total` comparable ones in the code judged. */
  follows: number;
  total: number;
  /** What was judged: the file's unchanged code (the diff is known) or the whole file. */
  scope: "unchanged-code" | "file";
  /** The convention holds: at least 90% of at least 5 constructs follow it. */
  holds: boolean;
  /** Findings of the rule reported here (the convention holds) or left unsaid (it does not). */
  reported: number;
  silenced: number;
  /** "41 of 42 functions have a return annotation" */
  text: string;
}

export interface EngineResult {
  findings: Finding[];
  skipped: SkippedFile[];
  failures: CheckFailure[];
  /** Paths that were analysed (after include/exclude and decoding). */
  analysed: string[];
  /** Outside settings (Ruff, flake8) that were applied, for the summary. */
  honoured: string[];
  /** House style inferred for taste rules, per file and rule, where it decided a finding. */
  houseStyle: HouseStyleFact[];
}

/** A Python version as [major, minor]. */
export type PythonVersion = readonly [number, number];

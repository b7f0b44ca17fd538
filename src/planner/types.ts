// The contract between the pure planner and the front doors that execute a plan
// (the GitHub App's publisher, `peptalk review`). Plain data only.
import type { ConfigError, ResolvedConfig } from "../engine/config/resolve.js";
import type { ApiChange } from "../engine/api/compare.js";
import type { CheckFailure, Finding, HouseStyleFact, SkippedFile } from "../engine/types.js";

/** One changed file of the PR, as `pulls.listFiles` (or a local `git diff`) describes it. */
export interface ChangedFile {
  /** Path at head (GitHub's `filename`). */
  path: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previousPath?: string;
  /** The unified diff of the file; absent for binary files and very large diffs. */
  patch?: string;
}

/** A comment peptalk already left on this PR, recognised by its hidden fingerprint marker. */
export interface ExistingComment {
  fingerprint: string;
  commentId: number;
  /** GraphQL review thread id, when known (needed to resolve it). */
  threadId?: string;
  isResolved?: boolean;
  /** Someone other than peptalk replied in the thread: never resolve it. */
  hasHumanReply?: boolean;
  /** The file the thread is on, and the rule of the finding (from the comment's marker). */
  path?: string;
  rule?: string;
  /** The diff side the thread is on: LEFT threads sit on lines the PR removed. */
  side?: "LEFT" | "RIGHT";
}

export interface PlannedComment {
  /** The file's path at head (GitHub's `filename`, also for a removed or renamed file). */
  path: string;
  /** Last line of the range: a head line (RIGHT), or a base line the PR removed (LEFT). */
  line: number;
  /** First line, only for multi-line RIGHT comments (always < line). */
  startLine?: number;
  side: "RIGHT" | "LEFT";
  body: string;
  finding: Finding;
}

export interface PlannedAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

export type SummaryOnlyReason = "outside-diff" | "over-cap" | "comments-off" | "no-patch" | "not-in-hunk";

export type Conclusion = "success" | "failure" | "neutral";

export interface ReviewPlan {
  /** New inline comments, most severe first, at most review.max_comments. */
  comments: PlannedComment[];
  /** Findings that could not be commented inline (outside the diff, over the cap, comments off). */
  summaryOnly: { finding: Finding; reason: SummaryOnlyReason }[];
  /** Findings already commented on by an earlier push: not repeated. */
  alreadyCommented: Finding[];
  /**
   * Threads of earlier comments whose finding is gone from a file that was analysed with
   * its rule on and without a check failure: resolve them (no human reply).
   */
  threadsToResolve: string[];
  /** The review to post, or null when there is nothing new to say. */
  review: { event: "COMMENT" | "REQUEST_CHANGES"; body: string } | null;
  /** The check run's output and conclusion. */
  check: {
    title: string;
    summary: string;
    text?: string;
    conclusion: Conclusion;
    annotations: PlannedAnnotation[];
    /** Findings not annotated (only gate findings and the most severe others are). */
    annotationsLeftOut: number;
  };
  /** Findings that decide the gate (per check.scope) and those left out as pre-existing. */
  gate: { counted: Finding[]; preExisting: number; failing: Finding[] };
}

export interface PlanInput {
  findings: readonly Finding[];
  changedFiles: readonly ChangedFile[];
  existing: readonly ExistingComment[];
  config: ResolvedConfig;
  configErrors?: readonly ConfigError[];
  skipped?: readonly SkippedFile[];
  failures?: readonly CheckFailure[];
  /** Paths the engine analysed (EngineResult.analysed): a thread is resolved only on these. */
  analysed: readonly string[];
  /** Ids of the rules that ran: a thread of a rule that was off is not resolved. */
  enabledRules: readonly string[];
  /** Where comment footers link the rules' docs; default: PEPTALK_DOCS_URL or package.json. */
  docsUrl?: string | null;
  /** What outside settings were honoured (e.g. "[tool.ruff] lint.ignore"), for the summary. */
  honoured?: readonly string[];
  /** The house style inferred for taste rules (EngineResult.houseStyle), for the summary. */
  houseStyle?: readonly HouseStyleFact[];
  /** Head text of the changed files: suggestions are whole lines rewritten from it. */
  fileTexts?: ReadonlyMap<string, string>;
  /**
   * Set when the run was superseded or failed: the plan then only explains why. Markdown
   * written by peptalk: anything quoted from the PR in it must go through `codeSpan`.
   */
  note?: string;
  /** Public signatures the PR changes (compatible ones included), for the "API changes" section. */
  apiChanges?: readonly ApiChange[];
  /**
   * The repository was indexed at base and head, so the api checks ran: without it their
   * silence means "not computed", and their threads are kept.
   */
  apiIndexed?: boolean;
}

import type { SyntaxNode, Tree } from "tree-sitter";
import type { Category, FixSafety, PythonVersion, Severity } from "./types.js";
import type { ModuleNames } from "./names.js";
import type { ProjectContext, ProjectInput } from "./project.js";

/** Ruff's FixAvailability: the runner rejects reports that contradict it. */
export type FixAvailability = "always" | "sometimes" | "never";

export interface CheckDocs {
  /** One line: what is flagged. */
  summary: string;
  /** A short paragraph: why a reviewer cares. */
  why: string;
  /** Python the check reports on (executed by the docs-examples test). */
  bad: string;
  /** Python the check accepts (executed by the docs-examples test). */
  good: string;
  /** When the fix is offered and what it will not touch. */
  fixSafety?: string;
  /** Where and why peptalk deliberately differs from the linter whose code it lists. */
  differences?: string;
  /** The fence language of `bad`/`good` in the docs; Python unless a project check says otherwise. */
  lang?: string;
}

/**
 * A bug rule reports a defect or a likely defect and is on wherever it is certain. A taste rule
 * reports a convention and speaks only where the codebase has that taste (the team selected it,
 * or the file's own unchanged code follows it): see DESIGN.md, "Bug rules and taste rules".
 */
export type RuleType = "bug" | "taste";

/** How a taste rule infers the house style; see src/engine/house-style.ts. */
export interface HouseStyleSpec {
  /** What the counted constructs are and what following means, read as "41 of 42 <counted>". */
  counted: string;
  /** A typed package (`py.typed`) or a strict mypy/pyright setting promises this convention: it decides where a file has too little code of its own to judge by. */
  askedByStrictTyping?: boolean;
  /**
   * Why a departure in code the change did not write is not worth a comment (an existing public
   * name is published: callers use it), so without a diff (`peptalk check`) the rule is silent
   * unless asked for, and on a pull request it speaks only about the lines the change adds.
   */
  newCodeOnly?: string;
}

/** Which files a check looks at. Test files: see `config.tests` globs. */
export type AppliesTo = "all" | "tests" | "non-tests";

interface CheckMeta {
  /** kebab-case, stable; what users write in config. Must equal the file name. */
  id: string;
  /** Equivalent Ruff/flake8 codes, only where the meaning truly matches. */
  codes: string[];
  /** pylint message names (symbolic), honoured by `# pylint: disable=`. */
  pylint?: string[];
  category: Category;
  /** Default severity; `off` ships the check disabled until configured. */
  severity: Severity | "off";
  /** A defect (bug) or a convention (taste): a taste rule speaks only where the codebase has that taste. */
  type: RuleType;
  /** A taste rule that counts the constructs following its convention (`ctx.follows`). */
  houseStyle?: HouseStyleSpec;
  fix: FixAvailability;
  docs: CheckDocs;
  /** The lowest target Python the check applies to, e.g. "3.10". */
  minPython?: string;
  appliesTo?: AppliesTo;
}

/** A byte range of the file's text (UTF-16 offsets), what an edit replaces. */
export interface TextRange {
  start: number;
  end: number;
}

export interface EditSpec extends TextRange {
  text: string;
}

export interface FixSpec {
  /** What the fix does, imperative: "Replace `== None` with `is None`". */
  title: string;
  edits: EditSpec[];
  /** As Ruff classifies the same fix; default "safe". Unsafe fixes need a human. */
  safety?: FixSafety;
  /** For an unsafe fix: what could change, in one clause. */
  unsafeReason?: string;
}

export interface ReportSpec {
  node?: SyntaxNode;
  range?: TextRange;
  message: string;
  /** For a check with several codes: the one this finding is (e.g. A001 vs A002). */
  code?: string;
  fix?: FixSpec | null;
  /**
   * Taste rules: the construct that departs from the convention, when several findings share
   * one (the unannotated parameters of one function count as one function). Default: the node.
   */
  construct?: SyntaxNode;
}

export type Visitor = (node: SyntaxNode) => void;
/** Keys are tree-sitter node types; `type:exit` fires when the walk leaves the node. */
export type Visitors = Record<string, Visitor>;

export interface CheckContext {
  readonly path: string;
  readonly source: string;
  readonly tree: Tree;
  /** The target Python from config / requires-python. */
  readonly python: PythonVersion;
  readonly isTestFile: boolean;
  /** The project around the file, when the front door knows it. */
  readonly project: ProjectContext | null;
  /** Imports and module-level bindings, for resolving what a name refers to. */
  readonly names: ModuleNames;
  report(spec: ReportSpec): void;
  text(node: SyntaxNode | TextRange): string;
  edits: {
    replace(target: SyntaxNode | TextRange, text: string): EditSpec;
    remove(target: SyntaxNode | TextRange): EditSpec;
    insertBefore(target: SyntaxNode | TextRange, text: string): EditSpec;
    insertAfter(target: SyntaxNode | TextRange, text: string): EditSpec;
  };
  /** `name` refers to the builtin of that name (not rebound, not imported over). */
  isBuiltin(node: SyntaxNode, name?: string): boolean;
  /**
   * The dotted name an expression refers to, resolved through the module's imports:
   * `t.sleep` after `import time as t` → "time.sleep"; `open` → "open" when builtin.
   * Null when the head of the expression is a local or unknown name.
   */
  qualifiedName(node: SyntaxNode): string | null;
  /**
   * Taste rules: `construct` follows the rule's convention (an annotated function, a `def`
   * where a lambda could have been assigned). With the findings (the constructs that do not),
   * this is how the house style is inferred. Bug rules never call it.
   */
  follows(construct: SyntaxNode): void;
}

/** Where a file check's documented example lives, for checks that look beyond the file. */
export interface ExampleFile {
  path: string;
  project: ProjectInput;
}

export interface FileCheck extends CheckMeta {
  kind: "file";
  /** The path and project around `docs.bad` / `docs.good` (default: a module with no project). */
  docsContext?: { bad: ExampleFile; good: ExampleFile };
  /**
   * Text the source must contain, every string of it, for the check to be able to fire
   * (`["pickle"]`, `["raise", "except"]`). The runner tests it before `create`, so a file that
   * lacks one costs the check nothing: no visitors, no node types fetched for it.
   */
  requires?: readonly string[];
  create(ctx: CheckContext): Visitors;
}

export interface ProjectReportSpec {
  path: string;
  /** 1-based; defaults to the first line. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** "LEFT": the position is in the base text of `path`, on a line the pull request removed. */
  side?: "LEFT";
}

export interface ProjectCheckContext {
  readonly project: ProjectContext;
  readonly python: PythonVersion;
  report(spec: ProjectReportSpec): void;
}

/** A small project tree: a project check's documented (and tested) example. */
export interface ExampleProject {
  /** Head files, path → text. */
  files: Record<string, string>;
  /** Further paths present at head (e.g. `uv.lock`). */
  paths?: string[];
  /** Paths the diff changes; omitted = no diff. */
  changed?: string[];
  /** Base text of changed files; null = added by the diff. */
  base?: Record<string, string | null>;
}

/** A check that sees the project (file list, pyproject, lock files), not one tree. */
export interface ProjectCheck extends CheckMeta {
  kind: "project";
  /** `bad` is flagged and `good` is not (docs-examples test); docs.bad/good render them. */
  examples: { bad: ExampleProject; good: ExampleProject };
  run(ctx: ProjectCheckContext): void;
}

type ProjectCheckDefinition = Omit<ProjectCheck, "kind" | "docs"> & { docs: Omit<CheckDocs, "bad" | "good" | "lang"> };

/** An example project as the docs show it: each file under a `# path` comment. */
function renderExample(example: ExampleProject): string {
  const changed = new Set(example.changed ?? []);
  const mark = (path: string): string => (changed.has(path) ? " (changed)" : "");
  const body = (text: string): string => text.replace(/\n?$/, "\n");
  const before = Object.entries(example.base ?? {}).map(([path, text]) =>
    text === null ? `# ${path}: added by the change\n` : `# ${path}, before the change\n${body(text)}`,
  );
  const files = Object.entries(example.files).map(([path, text]) => `# ${path}${mark(path)}\n${body(text)}`);
  const extra = (example.paths ?? []).map((p) => `# ${p} (present${changed.has(p) ? ", changed" : ""})\n`);
  return [...before, ...files, ...extra].join("\n");
}

export type Check = FileCheck | ProjectCheck;

export function defineCheck(definition: Omit<FileCheck, "kind">): FileCheck {
  return { appliesTo: "all", ...definition, kind: "file" };
}

export function defineProjectCheck(definition: ProjectCheckDefinition): ProjectCheck {
  const paths = [...Object.keys(definition.examples.bad.files), ...Object.keys(definition.examples.good.files)];
  const docs: CheckDocs = {
    ...definition.docs,
    bad: renderExample(definition.examples.bad),
    good: renderExample(definition.examples.good),
    lang: paths.every((p) => p.endsWith(".toml")) ? "toml" : "text",
  };
  return { appliesTo: "all", ...definition, docs, kind: "project" };
}

/** The public description of a rule: `peptalk rules --format json`, docs, SARIF. */
export interface RuleInfo {
  id: string;
  codes: string[];
  category: Category;
  severity: Severity | "off";
  type: RuleType;
  /** A taste rule's counted convention ("public functions have a return annotation"), if it infers one. */
  convention: string | null;
  fixable: FixAvailability;
  minPython: string | null;
  appliesTo: AppliesTo;
  docs: CheckDocs;
}

export function ruleInfo(check: Check): RuleInfo {
  return {
    id: check.id,
    codes: check.codes,
    category: check.category,
    severity: check.severity,
    type: check.type,
    convention: check.houseStyle?.counted ?? null,
    fixable: check.fix,
    minPython: check.minPython ?? null,
    appliesTo: check.appliesTo ?? "all",
    docs: check.docs,
  };
}

// The project around the files: what packaging checks (and a few file checks) need.
// Front doors fill a ProjectInput; the engine turns it into a read-only ProjectContext.
import { minimatch } from "minimatch";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ApiInput } from "./api/types.js";
import { contentOf, type SourceFile } from "./files.js";

/** Files a front door should read besides the Python it reviews (repo-relative paths). */
export const PROJECT_FILE_PATTERNS = [
  "pyproject.toml",
  "setup.cfg",
  "setup.py",
  "tox.ini",
  "pytest.ini",
  ".flake8",
  "ruff.toml",
  ".ruff.toml",
  // Type-checker settings: strict typing makes annotations the house style (house-style.ts).
  "mypy.ini",
  ".mypy.ini",
  "pyrightconfig.json",
  "Pipfile",
  "requirements*.txt",
  "requirements*.in",
  "requirements/*.txt",
  "requirements/*.in",
  "**/conftest.py",
  "noxfile.py",
];

/** Whether a repo-relative path is one of the project files checks may read. */
export function isProjectFile(path: string): boolean {
  return PROJECT_FILE_PATTERNS.some((glob) => minimatch(path, glob, { dot: true }));
}

export const LOCK_FILES = ["uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock"];

export interface ProjectInput {
  /** Every path in the repository at head (posix, repo-relative); omit when unknown. */
  paths?: readonly string[];
  /** Paths the PR or local diff changes; omit when there is no diff (`peptalk check`). */
  changedPaths?: readonly string[];
  /** Text of project files at head (pyproject.toml, setup.cfg, conftest.py, ...). */
  files?: Readonly<Record<string, string>>;
  /** Text of changed project files at base; null = the file did not exist at base. */
  baseFiles?: Readonly<Record<string, string | null>>;
  /** Directories that are namespace packages on purpose (config `namespace_packages`). */
  namespacePackages?: readonly string[];
  /**
   * Linter settings files (pyproject.toml, ruff.toml, .ruff.toml, setup.cfg, tox.ini, .flake8)
   * as they are at the base commit. When given, the Ruff/flake8 settings that decide what is
   * checked come from here, not from `files`: a pull request cannot loosen its own review.
   */
  settingsFiles?: Readonly<Record<string, string>>;
  /** Repository indexes at base and head (api checks); omitted when there is no base. */
  api?: ApiInput;
}

export interface ParsedToml {
  path: string;
  text: string;
  /** The parsed document, or null when it is not valid TOML. */
  data: Record<string, unknown> | null;
  error: { message: string; line: number; column: number } | null;
}

export interface ProjectContext {
  /** Every path at head; null when the front door cannot list them. */
  readonly paths: readonly string[] | null;
  /** Changed paths; null when there is no diff to compare with. */
  readonly changedPaths: readonly string[] | null;
  /** Head text of a file the front door read (project files and analysed Python). */
  read(path: string): string | undefined;
  /** Base text: a string, null (absent at base), or undefined (not known). */
  readBase(path: string): string | null | undefined;
  /** pyproject.toml at the root, parsed once. */
  readonly pyproject: ParsedToml | null;
  hasPath(path: string): boolean;
  /** Directories configured as namespace packages (repo-relative, no trailing slash). */
  readonly namespacePackages: readonly string[];
  /** Base and head repository indexes; null without a base (`peptalk check`). */
  readonly api: ApiInput | null;
}

export function parseTomlFile(path: string, text: string): ParsedToml {
  try {
    return { path, text, data: parseToml(text) as Record<string, unknown>, error: null };
  } catch (err) {
    if (err instanceof TomlError) {
      const message = err.message.split("\n")[0] ?? err.message;
      return { path, text, data: null, error: { message, line: err.line, column: err.column } };
    }
    return { path, text, data: null, error: { message: String(err), line: 1, column: 1 } };
  }
}

export function createProjectContext(
  input: ProjectInput,
  analysed: ReadonlyMap<string, SourceFile["content"]>,
): ProjectContext {
  const files = new Map<string, SourceFile["content"]>(Object.entries(input.files ?? {}));
  for (const [path, content] of analysed) if (!files.has(path)) files.set(path, content);
  // Analysed files arrive as bytes or readers; they are read and decoded only if a check reads them.
  const read = (path: string): string | undefined => {
    const entry = files.get(path);
    if (entry === undefined) return undefined;
    if (typeof entry === "string") return entry;
    const content = contentOf({ content: entry });
    const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
    files.set(path, text);
    return text;
  };
  const paths = input.paths ? [...input.paths] : null;
  const pathSet = paths ? new Set(paths) : null;
  const pyprojectText = read("pyproject.toml");
  let pyproject: ParsedToml | null | undefined;
  return {
    paths,
    changedPaths: input.changedPaths ? [...input.changedPaths] : null,
    read,
    readBase: (path) => {
      const base = input.baseFiles;
      if (!base || !(path in base)) return undefined;
      return base[path] ?? null;
    },
    get pyproject() {
      if (pyproject === undefined)
        pyproject = pyprojectText === undefined ? null : parseTomlFile("pyproject.toml", pyprojectText);
      return pyproject;
    },
    hasPath: (path) => (pathSet ? pathSet.has(path) : files.has(path)),
    namespacePackages: (input.namespacePackages ?? []).map((d) => d.replace(/^\.\//, "").replace(/\/+$/, "")),
    api: input.api ?? null,
  };
}

/** `[project].requires-python` from pyproject text, when it can be read. */
export function requiresPython(pyprojectText: string | undefined): string | null {
  if (!pyprojectText) return null;
  const parsed = parseTomlFile("pyproject.toml", pyprojectText);
  const project = parsed.data?.["project"];
  if (project && typeof project === "object" && "requires-python" in project) {
    const value = (project as Record<string, unknown>)["requires-python"];
    return typeof value === "string" ? value : null;
  }
  return null;
}

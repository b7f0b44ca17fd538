// Finding the Python files under the paths given on the command line, and the repo's file list.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isProjectFile, type ProjectInput } from "../engine/project.js";
import { entryPointFiles } from "../engine/pyproject.js";

/** Directories no one wants linted (Ruff's default excludes). */
export const SKIPPED_DIRS = new Set([
  ".bzr",
  ".direnv",
  ".eggs",
  ".git",
  ".git-rewrite",
  ".hg",
  ".ipynb_checkpoints",
  ".mypy_cache",
  ".nox",
  ".pants.d",
  ".peptalk_cache",
  ".pyenv",
  ".pytest_cache",
  ".pytype",
  ".ruff_cache",
  ".svn",
  ".tox",
  ".venv",
  ".vscode",
  "__pypackages__",
  "__pycache__",
  "_build",
  "buck-out",
  "dist",
  "node_modules",
  "site-packages",
  "venv",
]);

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

export function isPythonPath(path: string): boolean {
  return path.endsWith(".py") || path.endsWith(".pyi");
}

/** A path the walk met but does not check, and why; `sameAs` names the path that is checked instead. */
export interface CollectedSkip {
  path: string;
  reason: string;
  sameAs?: string;
}

export interface CollectedFiles {
  /** Absolute paths (as given or walked, not resolved through symlinks), one per file on disk. */
  files: string[];
  /** Files named on the command line, not found by walking a directory. */
  explicit: Set<string>;
  missing: string[];
  skipped: CollectedSkip[];
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The Python files under each argument (a file is taken as given). Symlinks to files and to
 * directories are followed; a file or directory reached twice (overlapping arguments, a symlink
 * to something already walked, a symlink loop) is checked once, and a second path to it is
 * reported as skipped, so no file is lost or counted twice. The path that is kept is the one
 * named on the command line, else one without symlinks, else the first in name order.
 */
export function collectPythonFiles(args: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const explicit = new Set<string>();
  const missing: string[] = [];
  const skipped = new Map<string, CollectedSkip>();
  const fileByRealPath = new Map<string, string>();
  const dirByRealPath = new Map<string, string>();
  // Symlinks met while walking wait until every real path has been seen.
  const links: { path: string; isDir: boolean }[] = [];
  const skip = (entry: CollectedSkip): void => {
    if (!skipped.has(entry.path)) skipped.set(entry.path, entry);
  };

  const addFile = (path: string, given: boolean): void => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      skip({ path, reason: "broken symbolic link" });
      return;
    }
    const first = fileByRealPath.get(real);
    if (first === undefined) {
      fileByRealPath.set(real, path);
      files.push(path);
    } else if (first !== path) {
      skip({ path, reason: "same file as", sameAs: first });
      return;
    }
    if (given) explicit.add(path);
  };
  const enterDir = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      skip({ path: dir, reason: "broken symbolic link" });
      return;
    }
    const first = dirByRealPath.get(real);
    if (first !== undefined) {
      // The same directory as an argument again (`pkg pkg/sub`) is simply walked once.
      if (first !== dir) skip({ path: dir, reason: "same directory as", sameAs: first });
      return;
    }
    dirByRealPath.set(real, dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch (err) {
      skip({ path: dir, reason: `unreadable directory (${(err as NodeJS.ErrnoException).code ?? "error"})` });
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(full);
        } catch {
          if (isPythonPath(entry.name)) skip({ path: full, reason: "broken symbolic link" });
          continue;
        }
        if (target.isDirectory() ? !SKIPPED_DIRS.has(entry.name) : target.isFile() && isPythonPath(entry.name))
          links.push({ path: full, isDir: target.isDirectory() });
      } else if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) enterDir(full);
      } else if (entry.isFile() && isPythonPath(entry.name)) addFile(full, false);
    }
  };

  const dirs: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      // A dangling symlink exists as a link but has nothing to check.
      if (lstatExists(arg)) skip({ path: arg, reason: "broken symbolic link" });
      else missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) dirs.push(arg);
    else addFile(arg, true);
  }
  for (const dir of dirs) enterDir(dir);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (link.isDir) enterDir(link.path);
    else addFile(link.path, false);
  }
  return { files: files.sort(), explicit, missing, skipped: [...skipped.values()] };
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The deepest directory that holds every path (a directory argument counts as itself). */
export function commonDirectory(paths: readonly string[]): string {
  const dirs = paths.map((p) => {
    try {
      return statSync(p).isDirectory() ? resolve(p) : dirname(resolve(p));
    } catch {
      return dirname(resolve(p));
    }
  });
  let common = dirs[0] ?? resolve(".");
  for (const dir of dirs.slice(1)) {
    while (dir !== common && !dir.startsWith(common.endsWith(sep) ? common : common + sep)) {
      const up = dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

/**
 * Every path in the repository, repo-relative: git's view when it is a checkout. Outside git,
 * `within` (absolute directories under `root`) limits the walk to what is being checked, plus the
 * files at the root itself (pyproject.toml, ruff.toml): `root` may be a wide common directory.
 */
export function listRepoPaths(root: string, within?: readonly string[]): string[] {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out
      .split("\0")
      .filter(Boolean)
      .filter((p) => existsSync(join(root, p)));
  } catch {
    const paths = new Set<string>();
    const seen = new Set<string>();
    const visit = (dir: string, deep: boolean): void => {
      let entries: Dirent[];
      try {
        // Each directory once, whatever symlinks lead to it again.
        const real = realpathSync(dir);
        if (deep && seen.has(real)) return;
        if (deep) seen.add(real);
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = statSync(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch {
            continue;
          }
        }
        if (isDir) {
          if (deep && !SKIPPED_DIRS.has(entry.name)) visit(full, true);
        } else if (isFile) paths.add(toPosix(relative(root, full)));
      }
    };
    if (within === undefined) visit(root, true);
    else {
      visit(root, false);
      for (const dir of within) visit(dir, true);
    }
    return [...paths];
  }
}

/** The ProjectInput for a local run: the file list and the project files' text. */
export function buildProjectInput(
  root: string,
  paths: readonly string[],
  extra: Partial<ProjectInput> = {},
): ProjectInput {
  const files: Record<string, string> = {};
  const read = (path: string): void => {
    try {
      files[path] = readFileSync(isAbsolute(path) ? path : join(root, path), "utf8");
    } catch {
      // unreadable project files are simply unknown to the checks
    }
  };
  for (const path of paths.filter(isProjectFile)) read(path);
  // Entry points name modules the packaging checks must read to resolve `module:attr`.
  for (const path of entryPointFiles(files["pyproject.toml"], paths)) if (!(path in files)) read(path);
  return { paths, files, ...extra };
}

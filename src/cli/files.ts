// Finding the Python files under the paths given on the command line, and the repo's file list.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
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

/** Absolute paths of Python files under each argument (a file is taken as given). */
export function collectPythonFiles(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(full);
      } else if (entry.isFile() && isPythonPath(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const arg of args) {
    if (!existsSync(arg)) {
      missing.push(arg);
      continue;
    }
    if (statSync(arg).isDirectory()) visit(arg);
    else files.push(arg);
  }
  return { files: [...new Set(files)].sort(), missing };
}

/** Every path in the repository, repo-relative: git's view when it is a checkout. */
export function listRepoPaths(root: string): string[] {
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
    const paths: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) visit(full);
        } else if (entry.isFile()) paths.push(toPosix(relative(root, full)));
      }
    };
    visit(root);
    return paths;
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
      files[path] = readFileSync(join(root, path), "utf8");
    } catch {
      // unreadable project files are simply unknown to the checks
    }
  };
  for (const path of paths.filter(isProjectFile)) read(path);
  // Entry points name modules the packaging checks must read to resolve `module:attr`.
  for (const path of entryPointFiles(files["pyproject.toml"], paths)) if (!(path in files)) read(path);
  return { paths, files, ...extra };
}

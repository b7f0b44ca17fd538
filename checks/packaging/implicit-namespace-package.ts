import { defineCheck, type Visitors } from "../../src/engine/check.js";
import type { ProjectContext } from "../../src/engine/project.js";

// Top-level directories that hold scripts, docs or examples rather than packages.
const NOT_PACKAGE_DIRS = new Set([
  "bin",
  "scripts",
  "script",
  "tools",
  "tool",
  "docs",
  "doc",
  "examples",
  "example",
  "samples",
  "benchmarks",
  "bench",
  "ci",
  "notebooks",
  "demo",
  "demos",
]);
const TEST_DIRS = new Set(["tests", "test", "testing"]);
// Directories whose direct children are top-level modules (Ruff's default `src`).
const SOURCE_ROOTS = new Set(["src", "lib", "python"]);

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function isNamespaceOnPurpose(project: ProjectContext, dir: string): boolean {
  return project.namespacePackages.some((ns) => dir === ns || dir.startsWith(`${ns}/`));
}

const TEST_MODULE = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;
// Files that are scripts or configuration by name, never imported as a module of a package.
const SCRIPT_NAMES = new Set(["setup.py", "conftest.py", "noxfile.py", "fabfile.py", "manage.py", "__main__.py"]);

/** The `.py` files directly in `dir` (stubs aside), sorted. */
function modulesIn(paths: readonly string[], dir: string): string[] {
  return paths.filter((p) => p.endsWith(".py") && dirname(p) === dir).sort();
}

/**
 * The root of the test tree `dir` is in: the outermost `tests/`-like directory on its path, or
 * `dir` itself when every Python file in it is a test module or conftest (pytest's layout for a
 * test directory of any name). Null when `dir` holds more than tests.
 */
function testTreeRoot(paths: readonly string[], dir: string): string | null {
  const segments = dir.split("/");
  const index = segments.findIndex((s) => TEST_DIRS.has(s));
  if (index >= 0) return segments.slice(0, index + 1).join("/");
  const modules = modulesIn(paths, dir);
  const allTests = modules.every((p) => TEST_MODULE.test(p) || p.endsWith("/conftest.py"));
  return modules.length > 0 && allTests ? dir : null;
}

/**
 * pytest's rootdir-style test tree: no directory of it that holds test modules, nor one between
 * those and the root, is a package. Fixture or data packages inside it may have their
 * `__init__.py`: they hold no tests.
 */
function isPytestStyleTree(paths: readonly string[], root: string, hasPath: (p: string) => boolean): boolean {
  const testDirs = new Set(
    paths.filter((p) => (p === root || p.startsWith(`${root}/`)) && TEST_MODULE.test(p)).map(dirname),
  );
  const onTestPaths = new Set<string>();
  for (let d of testDirs) for (; d.length >= root.length && !onTestPaths.has(d); d = dirname(d)) onTestPaths.add(d);
  return ![...onTestPaths].some((d) => hasPath(`${d}/__init__.py`));
}

/**
 * The file that speaks for its directory, so that a directory is reported once: the first of its
 * modules the change touches (or the first of all without a diff). `candidates` are the
 * directory's modules the check would report.
 */
function representative(project: ProjectContext, candidates: string[]): string | undefined {
  const changed = project.changedPaths ? new Set(project.changedPaths) : null;
  return (changed ? candidates.find((p) => changed.has(p)) : undefined) ?? candidates[0];
}

export default defineCheck({
  id: "implicit-namespace-package",
  codes: ["INP001"],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A `.py` file inside a package directory that has no `__init__.py`.",
    why: "A directory of modules without `__init__.py` is an implicit namespace package (PEP 420). It imports, but pytest, mypy, coverage and unittest discovery treat it differently from a regular package: tests are silently not collected, modules are missing from coverage, and two such directories with the same name shadow each other. Add an empty `__init__.py`, or list the directory under `namespace_packages` when it is a namespace package on purpose.",
    bad: "# acme/handlers/email.py, and acme/handlers/ has no __init__.py\ndef send(message):\n    return message\n",
    good: "# acme/email.py, and acme/ has an __init__.py\ndef send(message):\n    return message\n",
    differences:
      "Ruff decides from the file system, which ruff-wasm does not have, so its oracle cannot run on snippets. Like Ruff, files at the root or directly in a source root (`src/`), `.pyi` stubs, PEP 723 scripts and configured namespace packages are exempt; unlike Ruff, peptalk also leaves alone files with a `#!` line or named like a script (`setup.py`, `conftest.py`, `__main__.py`), `docs/`, `scripts/`, `tools/`, `examples/` and similar directories, directories whose name is no Python identifier (`test-data/`), and pytest-style test trees (a `tests/` directory, or one holding only tests, where no directory of test modules has an `__init__.py`; fixture packages inside may have one). A directory is reported once, on its first module (the first the change touches, in a review), where Ruff reports every file in it.",
  },
  docsContext: {
    bad: { path: "acme/handlers/email.py", project: { paths: ["acme/__init__.py", "acme/handlers/email.py"] } },
    good: { path: "acme/email.py", project: { paths: ["acme/__init__.py", "acme/email.py"] } },
  },
  create(ctx): Visitors {
    const project = ctx.project;
    // Without the repository's file list a missing `__init__.py` cannot be told from an unlisted one.
    if (!project?.paths || !ctx.path.endsWith(".py")) return {};
    const paths = project.paths;
    const dir = dirname(ctx.path);
    if (dir === "" || SOURCE_ROOTS.has(dir) || project.hasPath(`${dir}/__init__.py`)) return {};
    const segments = dir.split("/");
    if (segments[0]!.startsWith(".")) return {};
    // Scripts, docs and examples are run, not imported; nor is a directory whose name is no
    // Python identifier (`test-examples/`) importable at all.
    if (segments.some((s) => NOT_PACKAGE_DIRS.has(s) || !/^[A-Za-z_]\w*$/.test(s))) return {};
    if (SCRIPT_NAMES.has(ctx.path.slice(dir.length + 1))) return {};
    if (isNamespaceOnPurpose(project, dir) || segments.some((s) => s.includes("namespace"))) return {};
    // Scripts: a `#!` line or inline script metadata (PEP 723).
    if (ctx.source.startsWith("#!") || /^# \/\/\/ script\s*$/m.test(ctx.source)) return {};
    // In a test tree only test modules matter (discovery misses them); data and helper
    // modules there are loaded on purpose, often as namespace packages. A pytest-style tree
    // (no test directory in it is a package) needs no `__init__.py` anywhere.
    const testRoot = testTreeRoot(paths, dir);
    if (testRoot !== null && (!TEST_MODULE.test(ctx.path) || isPytestStyleTree(paths, testRoot, project.hasPath)))
      return {};
    const candidates = modulesIn(paths, dir).filter(
      (p) => !SCRIPT_NAMES.has(p.slice(dir.length + 1)) && (testRoot === null || TEST_MODULE.test(p)),
    );
    // Not listed (a file given outside the tree): it speaks for itself.
    if (!candidates.includes(ctx.path)) candidates.unshift(ctx.path);
    if (representative(project, candidates) !== ctx.path) return {};
    const others = candidates.length - 1;
    const file = ctx.path.slice(dir.length + 1);
    const modules =
      others === 0
        ? `its module \`${file}\` forms`
        : `its modules (\`${file}\` and ${others} other${others === 1 ? "" : "s"}) form`;
    return {
      module() {
        ctx.report({
          range: { start: 0, end: 0 },
          message: `\`${dir}/\` has no \`__init__.py\`: ${modules} an implicit namespace package that pytest, mypy and coverage handle differently; add \`${dir}/__init__.py\``,
        });
      },
    };
  },
});

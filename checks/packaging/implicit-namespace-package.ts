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

/** A test tree that uses no packages at all (pytest's rootdir-style layout) is fine. */
function isPackagelessTestTree(project: ProjectContext, top: string): boolean {
  return !project.paths?.some((p) => p.startsWith(`${top}/`) && p.endsWith("/__init__.py"));
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
      "Ruff decides from the file system, which ruff-wasm does not have, so its oracle cannot run on snippets. Like Ruff, files at the root or directly in a source root (`src/`), `.pyi` stubs, PEP 723 scripts and configured namespace packages are exempt; unlike Ruff, peptalk also leaves alone files with a `#!` line, `docs/`, `scripts/`, `tools/`, `examples/` and similar top-level directories, and test trees that use no `__init__.py` at all (pytest's recommended layout).",
  },
  docsContext: {
    bad: { path: "acme/handlers/email.py", project: { paths: ["acme/__init__.py", "acme/handlers/email.py"] } },
    good: { path: "acme/email.py", project: { paths: ["acme/__init__.py", "acme/email.py"] } },
  },
  create(ctx): Visitors {
    const project = ctx.project;
    // Without the repository's file list a missing `__init__.py` cannot be told from an unlisted one.
    if (!project?.paths || !ctx.path.endsWith(".py")) return {};
    const dir = dirname(ctx.path);
    if (dir === "" || SOURCE_ROOTS.has(dir) || project.hasPath(`${dir}/__init__.py`)) return {};
    const segments = dir.split("/");
    const top = segments[0]!;
    if (top.startsWith(".") || NOT_PACKAGE_DIRS.has(top)) return {};
    if (TEST_DIRS.has(top) && isPackagelessTestTree(project, top)) return {};
    // In a test tree only test modules matter (discovery misses them); data and helper
    // modules there are loaded on purpose, often as namespace packages.
    const inTestTree = segments.some((s) => TEST_DIRS.has(s));
    if (inTestTree && !/(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(ctx.path)) return {};
    if (isNamespaceOnPurpose(project, dir) || segments.some((s) => s.includes("namespace"))) return {};
    // Scripts: a `#!` line or inline script metadata (PEP 723).
    if (ctx.source.startsWith("#!") || /^# \/\/\/ script\s*$/m.test(ctx.source)) return {};
    return {
      module() {
        ctx.report({
          range: { start: 0, end: 0 },
          message: `\`${ctx.path}\` is in \`${dir}/\`, which has no \`__init__.py\`: an implicit namespace package that pytest, mypy and coverage handle differently; add \`${dir}/__init__.py\``,
        });
      },
    };
  },
});

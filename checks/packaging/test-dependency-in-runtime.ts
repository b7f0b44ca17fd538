import { defineProjectCheck } from "../../src/engine/check.js";
import {
  normalizeName,
  pep621Sources,
  poetrySources,
  tableAt,
  valueLine,
  keyLine,
} from "../../src/engine/pyproject.js";

// Tools that only tests, linting or type-checking need (PEP 503 names).
const DEV_TOOLS = new Set([
  "pytest",
  "pytest-cov",
  "pytest-mock",
  "pytest-asyncio",
  "pytest-xdist",
  "pytest-timeout",
  "coverage",
  "mypy",
  "ruff",
  "black",
  "flake8",
  "pylint",
  "isort",
  "tox",
  "nox",
  "pre-commit",
  "pyright",
  "bandit",
]);

/** The project extends the tool (`pytest-acme`, `flake8-x`, `ruff-lsp`): it may depend on it. */
function isToolFor(projectName: string, dependency: string): boolean {
  return projectName.includes(dependency.split("-")[0]!);
}

export default defineProjectCheck({
  id: "test-dependency-in-runtime",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A test or lint tool (pytest, mypy, ruff, ...) in the runtime dependencies.",
    why: "Everything in `[project].dependencies` is installed for every user of the package: pytest or mypy there bloat installs, pin users' tool versions and can conflict with their own. Test and lint tools belong in an extra (`[project.optional-dependencies] test = [...]`) or a dependency group. Plugins for those tools (a `pytest-*` package) are left alone.",
  },
  examples: {
    bad: {
      files: {
        "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2", "pytest>=8"]\n',
      },
    },
    good: {
      files: {
        "pyproject.toml":
          '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2"]\n\n[project.optional-dependencies]\ntest = ["pytest>=8"]\n',
      },
    },
  },
  run(ctx) {
    const pyproject = ctx.project.pyproject;
    const doc = pyproject?.data;
    if (!pyproject || !doc) return;
    const project = tableAt(doc, ["project"]);
    const poetry = tableAt(doc, ["tool", "poetry"]);
    const rawName = project?.["name"] ?? poetry?.["name"];
    const projectName = typeof rawName === "string" ? normalizeName(rawName) : "";
    // Entry points for pytest (`pytest11`) mean the package is a plugin.
    if (tableAt(project, ["entry-points", "pytest11"]) || tableAt(poetry, ["plugins", "pytest11"])) return;
    const runtime = [
      ...pep621Sources(doc).filter((s) => s.key === "dependencies"),
      ...poetrySources(doc).filter((s) => s.table.join(".") === "tool.poetry.dependencies"),
    ];
    for (const source of runtime) {
      for (const dep of source.dependencies) {
        if (!DEV_TOOLS.has(dep.name) || isToolFor(projectName, dep.name)) continue;
        const line =
          source.key !== undefined
            ? valueLine(pyproject.text, source.table, source.key, dep.raw)
            : keyLine(pyproject.text, source.table, dep.raw);
        ctx.report({
          path: pyproject.path,
          line: line ?? 1,
          message: `\`${dep.name}\` is a test/dev tool in the runtime dependencies: every user installs it; move it to an extra or a dependency group`,
        });
      }
    }
  },
});

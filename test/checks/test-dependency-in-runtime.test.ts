import check from "../../checks/packaging/test-dependency-in-runtime.js";
import { runProjectTable } from "../helpers/project-table.js";

const head = '[project]\nname = "acme"\nversion = "1.0"\n';

runProjectTable(check, {
  valid: [
    { name: "runtime deps only", files: { "pyproject.toml": head + 'dependencies = ["requests>=2", "attrs"]\n' } },
    {
      name: "tools in an extra",
      files: {
        "pyproject.toml": head + 'dependencies = ["requests"]\n[project.optional-dependencies]\ntest = ["pytest"]\n',
      },
    },
    { name: "tools in a group", files: { "pyproject.toml": head + '[dependency-groups]\ndev = ["mypy", "ruff"]\n' } },
    {
      name: "a pytest plugin",
      files: { "pyproject.toml": '[project]\nname = "pytest-acme"\nversion = "1"\ndependencies = ["pytest>=7"]\n' },
    },
    {
      name: "a flake8 plugin",
      files: { "pyproject.toml": '[project]\nname = "flake8-acme"\nversion = "1"\ndependencies = ["flake8>=6"]\n' },
    },
    {
      name: "pytest11 entry point",
      files: {
        "pyproject.toml":
          '[project]\nname = "acme-fixtures"\nversion = "1"\ndependencies = ["pytest"]\n[project.entry-points.pytest11]\nacme = "acme.plugin"\n',
      },
    },
    {
      name: "similar names",
      files: { "pyproject.toml": head + 'dependencies = ["pytest-runner-lib-nope", "blacken"]\n' },
    },
    {
      name: "poetry dev group",
      files: {
        "pyproject.toml": '[tool.poetry]\nname = "acme"\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n',
      },
    },
  ],
  invalid: [
    {
      name: "pytest in dependencies",
      files: { "pyproject.toml": head + 'dependencies = ["requests", "pytest>=8"]\n' },
      at: "pyproject.toml:4",
      message: /`pytest`/,
    },
    {
      name: "multi-line list",
      files: { "pyproject.toml": head + 'dependencies = [\n  "requests",\n  "mypy==1.10",\n  "Ruff",\n]\n' },
      at: ["pyproject.toml:6", "pyproject.toml:7"],
    },
    {
      name: "poetry main dependencies",
      files: {
        "pyproject.toml":
          '[tool.poetry]\nname = "acme"\n\n[tool.poetry.dependencies]\npython = "^3.9"\npytest = "^8"\n',
      },
      at: "pyproject.toml:6",
    },
    {
      name: "coverage with extras",
      files: { "pyproject.toml": head + 'dependencies = ["coverage[toml]>=7"]\n' },
      at: "pyproject.toml:4",
    },
    {
      name: "pre_commit spelled with underscore",
      files: { "pyproject.toml": head + "dependencies = ['pre_commit']\n" },
      at: "pyproject.toml:4",
      message: /pre-commit/,
    },
  ],
});

import check from "../../checks/packaging/lockfile-not-updated.js";
import { runProjectTable } from "../helpers/project-table.js";

const pyproject = (deps: string, extra = ""): string =>
  `[project]\nname = "acme"\nversion = "1.0"\ndependencies = [\n${deps}]\n${extra}`;
const before = pyproject('  "requests>=2",\n');

runProjectTable(check, {
  valid: [
    {
      name: "lock updated too",
      files: { "pyproject.toml": pyproject('  "requests>=2",\n  "httpx",\n') },
      paths: ["uv.lock"],
      changed: ["pyproject.toml", "uv.lock"],
      base: { "pyproject.toml": before },
    },
    {
      name: "reformatted only",
      files: { "pyproject.toml": pyproject('    "Requests >= 2",  # HTTP\n') },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
    },
    {
      name: "version bump of the project itself",
      files: { "pyproject.toml": before.replace('version = "1.0"', 'version = "1.1"') },
      paths: ["poetry.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
    },
    {
      name: "no lock kept",
      files: { "pyproject.toml": pyproject('  "requests>=2",\n  "httpx",\n') },
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
    },
    {
      name: "no diff (peptalk check)",
      files: { "pyproject.toml": pyproject('  "requests>=2",\n  "httpx",\n') },
      paths: ["uv.lock"],
    },
    {
      name: "base unknown",
      files: { "pyproject.toml": pyproject('  "requests>=2",\n  "httpx",\n') },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
    },
    {
      name: "pip-tools with compiled output changed",
      files: { "requirements.in": "flask\nhttpx\n" },
      paths: ["requirements.txt"],
      changed: ["requirements.in", "requirements.txt"],
      base: { "requirements.in": "flask\n" },
    },
    {
      name: "tool section edit",
      files: { "pyproject.toml": before + "\n[tool.ruff]\nline-length = 99\n" },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
    },
  ],
  invalid: [
    {
      name: "uv: dependency added",
      files: { "pyproject.toml": pyproject('  "requests>=2",\n  "httpx>=0.27",\n') },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
      at: "pyproject.toml:6",
      message: /adds `httpx`.*`uv\.lock`.*uv lock/,
    },
    {
      name: "poetry: version changed in tool.poetry",
      files: {
        "pyproject.toml":
          '[tool.poetry]\nname = "acme"\n\n[tool.poetry.dependencies]\npython = "^3.9"\nrequests = "^2.32"\n',
      },
      paths: ["poetry.lock"],
      changed: ["pyproject.toml"],
      base: {
        "pyproject.toml":
          '[tool.poetry]\nname = "acme"\n\n[tool.poetry.dependencies]\npython = "^3.9"\nrequests = "^2.31"\n',
      },
      at: "pyproject.toml:6",
      message: /changes `requests`.*poetry lock/,
    },
    {
      name: "pdm: dependency removed",
      files: { "pyproject.toml": pyproject("") },
      paths: ["pdm.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before },
      at: "pyproject.toml:1",
      message: /removes `requests`/,
    },
    {
      name: "pipenv",
      files: { Pipfile: '[packages]\nrequests = "*"\nflask = "==3.0"\n' },
      paths: ["Pipfile.lock"],
      changed: ["Pipfile"],
      base: { Pipfile: '[packages]\nrequests = "*"\n' },
      at: "Pipfile:3",
      message: /pipenv lock/,
    },
    {
      name: "pip-tools",
      files: { "requirements/base.in": "flask\nhttpx>=0.27\n" },
      paths: ["requirements/base.txt"],
      changed: ["requirements/base.in"],
      base: { "requirements/base.in": "flask\n" },
      at: "requirements/base.in:2",
      message: /requirements\/base\.txt.*pip-compile requirements\/base\.in/,
    },
    {
      name: "uv: dependency group changed",
      files: { "pyproject.toml": before + '\n[dependency-groups]\ndev = ["pytest>=8"]\n' },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": before + '\n[dependency-groups]\ndev = ["pytest>=7"]\n' },
      at: "pyproject.toml:9",
      message: /changes `pytest`/,
    },
  ],
});

import check from "../../checks/packaging/pyproject-missing-build-system.js";
import { runProjectTable } from "../helpers/project-table.js";

const project = '[project]\nname = "acme"\nversion = "1.0"\n';
const buildSystem = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';

runProjectTable(check, {
  valid: [
    { name: "build-system first", files: { "pyproject.toml": buildSystem + "\n" + project } },
    { name: "build-system last", files: { "pyproject.toml": project + "\n" + buildSystem } },
    { name: "tool config only", files: { "pyproject.toml": "[tool.ruff]\nline-length = 100\n" } },
    { name: "uv application", files: { "pyproject.toml": project }, paths: ["uv.lock"] },
    { name: "uv package = false", files: { "pyproject.toml": project + "\n[tool.uv]\npackage = false\n" } },
    {
      name: "poetry package-mode false",
      files: { "pyproject.toml": project + "\n[tool.poetry]\npackage-mode = false\n" },
    },
    { name: "pdm distribution false", files: { "pyproject.toml": project + "\n[tool.pdm]\ndistribution = false\n" } },
    { name: "no pyproject", files: { "setup.py": "from setuptools import setup\nsetup()\n" } },
    { name: "invalid toml is another check's", files: { "pyproject.toml": "[project\nname = 1\n" } },
  ],
  invalid: [
    { name: "project only", files: { "pyproject.toml": project }, at: "pyproject.toml:1", message: /build-system/ },
    {
      name: "project after tool table",
      files: { "pyproject.toml": "[tool.black]\nline-length = 100\n\n" + project },
      at: "pyproject.toml:4",
    },
    {
      name: "uv package = true forces a build",
      files: { "pyproject.toml": project + "\n[tool.uv]\npackage = true\n" },
      paths: ["uv.lock"],
      at: "pyproject.toml:1",
    },
    {
      name: "poetry lock does not excuse it",
      files: { "pyproject.toml": project },
      paths: ["poetry.lock"],
      at: "pyproject.toml:1",
    },
    {
      name: "project with subtables",
      files: {
        "pyproject.toml": '# acme\n[project]\nname = "acme"\nversion = "1"\n[project.scripts]\nacme = "acme:main"\n',
      },
      at: "pyproject.toml:2",
    },
  ],
});

import check from "../../checks/packaging/pyproject-missing-requires-python.js";
import { runProjectTable } from "../helpers/project-table.js";

const base = '[project]\nname = "acme"\nversion = "1.0"\n';

runProjectTable(check, {
  valid: [
    { name: "present", files: { "pyproject.toml": base + 'requires-python = ">=3.9"\n' } },
    { name: "dynamic", files: { "pyproject.toml": base + 'dynamic = ["requires-python"]\n' } },
    { name: "no project table", files: { "pyproject.toml": '[tool.poetry]\nname = "acme"\n' } },
    { name: "no pyproject at all", files: { "setup.cfg": "[metadata]\nname = acme\n" } },
    { name: "tool table mentions it", files: { "pyproject.toml": '[tool.x]\nrequires-python = ">=3.9"\n' } },
    { name: "quoted key", files: { "pyproject.toml": base + '"requires-python" = ">=3.10"\n' } },
  ],
  invalid: [
    { name: "missing", files: { "pyproject.toml": base }, at: "pyproject.toml:1", message: /requires-python/ },
    {
      name: "only in a tool table",
      files: { "pyproject.toml": base + '\n[tool.mypy]\npython_version = "3.9"\n' },
      at: "pyproject.toml:1",
    },
    {
      name: "other dynamic fields",
      files: { "pyproject.toml": '[project]\nname = "acme"\ndynamic = ["version"]\n' },
      at: "pyproject.toml:1",
    },
    {
      name: "after build-system",
      files: { "pyproject.toml": '[build-system]\nrequires = ["flit_core"]\n\n' + base },
      at: "pyproject.toml:4",
    },
    {
      name: "in a subtable only",
      files: { "pyproject.toml": base + '[project.urls]\nrequires-python = ">=3.9"\n' },
      at: "pyproject.toml:1",
    },
  ],
});

import check from "../../checks/packaging/setup-py-without-pyproject.js";
import { runProjectTable } from "../helpers/project-table.js";

const setup = 'from setuptools import setup\n\nsetup(name="acme")\n';
const buildSystem = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n';

runProjectTable(check, {
  valid: [
    { name: "with build-system", files: { "setup.py": setup, "pyproject.toml": buildSystem } },
    { name: "no setup.py", files: { "pyproject.toml": "[tool.ruff]\n" } },
    { name: "test fixture setup.py", files: { "tests/fixtures/pkg/setup.py": setup } },
    { name: "docs example", files: { "docs/examples/setup.py": setup } },
    {
      name: "nested package with its own build-system",
      files: { "pkg/setup.py": setup },
      paths: ["pkg/pyproject.toml"],
    },
    { name: "a module named like it", files: { "acme/mysetup.py": setup } },
  ],
  invalid: [
    { name: "setup.py alone", files: { "setup.py": setup }, at: "setup.py:1", message: /build-system/ },
    {
      name: "pyproject without build-system",
      files: { "setup.py": setup, "pyproject.toml": "[tool.black]\nline-length = 100\n" },
      at: "setup.py:1",
    },
    { name: "nested package without pyproject", files: { "libs/core/setup.py": setup }, at: "libs/core/setup.py:1" },
    { name: "unknown tree, root setup.py", files: { "setup.py": setup }, unknownTree: true, at: "setup.py:1" },
    {
      name: "two packages, one configured",
      files: { "a/setup.py": setup, "b/setup.py": setup },
      paths: ["a/pyproject.toml"],
      at: "b/setup.py:1",
    },
  ],
});

import check from "../../checks/packaging/pyproject-invalid.js";
import { runProjectTable } from "../helpers/project-table.js";

const file = (text: string): Record<string, string> => ({ "pyproject.toml": text });

runProjectTable(check, {
  valid: [
    { name: "minimal", files: file('[project]\nname = "acme"\nversion = "1.0"\n') },
    { name: "dynamic version", files: file('[project]\nname = "acme"\ndynamic = ["version"]\n') },
    {
      name: "full dependency syntax",
      files: file(
        '[project]\nname = "acme.core"\nversion = "2.0.0rc1"\nrequires-python = ">=3.9,<4"\ndependencies = [\n  "requests[socks]>=2.31,<3",\n  \'tomli>=1; python_version < "3.11"\',\n  "pip @ https://example.com/pip.whl",\n]\n[project.optional-dependencies]\ntest = ["pytest~=8.0"]\n',
      ),
    },
    { name: "tool-only pyproject", files: file("[tool.ruff]\nline-length = 100\n") },
    { name: "no pyproject", files: { "setup.cfg": "[metadata]\n" } },
    { name: "post and local versions", files: file('[project]\nname = "a_b"\nversion = "1.0.post1+local.7"\n') },
  ],
  invalid: [
    {
      name: "toml syntax",
      files: file('[project]\nname = "acme\n'),
      at: "pyproject.toml:2:13-2:14",
      message: /not valid TOML/,
    },
    {
      name: "project not a table",
      files: file('name = "x"\nproject = "acme"\n'),
      at: "pyproject.toml:2",
      message: /must be a table/,
    },
    { name: "missing name", files: file('[project]\nversion = "1.0"\n'), at: "pyproject.toml:1", message: /no `name`/ },
    {
      name: "bad dependency string",
      files: file(
        '[project]\nname = "acme"\nversion = "1"\ndependencies = [\n  "requests",\n  "httpx >= 0.27 <1",\n]\n',
      ),
      at: "pyproject.toml:6",
      message: /PEP 508/,
    },
    { name: "no version", files: file('[project]\nname = "acme"\n'), at: "pyproject.toml:1", message: /version/ },
    { name: "bad version", files: file('[project]\nname = "acme"\nversion = "one"\n'), at: "pyproject.toml:3" },
    { name: "bad name", files: file('[project]\nname = "-acme"\nversion = "1"\n'), at: "pyproject.toml:2" },
    {
      name: "bad requires-python",
      files: file('[project]\nname = "acme"\nversion = "1"\nrequires-python = "3.9+"\n'),
      at: "pyproject.toml:4",
    },
    {
      name: "both static and dynamic",
      files: file('[project]\nname = "acme"\nversion = "1"\ndynamic = ["version"]\n'),
      at: "pyproject.toml:3",
    },
    {
      name: "bad optional dependency",
      files: file(
        '[project]\nname = "acme"\nversion = "1"\n\n[project.optional-dependencies]\ntest = ["pytest", "-r dev.txt"]\n',
      ),
      at: "pyproject.toml:6",
    },
    {
      name: "dependencies not a list",
      files: file('[project]\nname = "acme"\nversion = "1"\ndependencies = "requests"\n'),
      at: "pyproject.toml:4",
    },
  ],
});

import check from "../../checks/packaging/entry-point-not-found.js";
import { runProjectTable } from "../helpers/project-table.js";

const pyproject = (scripts: string): string => `[project]\nname = "acme"\nversion = "1.0"\n\n${scripts}`;

runProjectTable(check, {
  valid: [
    {
      name: "src layout",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.cli:main"\n'),
        "src/acme/cli.py": "def main(): ...\n",
      },
      paths: ["src/acme/__init__.py"],
    },
    {
      name: "flat layout package module",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme:main"\n'),
        "acme/__init__.py": "from .cli import main\n",
      },
    },
    {
      name: "third-party module",
      files: { "pyproject.toml": pyproject('[project.entry-points."console_scripts"]\nx = "click.testing:main"\n') },
    },
    {
      name: "module body unknown",
      files: { "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.cli:main"\n') },
      paths: ["acme/__init__.py", "acme/cli.py"],
    },
    {
      name: "star import and __getattr__",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\na = "acme.a:main"\nb = "acme.b:main"\n'),
        "acme/a.py": "from acme.impl import *\n",
        "acme/b.py": "def __getattr__(name): ...\n",
      },
    },
    {
      name: "conditional and imported definitions",
      files: {
        "pyproject.toml": pyproject('[project.gui-scripts]\na = "acme.gui:run"\nb = "acme.gui:start [qt]"\n'),
        "acme/gui.py":
          "try:\n    from ._qt import run\nexcept ImportError:\n    run = None\nif True:\n    def start(): ...\n",
      },
    },
    {
      name: "compiled extension",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nfast = "acme._speedups:main"\n'),
        "acme/__init__.py": "",
      },
      paths: ["acme/_speedups.pyx"],
    },
    {
      name: "method of a class",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\na = "acme.app:App.run"\nb = "acme.app:Base.main"\n'),
        "acme/app.py": "class App:\n    @classmethod\n    def run(cls): ...\nclass Base(Mixin):\n    pass\n",
      },
    },
    { name: "no scripts", files: { "pyproject.toml": pyproject(""), "acme/__init__.py": "" } },
  ],
  invalid: [
    {
      name: "missing attribute",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.cli:main"\n'),
        "src/acme/cli.py": "def run(): ...\n",
      },
      paths: ["src/acme/__init__.py"],
      at: "pyproject.toml:6",
      message: /defines no `main`/,
    },
    {
      name: "missing module",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.commands:main"\n'),
        "acme/__init__.py": "",
      },
      paths: ["acme/cli.py"],
      at: "pyproject.toml:6",
      message: /no module `acme\.commands`/,
    },
    {
      name: "own package missing entirely",
      files: { "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.cli:main"\n') },
      paths: ["src/other/__init__.py"],
      at: "pyproject.toml:6",
    },
    {
      name: "entry point group",
      files: {
        "pyproject.toml": pyproject('[project.entry-points."acme.plugins"]\nfoo = "acme.plugins.foo:Plugin"\n'),
        "acme/plugins/foo.py": "class FooPlugin: ...\n",
      },
      paths: ["acme/__init__.py", "acme/plugins/__init__.py"],
      at: "pyproject.toml:6",
    },
    {
      name: "attribute path checks its head",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.app:cli.main"\n'),
        "acme/app.py": "app = object()\n",
      },
      at: "pyproject.toml:6",
      message: /no `cli`/,
    },
    {
      name: "class without that method",
      files: {
        "pyproject.toml": pyproject('[project.scripts]\nacme = "acme.app:App.main"\n'),
        "acme/app.py": "class App:\n    def run(self): ...\n",
      },
      at: "pyproject.toml:6",
      message: /defines no `App\.main`/,
    },
    {
      name: "poetry scripts",
      files: {
        "pyproject.toml": '[tool.poetry]\nname = "acme"\n\n[tool.poetry.scripts]\nacme = "acme.main:cli"\n',
        "acme/main.py": "def main(): ...\n",
      },
      at: "pyproject.toml:5",
    },
  ],
});

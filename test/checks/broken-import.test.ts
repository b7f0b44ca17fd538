import check from "../../checks/api/broken-import.js";
import { runProjectTable } from "../helpers/project-table.js";

const init = { "pkg/__init__.py": "" };
const client = "def fetch_all(url):\n    return url\n";
const baseClient = { "pkg/client.py": "import json\n\n\ndef fetch(url):\n    return url\n" };
const changed = ["pkg/client.py"];

runProjectTable(check, {
  valid: [
    {
      name: "no base: plain `peptalk check` stays silent",
      files: { ...init, "pkg/client.py": client, "tests/test_a.py": "from pkg.client import fetch\n" },
    },
    {
      name: "the importer is changed by the PR too (its own diff is reviewed)",
      files: { ...init, "pkg/client.py": client, "tests/test_a.py": "from pkg.client import fetch_all\n" },
      changed: ["pkg/client.py", "tests/test_a.py"],
      base: { ...baseClient, "tests/test_a.py": "from pkg.client import fetch\n" },
    },
    {
      name: "near miss: the old name is kept as an alias",
      files: {
        ...init,
        "pkg/client.py": `${client}\n\nfetch = fetch_all\n`,
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: the name is kept through a re-export",
      files: {
        ...init,
        "pkg/client.py": "from pkg._impl import fetch\n",
        "pkg/_impl.py": "def fetch(url):\n    return url\n",
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed: ["pkg/client.py", "pkg/_impl.py"],
      base: { ...baseClient, "pkg/_impl.py": null },
    },
    {
      name: "near miss: the changed module star-imports (any name may exist)",
      files: {
        ...init,
        "pkg/client.py": `from pkg.compat import *\n${client}`,
        "pkg/compat.py": "x = 1\n",
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: a module __getattr__ provides names lazily",
      files: {
        ...init,
        "pkg/client.py": `${client}\n\ndef __getattr__(name):\n    return fetch_all\n`,
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: the import is guarded by try/except ImportError",
      files: {
        ...init,
        "pkg/client.py": client,
        "tests/test_a.py": "try:\n    from pkg.client import fetch\nexcept ImportError:\n    fetch = None\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: a test monkeypatches the name back in",
      files: {
        ...init,
        "pkg/client.py": client,
        "tests/conftest.py": "import pkg.client\n\npkg.client.fetch = pkg.client.fetch_all\n",
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "third-party module of the same top name is not judged",
      files: { ...init, "pkg/client.py": client, "tests/test_a.py": "from requests import fetch\n" },
      changed,
      base: baseClient,
    },
    {
      name: "the name became a submodule",
      files: {
        ...init,
        "pkg/client/__init__.py": "",
        "pkg/client/fetch.py": "x = 1\n",
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed: ["pkg/client.py", "pkg/client/__init__.py", "pkg/client/fetch.py"],
      base: { ...baseClient, "pkg/client/__init__.py": null, "pkg/client/fetch.py": null },
    },
    {
      name: "near miss: the module became a namespace package (a folder without __init__.py)",
      files: {
        ...init,
        "pkg/client/http.py": "x = 1\n",
        "tests/test_a.py": "import pkg.client\nfrom pkg.client import http\n",
      },
      changed: ["pkg/client.py", "pkg/client/http.py"],
      base: { ...baseClient, "pkg/client/http.py": null },
    },
    {
      name: "near miss: a function binds the name with `global`",
      files: {
        ...init,
        "pkg/client.py": `${client}\n\ndef install():\n    global fetch\n    fetch = fetch_all\n`,
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: only the stub drops the name; the module that runs still has it",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url):\n    return url\n",
        "pkg/client.pyi": "def fetch_all(url: str) -> str: ...\n",
        "tests/test_a.py": "from pkg.client import fetch\n",
      },
      changed: ["pkg/client.pyi"],
      base: { "pkg/client.pyi": "def fetch(url: str) -> str: ...\n" },
    },
  ],
  invalid: [
    {
      name: "renamed function still imported by an untouched test: summary finding and inline one",
      files: {
        ...init,
        "pkg/client.py": `import json\n\n\n${client}`,
        "tests/test_sync.py": "import os\nimport sys\nfrom pkg.client import fetch\n",
      },
      changed,
      base: baseClient,
      at: ["pkg/client.py:4 LEFT", "tests/test_sync.py:3"],
    },
    {
      name: "inline message names the first importer and counts the rest",
      files: {
        ...init,
        "pkg/client.py": client,
        "tests/test_a.py": "from pkg.client import fetch\n",
        "tests/test_b.py": "from pkg.client import fetch\n",
        "pkg/cli.py": "from .client import fetch\n",
      },
      changed,
      base: baseClient,
      at: ["pkg/cli.py:1", "pkg/client.py:4 LEFT", "tests/test_a.py:1", "tests/test_b.py:1"],
      message: /removes `fetch` from `pkg.client`|`fetch` removed here, still imported by `pkg\/cli.py:1` and 2 more/,
    },
    {
      name: "removed module imported with `import`: the inline finding goes on the removed file's first line",
      files: { ...init, "tests/test_a.py": "import pkg.client\n" },
      changed,
      base: baseClient,
      at: ["pkg/client.py:1 LEFT", "tests/test_a.py:1"],
      message:
        /removes the module `pkg.client`|the module `pkg.client` is removed with this file, still imported by `tests\/test_a.py:1`/,
    },
    {
      name: "from-import of a removed module in an src layout",
      files: { "src/pkg/__init__.py": "", "src/pkg/cli.py": "from pkg.client import fetch\n" },
      changed: ["src/pkg/client.py"],
      base: { "src/pkg/client.py": "def fetch(url):\n    return url\n" },
      at: ["src/pkg/cli.py:1", "src/pkg/client.py:1 LEFT"],
    },
    {
      name: "removed class imported by name with an alias",
      files: { ...init, "pkg/models.py": "class Account:\n    pass\n", "app.py": "from pkg.models import User as U\n" },
      changed: ["pkg/models.py"],
      base: { "pkg/models.py": "class User:\n    pass\n\n\nclass Account:\n    pass\n" },
      at: ["app.py:1", "pkg/models.py:1 LEFT"],
    },
    {
      name: "renamed module: the diff lists only its head path, the old one is changed too",
      files: {
        ...init,
        "pkg/http.py": "def fetch(url):\n    return url\n",
        "main.py": "from pkg.client import fetch\n",
      },
      changed: ["pkg/http.py"],
      base: { "pkg/client.py": "def fetch(url):\n    return url\n", "pkg/http.py": null },
      at: ["main.py:1", "pkg/client.py:1 LEFT"],
    },
    {
      name: "removed re-export from a package __init__",
      files: { ...init, "pkg/core.py": "def run():\n    pass\n", "main.py": "from pkg import run\n" },
      changed: ["pkg/__init__.py"],
      base: { "pkg/__init__.py": "from .core import run\n" },
      at: ["main.py:1", "pkg/__init__.py:1 LEFT"],
    },
  ],
});

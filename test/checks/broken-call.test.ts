import check from "../../checks/api/broken-call.js";
import { runProjectTable } from "../helpers/project-table.js";

const init = { "pkg/__init__.py": "" };
const baseFetch = { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" };
const changed = ["pkg/client.py"];
const caller = (call: string, imports = "from pkg.client import fetch"): Record<string, string> => ({
  "tests/test_sync.py": `${imports}\n\n\ndef test_it():\n    ${call}\n`,
});

runProjectTable(check, {
  valid: [
    {
      name: "a new optional parameter breaks nobody",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url, timeout=10, retries=0):\n    return url\n",
        ...caller("fetch('x', timeout=1)"),
      },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: the new signature forwards **kwargs",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url, **kwargs):\n    return url\n",
        ...caller("fetch('x', timeout=1)"),
      },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: a *args forwarder",
      files: { ...init, "pkg/client.py": "def fetch(*args):\n    return args\n", ...caller("fetch('x', 1)") },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: the call unpacks **options",
      files: { ...init, "pkg/client.py": "def fetch(url):\n    return url\n", ...caller("fetch('x', **options)") },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: an unknown decorator may change the signature",
      files: {
        ...init,
        "pkg/client.py":
          "from deco import renamed\n\n\n@renamed(timeout='limit')\ndef fetch(url, limit=10):\n    return url\n",
        ...caller("fetch('x', timeout=1)"),
      },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: the name is shadowed by a local variable",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url):\n    return url\n",
        "tests/test_sync.py": "from pkg.client import fetch\n\n\ndef test_it(fetch):\n    fetch('x', timeout=1)\n",
      },
      changed,
      base: baseFetch,
    },
    {
      name: "the call did not bind at base either (not this PR's doing)",
      files: { ...init, "pkg/client.py": "def fetch(url):\n    return url\n", ...caller("fetch('x', retries=1)") },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: a dataclass synthesises its constructor",
      files: {
        ...init,
        "pkg/client.py":
          "import dataclasses\n\n\n@dataclasses.dataclass\nclass Client:\n    def __init__(self, url):\n        self.url = url\n",
        ...caller("Client('x', timeout=1)", "from pkg.client import Client"),
      },
      changed,
      base: { "pkg/client.py": "class Client:\n    def __init__(self, url, timeout=1):\n        self.url = url\n" },
    },
    {
      name: "no base: stays silent",
      files: { ...init, "pkg/client.py": "def fetch(url):\n    return url\n", ...caller("fetch('x', timeout=1)") },
    },
    {
      name: "near miss: the test patches the function with mock.patch",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url):\n    return url\n",
        "tests/test_sync.py":
          "from unittest import mock\n\nimport pkg.client\n\n\n@mock.patch('pkg.client.fetch')\ndef test_it(m):\n    pkg.client.fetch('x', timeout=1)\n",
      },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: the test patches the function with mock.patch.object",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url):\n    return url\n",
        "tests/test_sync.py":
          "from unittest import mock\n\nfrom pkg import client\n\n\ndef test_it():\n    with mock.patch.object(client, 'fetch'):\n        client.fetch('x', timeout=1)\n",
      },
      changed,
      base: baseFetch,
    },
    {
      name: "near miss: an Enum's constructor looks members up (a metaclass at work)",
      files: {
        ...init,
        "pkg/client.py":
          "import enum\n\n\nclass Mode(enum.Enum):\n    A = 1\n\n    def __init__(self, value, label):\n        self.label = label\n",
        ...caller("Mode(1)", "from pkg.client import Mode"),
      },
      changed,
      base: {
        "pkg/client.py":
          "import enum\n\n\nclass Mode(enum.Enum):\n    A = 1\n\n    def __init__(self, value):\n        pass\n",
      },
    },
  ],
  invalid: [
    {
      name: "a keyword the function no longer accepts",
      files: { ...init, "pkg/client.py": "def fetch(url):\n    return url\n", ...caller("fetch('x', timeout=1)") },
      changed,
      base: baseFetch,
      at: ["pkg/client.py:1", "tests/test_sync.py:5"],
      message: /no longer accepts the keyword `timeout`/,
    },
    {
      name: "too few positional arguments for a new required parameter (module alias)",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url, method, timeout=10):\n    return url\n",
        ...caller("c.fetch('x')", "import pkg.client as c"),
      },
      changed,
      base: baseFetch,
      at: ["pkg/client.py:1", "tests/test_sync.py:5"],
      message: /new required parameter `method`/,
    },
    {
      name: "too many positional arguments after a parameter became keyword-only (dotted import)",
      files: {
        ...init,
        "pkg/client.py": "def fetch(url, *, timeout=10):\n    return url\n",
        ...caller("pkg.client.fetch('x', 5)", "import pkg.client"),
      },
      changed,
      base: baseFetch,
      at: ["pkg/client.py:1", "tests/test_sync.py:5"],
      message: /takes 1 positional argument but the call passes 2/,
    },
    {
      name: "a class constructor through __init__",
      files: {
        ...init,
        "pkg/client.py": "class Client:\n    def __init__(self, url, *, timeout=1):\n        self.url = url\n",
        ...caller("Client('x', 3)", "from pkg.client import Client"),
      },
      changed,
      base: { "pkg/client.py": "class Client:\n    def __init__(self, url, timeout=1):\n        self.url = url\n" },
      at: ["pkg/client.py:2", "tests/test_sync.py:5"],
    },
    {
      name: "Class.method called on the class and super().method in a subclass",
      files: {
        ...init,
        "pkg/client.py":
          "class Client:\n    @classmethod\n    def make(cls, url):\n        return cls()\n\n    def close(self):\n        pass\n",
        "pkg/sub.py":
          "from pkg.client import Client\n\n\nclass Sub(Client):\n    def close(self):\n        super().close(True)\n\n\nc = Client.make('x', pool=2)\n",
      },
      changed,
      base: {
        "pkg/client.py":
          "class Client:\n    @classmethod\n    def make(cls, url, pool=1):\n        return cls()\n\n    def close(self, force=False):\n        pass\n",
      },
      at: ["pkg/client.py:2", "pkg/client.py:6", "pkg/sub.py:6", "pkg/sub.py:9"],
    },
    {
      name: "a constructor of an exception class with a plain repository base",
      files: {
        ...init,
        "pkg/errors.py": "class Base(Exception):\n    pass\n",
        "pkg/client.py":
          "from pkg.errors import Base\n\n\nclass Failed(Base):\n    def __init__(self, url, code):\n        self.url = url\n",
        ...caller("raise Failed('x')", "from pkg.client import Failed"),
      },
      changed,
      base: {
        "pkg/client.py":
          "from pkg.errors import Base\n\n\nclass Failed(Base):\n    def __init__(self, url, code=0):\n        self.url = url\n",
      },
      at: ["pkg/client.py:5", "tests/test_sync.py:5"],
      message: /required parameter `code`/,
    },
    {
      name: "a call through a re-export in the package __init__",
      files: {
        "pkg/__init__.py": "from .client import fetch\n",
        "pkg/client.py": "def fetch(url):\n    return url\n",
        ...caller("fetch('x', timeout=2)", "from pkg import fetch"),
      },
      changed,
      base: baseFetch,
      at: ["pkg/client.py:1", "tests/test_sync.py:5"],
    },
  ],
});

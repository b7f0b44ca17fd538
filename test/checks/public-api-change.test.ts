import check from "../../checks/api/public-api-change.js";
import { runProjectTable } from "../helpers/project-table.js";

const init = { "pkg/__init__.py": "" };
const baseClient = {
  "pkg/client.py":
    "def fetch(url, timeout=10):\n    return url\n\n\nclass Client:\n    def close(self, force=False):\n        pass\n",
};
const changed = ["pkg/client.py"];
const stub = (params: string): string => `def fetch(${params}) -> str: ...\n`;
const withStub = (params: string): Record<string, string> => ({
  ...init,
  "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n",
  "pkg/client.pyi": stub(params),
});
const pyproject = (version: string): string => `[project]\nname = "pkg"\nversion = "${version}"\n`;

runProjectTable(check, {
  valid: [
    {
      name: "compatible: a new optional parameter",
      files: { ...init, "pkg/client.py": baseClient["pkg/client.py"].replace("timeout=10", "timeout=10, retries=0") },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: a renamed parameter with a deprecated alias def that warns and forwards",
      files: {
        ...init,
        "pkg/client.py":
          "import warnings\n\n\ndef fetch(url, timeout=10):\n    warnings.warn('use fetch_all', DeprecationWarning)\n    return fetch_all(url, limit=timeout)\n\n\ndef fetch_all(url, limit=10):\n    return url\n\n\nclass Client:\n    def close(self, force=False):\n        pass\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: a removed name kept as an alias",
      files: {
        ...init,
        "pkg/client.py":
          "def get(url, timeout=10):\n    return url\n\n\nfetch = get\n\n\nclass Client:\n    def close(self, force=False):\n        pass\n",
      },
      changed,
      base: baseClient,
    },
    {
      name: "near miss: a removed private helper",
      files: { ...init, "pkg/client.py": baseClient["pkg/client.py"] },
      changed,
      base: { "pkg/client.py": `def _helper(x):\n    return x\n\n\n${baseClient["pkg/client.py"]}` },
    },
    {
      name: "a major version bump in the same PR",
      files: { "pyproject.toml": pyproject("2.0.0"), ...init, "pkg/client.py": "def fetch(url):\n    return url\n" },
      changed: [...changed, "pyproject.toml"],
      base: { ...baseClient, "pyproject.toml": pyproject("1.4.2") },
    },
    {
      name: "0.x: a new minor is a breaking release",
      files: { "pyproject.toml": pyproject("0.5.0"), ...init, "pkg/client.py": "def fetch(url):\n    return url\n" },
      changed: [...changed, "pyproject.toml"],
      base: { ...baseClient, "pyproject.toml": pyproject("0.4.1") },
    },
    {
      name: "test modules are not public",
      files: { ...init, "pkg/tests/__init__.py": "", "pkg/tests/test_client.py": "def helper():\n    pass\n" },
      changed: ["pkg/tests/test_client.py"],
      base: { "pkg/tests/test_client.py": "def helper(x):\n    pass\n\n\ndef gone():\n    pass\n" },
    },
    {
      name: "a name left out of __all__ is not public",
      files: { ...init, "pkg/client.py": '__all__ = ["fetch"]\n\n\ndef fetch(url):\n    return url\n' },
      changed,
      base: {
        "pkg/client.py":
          '__all__ = ["fetch"]\n\n\ndef fetch(url):\n    return url\n\n\ndef internal(x, y):\n    pass\n',
      },
    },
    {
      name: "a script outside any package is not public",
      files: { "scripts/release.py": "def main():\n    pass\n" },
      changed: ["scripts/release.py"],
      base: { "scripts/release.py": "def main(argv):\n    pass\n" },
    },
    {
      name: "near miss: a star import of the module (names may flow elsewhere)",
      files: {
        ...init,
        "pkg/client.py": "def get(url):\n    return url\n",
        "pkg/api.py": "from pkg.client import *\n",
      },
      changed,
      base: { "pkg/client.py": "def fetch(url):\n    return url\n" },
    },
    {
      name: "near miss: a module turned into a namespace package is still importable",
      files: { ...init, "pkg/client/http.py": "def fetch(url):\n    return url\n" },
      changed: ["pkg/client.py", "pkg/client/http.py"],
      base: { ...baseClient, "pkg/client/http.py": null },
    },
    {
      name: "an examples/ package is not shipped",
      files: { "examples/__init__.py": "", "examples/demo.py": "def run():\n    pass\n" },
      changed: ["examples/demo.py"],
      base: { "examples/demo.py": "def run(x):\n    pass\n" },
    },
    {
      name: "src layout: a package outside src/ is not the shipped one",
      files: { "src/pkg/__init__.py": "", "tools/__init__.py": "", "tools/release.py": "def main():\n    pass\n" },
      changed: ["tools/release.py"],
      base: { "tools/release.py": "def main(argv):\n    pass\n" },
    },
    {
      name: "stub beside the module: the stub is the declared API, a source-only change is not judged here",
      files: {
        ...withStub("url: str, timeout: int = ..."),
        "pkg/client.py": "def fetch(url, *, timeout=10):\n    return url\n",
      },
      changed,
      base: { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" },
    },
    {
      name: "a stub added by the pull request, declaring less than the source: read from the source on both sides",
      files: { ...withStub("url: str") },
      changed: ["pkg/client.pyi"],
      base: { "pkg/client.pyi": null },
    },
    {
      name: "near miss: overloads in a stub are not judged one by one",
      files: {
        ...init,
        "pkg/client.pyi":
          "from typing import overload\n\n\n@overload\ndef fetch(url: str) -> str: ...\n@overload\ndef fetch(url: bytes, *, raw: bool) -> bytes: ...\n",
      },
      changed: ["pkg/client.pyi"],
      base: {
        "pkg/client.pyi":
          "from typing import overload\n\n\n@overload\ndef fetch(url: str) -> str: ...\n@overload\ndef fetch(url: bytes, raw: bool) -> bytes: ...\n",
      },
    },
    {
      name: "a `-stubs` package wins: a change in the stub beside the module is not the declared API",
      files: {
        ...withStub("url: str"),
        "pkg-stubs/__init__.pyi": "",
        "pkg-stubs/client.pyi": stub("url: str, timeout: int = ..."),
      },
      changed: ["pkg/client.pyi"],
      base: { "pkg/client.pyi": stub("url: str, timeout: int = ...") },
    },
    {
      name: "a private compiled module's stub is not public",
      files: { ...init, "pkg/_speedups.pyi": "def crc(data: bytes) -> int: ...\n" },
      changed: ["pkg/_speedups.pyi"],
      base: { "pkg/_speedups.pyi": "def crc(data: bytes, seed: int = ...) -> int: ...\n" },
    },
  ],
  invalid: [
    {
      name: "stub beside the module: a parameter removed from the stub",
      files: withStub("url: str"),
      changed: ["pkg/client.pyi"],
      base: { "pkg/client.pyi": stub("url: str, timeout: int = ...") },
      at: "pkg/client.pyi:1",
      message: /`pkg.client.fetch`: parameter `timeout` removed/,
    },
    {
      name: "a stub-only package (`pkg-stubs`): a removed function, on its removed line",
      files: { "pkg-stubs/__init__.pyi": "", "pkg-stubs/client.pyi": "def close() -> None: ...\n" },
      changed: ["pkg-stubs/client.pyi"],
      base: { "pkg-stubs/client.pyi": `def close() -> None: ...\n${stub("url: str")}` },
      at: "pkg-stubs/client.pyi:2 LEFT",
      message: /`pkg.client.fetch`: function removed/,
    },
    {
      name: "a `-stubs` package at the root of an src-layout repository is shipped",
      files: {
        "src/pkg/__init__.py": "",
        "src/pkg/client.py": "def fetch(url, timeout=10):\n    return url\n",
        "pkg-stubs/__init__.pyi": "",
        "pkg-stubs/client.pyi": stub("url: str, *, timeout: int = ..."),
      },
      changed: ["pkg-stubs/client.pyi"],
      base: { "pkg-stubs/client.pyi": stub("url: str, timeout: int = ...") },
      at: "pkg-stubs/client.pyi:1",
      message: /`timeout` can no longer be passed by position/,
    },
    {
      name: "a compiled module's stub (no source): a new required parameter",
      files: { ...init, "pkg/speedups.pyi": "def crc(data: bytes, seed: int) -> int: ...\n" },
      changed: ["pkg/speedups.pyi"],
      base: { "pkg/speedups.pyi": "def crc(data: bytes) -> int: ...\n" },
      at: "pkg/speedups.pyi:1",
      message: /`pkg.speedups.crc`: new required parameter `seed`/,
    },
    {
      name: "a parameter became keyword-only",
      files: { ...init, "pkg/client.py": baseClient["pkg/client.py"].replace("url, timeout", "url, *, timeout") },
      changed,
      base: baseClient,
      at: "pkg/client.py:1",
      message: /`pkg.client.fetch`: `timeout` can no longer be passed by position/,
    },
    {
      name: "a renamed parameter",
      files: { ...init, "pkg/client.py": baseClient["pkg/client.py"].replace("timeout=10", "limit=10") },
      changed,
      base: baseClient,
      at: "pkg/client.py:1",
      message: /parameter `timeout` renamed to `limit`/,
    },
    {
      name: "a new required parameter on a method",
      files: { ...init, "pkg/client.py": baseClient["pkg/client.py"].replace("force=False", "force") },
      changed,
      base: baseClient,
      at: "pkg/client.py:6",
      message: /`pkg.client.Client.close`: `force` is now required/,
    },
    {
      name: "a removed public function (on its removed line, the diff's LEFT side)",
      files: { ...init, "pkg/client.py": "class Client:\n    def close(self, force=False):\n        pass\n" },
      changed,
      base: baseClient,
      at: "pkg/client.py:1 LEFT",
      message: /function removed/,
    },
    {
      name: "a removed public method",
      files: { ...init, "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n\n\nclass Client:\n    pass\n" },
      changed,
      base: baseClient,
      at: "pkg/client.py:6 LEFT",
      message: /`pkg.client.Client.close`: method removed/,
    },
    {
      name: "a removed public module",
      files: { ...init },
      changed,
      base: baseClient,
      at: "pkg/client.py:1 LEFT",
      message: /`pkg.client`: module removed/,
    },
    {
      name: "a minor version bump is not enough for 1.x",
      files: {
        "pyproject.toml": pyproject("1.5.0"),
        ...init,
        "pkg/client.py": baseClient["pkg/client.py"].replace(", timeout=10", ""),
      },
      changed: [...changed, "pyproject.toml"],
      base: { ...baseClient, "pyproject.toml": pyproject("1.4.2") },
      at: "pkg/client.py:1",
      message: /parameter `timeout` removed/,
    },
  ],
});

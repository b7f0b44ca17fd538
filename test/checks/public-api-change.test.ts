import check from "../../checks/api/public-api-change.js";
import { runProjectTable } from "../helpers/project-table.js";

const init = { "pkg/__init__.py": "" };
const baseClient = {
  "pkg/client.py":
    "def fetch(url, timeout=10):\n    return url\n\n\nclass Client:\n    def close(self, force=False):\n        pass\n",
};
const changed = ["pkg/client.py"];
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
  ],
  invalid: [
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

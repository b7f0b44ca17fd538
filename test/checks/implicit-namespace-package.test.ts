import check from "../../checks/packaging/implicit-namespace-package.js";
import { runCheckTable } from "../helpers/check-table.js";

const code = "def f():\n    return 1\n";
const tree = (...paths: string[]) => ({ paths });

runCheckTable(check, {
  ruffCannotJudge: "INP001 looks for __init__.py on disk; ruff-wasm checks a snippet with no file system",
  valid: [
    { code: "def g():\n    return 2\n", path: "acme/core.py", project: tree("acme/__init__.py", "acme/core.py") },
    { code: "import acme\n", path: "manage.py", project: tree("manage.py") },
    { code: "x = 1\n", path: "src/app.py", project: tree("src/app.py") },
    { code: "y = 2\n", path: "scripts/release.py", project: tree("scripts/release.py") },
    { code: "z = 3\n", path: "docs/conf.py", project: tree("docs/conf.py") },
    { code: "def test_a():\n    assert 1\n", path: "tests/unit/test_a.py", project: tree("tests/unit/test_a.py") },
    {
      code: "#!/usr/bin/env python\nprint(1)\n",
      path: "acme/tools/run.py",
      project: tree("acme/__init__.py", "acme/tools/run.py"),
    },
    {
      code: "w = 4\n",
      path: "acme/ns/plugin.py",
      project: { paths: ["acme/ns/plugin.py"], namespacePackages: ["acme/ns"] },
    },
    { code: "v = 5\n", path: "acme/core.py" },
    {
      code: "# /// script\n# dependencies = []\n# ///\nprint(1)\n",
      path: "acme/tasks/job.py",
      project: tree("acme/__init__.py", "acme/tasks/job.py"),
    },
    { code: "u = 6\n", path: ".github/scripts/check.py", project: tree(".github/scripts/check.py") },
    { code: "t = 7\n", path: "tests/data/sample.py", project: tree("tests/__init__.py", "tests/data/sample.py") },
    {
      code: "s = 8\n",
      path: "acme/namespace_pkgs/a/mod.py",
      project: tree("acme/__init__.py", "acme/namespace_pkgs/a/mod.py"),
    },
    {
      code: "def test_unit():\n    assert 1\n",
      path: "tests/unit/test_a.py",
      project: tree("tests/unit/test_a.py", "tests/fixtures/pkg/__init__.py", "tests/fixtures/pkg/mod.py"),
    },
    {
      code: "def test_c():\n    assert 1\n",
      path: "checks/test_c.py",
      project: tree("checks/test_c.py", "checks/conftest.py", "checks/data/__init__.py"),
    },
    {
      code: "def test_d():\n    assert 1\n",
      path: "acme/tests/test_d.py",
      project: tree("acme/__init__.py", "acme/core.py", "acme/tests/test_d.py", "acme/tests/fixtures/__init__.py"),
    },
    { code: "r = 9\n", path: "acme/scripts/release.py", project: tree("acme/__init__.py", "acme/scripts/release.py") },
    {
      code: "q = 10\n",
      path: "acme/parsing/test-examples/rule1.py",
      project: tree("acme/__init__.py", "acme/parsing/__init__.py", "acme/parsing/test-examples/rule1.py"),
    },
    { code: "from setuptools import setup\n", path: "sdk/pkg/setup.py", project: tree("sdk/pkg/setup.py") },
    {
      code: "def sms():\n    return 2\n",
      path: "acme/handlers/sms.py",
      project: tree("acme/__init__.py", "acme/handlers/email.py", "acme/handlers/sms.py"),
    },
  ],
  invalid: [
    {
      code,
      path: "acme/handlers/email.py",
      project: tree("acme/__init__.py", "acme/handlers/email.py"),
      at: "1:1-1:1",
      message: /add `acme\/handlers\/__init__\.py`/,
    },
    { code: "a = 1\n", path: "acme/core.py", project: tree("acme/core.py"), at: "1:1-1:1" },
    { code: "b = 2\n", path: "src/acme/core.py", project: tree("src/acme/core.py"), at: "1:1-1:1" },
    {
      code: "def test_b():\n    assert 1\n",
      path: "tests/api/test_b.py",
      project: tree("tests/__init__.py", "tests/api/test_b.py"),
      at: "1:1-1:1",
    },
    { code: "", path: "acme/empty.py", project: tree("acme/empty.py"), at: "1:1-1:1" },
    {
      code: "c = 3\n",
      path: "acme/ns/plugin.py",
      project: { paths: ["acme/ns/plugin.py"], namespacePackages: ["other"] },
      at: "1:1-1:1",
    },
    {
      code: "def email():\n    return 1\n",
      path: "acme/handlers/email.py",
      project: tree("acme/__init__.py", "acme/handlers/email.py", "acme/handlers/sms.py", "acme/handlers/push.py"),
      at: "1:1-1:1",
      message: /its modules \(`email\.py` and 2 others\) form an implicit namespace package/,
    },
    {
      code: "def push():\n    return 3\n",
      path: "acme/handlers/push.py",
      project: {
        paths: ["acme/__init__.py", "acme/handlers/email.py", "acme/handlers/push.py"],
        changedPaths: ["acme/handlers/push.py"],
      },
      at: "1:1-1:1",
    },
  ],
});

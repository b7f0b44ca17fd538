import check from "../../checks/testing/async-test-without-plugin.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const test = "import pytest\n\nasync def test_fetch():\n    assert await fetch('/') == 200\n";
const pyproject = (body: string) => ({
  files: { "pyproject.toml": `[project]\nname = "app"\n\n[tool.pytest.ini_options]\n${body}` },
  paths: ["pyproject.toml", "src/app/__init__.py", path],
});

runCheckTable(check, {
  valid: [
    {
      code: "import unittest\n\nclass TestClient(unittest.IsolatedAsyncioTestCase):\n    async def test_fetch(self):\n        self.assertEqual(await fetch('/'), 200)\n",
      path,
    },
    { code: test.replace("200", "206"), path, project: pyproject('asyncio_mode = "auto"\n') },
    {
      code: test.replace("async def", "@pytest.mark.asyncio\nasync def"),
      path,
      project: pyproject('testpaths = ["tests"]\n'),
    },
    { code: `pytestmark = pytest.mark.anyio\n${test}`, path, project: pyproject('testpaths = ["tests"]\n') },
    { code: test.replace("test_fetch()", "test_fetch(anyio_backend)"), path, project: pyproject("") },
    // Nothing known about the project: stay silent.
    { code: test.replace("200", "207"), path },
    {
      code: test.replace("200", "201"),
      path,
      project: { files: { "pytest.ini": "[pytest]\nasyncio_mode = auto\n" }, paths: ["pytest.ini", path] },
    },
    {
      code: test.replace("200", "202"),
      path,
      project: {
        files: { "setup.cfg": "[tool:pytest]\naddopts = -p trio --strict-markers\n" },
        paths: ["setup.cfg", path],
      },
    },
    {
      code: test.replace("200", "203"),
      path,
      project: {
        files: { "tests/conftest.py": "pytest_plugins = ['pytest_asyncio']\n" },
        paths: ["tests/conftest.py", path],
      },
    },
    {
      code: test.replace("200", "204"),
      path,
      project: {
        files: { "requirements-dev.txt": "pytest\npytest-tornasync\n" },
        paths: ["requirements-dev.txt", path],
      },
    },
    // pytest may read a config below the root that the checks cannot see.
    { code: test.replace("200", "205"), path, project: { files: {}, paths: ["tests/pytest.ini", path] } },
    {
      code: "import unittest\n\nclass TestClient(unittest.TestCase):\n    @async_test\n    async def test_fetch(self):\n        self.assertEqual(await fetch('/'), 200)\n",
      path,
    },
    {
      code: "import unittest\n\nclass TestClient(unittest.TestCase):\n    async def test_fetch(self):\n        pass\n",
    },
  ],
  invalid: [
    {
      code: "import unittest\n\nclass TestClient(unittest.TestCase):\n    async def test_fetch(self):\n        self.assertEqual(await fetch('/'), 200)\n",
      path,
      at: "4:15-4:25",
      message: "plain `unittest.TestCase`: it is never awaited",
    },
    {
      code: test,
      path,
      project: pyproject('testpaths = ["tests"]\n'),
      at: "3:11-3:21",
      message: "`test_fetch` is `async def` but no plugin runs it",
    },
    {
      code: test.replace("200", "301"),
      path,
      project: { files: { "pytest.ini": "[pytest]\nasyncio_mode = strict\n" }, paths: ["pytest.ini", path] },
      at: "3:11-3:21",
    },
    {
      code: "import pytest\n\nclass TestApi:\n    @pytest.mark.asyncio\n    async def test_a(self):\n        pass\n\n    async def test_b(self):\n        pass\n",
      path,
      project: pyproject("minversion = '7.0'\n"),
      at: "8:15-8:21",
    },
    {
      code: test.replace("200", "302"),
      path,
      project: {
        files: {
          "pyproject.toml":
            '[project]\nname = "app"\n\n[project.optional-dependencies]\ntest = ["pytest", "pytest-asyncio"]\n',
          "tests/conftest.py": "import pytest\n\n@pytest.fixture\ndef client():\n    return Client()\n",
        },
        paths: ["pyproject.toml", "tests/conftest.py", path],
      },
      at: "3:11-3:21",
    },
    {
      code: "import unittest\n\nclass Base(unittest.TestCase):\n    def setUp(self):\n        self.client = Client()\n\nclass TestClient(Base):\n    async def test_fetch(self):\n        self.assertEqual(await self.client.fetch('/'), 200)\n",
      path,
      at: "8:15-8:25",
    },
  ],
});

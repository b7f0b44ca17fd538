import check from "../../checks/testing/assert-always-false.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const head = "def test_a():\n";

runCheckTable(check, {
  valid: [
    { code: `${head}    assert True\n    assert 1\n    assert "a"\n    assert [0]\n`, path },
    { code: `${head}    assert not True\n    assert -0\n`, path },
    { code: `${head}    assert x\n    assert f"{x}"\n    assert str()\n    assert dict(a=1)\n`, path },
    { code: "list = lambda: [1]\ndef test_a():\n    assert list()\n", path },
    { code: `${head}    pytest.fail("unreachable")\n`, path },
    { code: `${head}    assert False\n`, ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only" },
  ],
  invalid: [
    {
      code: `${head}    if x:\n        assert False, "x was set"\n`,
      path,
      at: "3:9-3:34",
      message: "use `pytest.fail()`",
    },
    {
      code: `${head}    assert 0\n    assert 0.0\n    assert 0j\n    assert 0x0\n`,
      path,
      at: ["2:5-2:13", "3:5-3:15", "4:5-4:14", "5:5-5:15"],
    },
    {
      code: `${head}    assert ""\n    assert b""\n    assert f""\n    assert "" ""\n`,
      path,
      at: ["2:5-2:14", "3:5-3:15", "4:5-4:15", "5:5-5:17"],
    },
    {
      code: `${head}    assert []\n    assert ()\n    assert {}\n    assert (None)\n`,
      path,
      at: ["2:5-2:14", "3:5-3:14", "4:5-4:14", "5:5-5:18"],
    },
    {
      code: `${head}    assert list()\n    assert set("")\n    assert tuple(())\n`,
      path,
      at: ["2:5-2:18", "3:5-3:19", "4:5-4:21"],
    },
    {
      code: "import unittest\nclass TestA(unittest.TestCase):\n    def test_a(self):\n        assert False, 'no'\n",
      path,
      at: "4:9-4:27",
      message: "use `self.fail()`",
    },
    {
      code: `${head}    assert None, "unreachable"\n`,
      path: "tests/test_y.py",
      project: { paths: ["tests/test_y.py", "setup.py"], files: { "setup.py": "setup()\n" } },
      at: "2:5-2:31",
      message: "use `raise AssertionError(...)`",
    },
  ],
});

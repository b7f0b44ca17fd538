import check from "../../checks/testing/assert-always-false.js";
import { runCheckTable } from "../helpers/check-table.js";

const head = "def f():\n";

runCheckTable(check, {
  valid: [
    `${head}    assert True\n    assert 1\n    assert "a"\n    assert [0]\n`,
    `${head}    assert not True\n    assert -0\n`,
    `${head}    assert x\n    assert f"{x}"\n    assert str()\n    assert dict(a=1)\n`,
    "list = lambda: [1]\ndef f():\n    assert list()\n",
    `${head}    raise AssertionError("unreachable")\n`,
    // Tests never run under -O, and `assert False` after the call that must raise is the idiom.
    {
      code: "def test_a():\n    try:\n        parse_expr(text)\n        assert False\n    except TokenError:\n        pass\n",
      path: "tests/test_x.py",
      ruffDiffers: "a test file: peptalk looks at library code only",
    },
    {
      code: "def test_b():\n    if x:\n        assert False, 'x was set'\n",
      path: "sympy/parsing/tests/test_sympy_parser.py",
      ruffDiffers: "a test file: peptalk looks at library code only",
    },
    {
      code: "def no_more_statements(self):\n    if self.count != self._statement_count:\n        assert False, 'desired statement count does not match'\n",
      path: "sqlalchemy/testing/assertsql.py",
      ruffDiffers: "test-support code runs only under tests",
    },
  ],
  invalid: [
    {
      code: `${head}    if x:\n        assert False, "x was set"\n`,
      at: "3:9-3:34",
      message: "use `raise AssertionError(...)`",
    },
    {
      code: `${head}    assert 0\n    assert 0.0\n    assert 0j\n    assert 0x0\n`,
      at: ["2:5-2:13", "3:5-3:15", "4:5-4:14", "5:5-5:15"],
    },
    {
      code: `${head}    assert ""\n    assert b""\n    assert f""\n    assert "" ""\n`,
      at: ["2:5-2:14", "3:5-3:15", "4:5-4:15", "5:5-5:17"],
    },
    {
      code: `${head}    assert []\n    assert ()\n    assert {}\n    assert (None)\n`,
      at: ["2:5-2:14", "3:5-3:14", "4:5-4:14", "5:5-5:18"],
    },
    {
      code: `${head}    assert list()\n    assert set("")\n    assert tuple(())\n`,
      at: ["2:5-2:18", "3:5-3:19", "4:5-4:21"],
    },
    {
      code: "import unittest\nclass CheckMixin(unittest.TestCase):\n    def check(self):\n        assert False, 'no'\n",
      path: "pkg/checks.py",
      at: "4:9-4:27",
      message: "use `self.fail()`",
    },
  ],
});

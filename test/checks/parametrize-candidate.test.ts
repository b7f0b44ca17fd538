import check from "../../checks/testing/parametrize-candidate.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const three =
  "def test_add_small():\n    result = add(1, 2)\n    assert result == 3\n\ndef test_add_zero():\n    result = add(0, 0)\n    assert result == 0\n\ndef test_add_negative():\n    result = add(-1, -2)\n    assert result == -3\n";

runCheckTable(check, {
  valid: [
    // Two copies are not yet a table.
    { code: "def test_a():\n    r = f(1)\n    assert r == 1\ndef test_b():\n    r = f(2)\n    assert r == 2\n", path },
    // A name differs, not only literals.
    {
      code: "def test_a():\n    r = f(1)\n    assert r == 1\ndef test_b():\n    r = g(2)\n    assert r == 2\ndef test_c():\n    r = f(3)\n    assert r == 3\n",
      path,
    },
    // One-line delegations to a helper: already a table of named cases.
    { code: "def test_a():\n    check('a')\ndef test_b():\n    check('b')\ndef test_c():\n    check('c')\n", path },
    // Different scopes: a module test and two tests of a class.
    {
      code: "def test_a():\n    r = f(1)\n    assert r == 1\nclass TestX:\n    def test_b():\n        r = f(2)\n        assert r == 2\n    def test_c():\n        r = f(3)\n        assert r == 3\n",
      path,
    },
    // Identical copies (nothing varies), and multi-line inputs.
    {
      code: "def test_a():\n    r = f(1)\n    assert r\ndef test_b():\n    r = f(1)\n    assert r\ndef test_c():\n    r = f(1)\n    assert r\n",
      path,
    },
    {
      code: "def test_a():\n    r = f('''x\ny''')\n    assert r\ndef test_b():\n    r = f('''z\ny''')\n    assert r\ndef test_c():\n    r = f('''w\ny''')\n    assert r\n",
      path,
    },
    { code: three.replace("add_small", "add_big") },
  ],
  invalid: [
    {
      code: three,
      path,
      at: "1:5-1:19",
      message:
        "`test_add_small`, `test_add_zero`, `test_add_negative` differ only in literals (`1` / `0` / `-1`; `2` / `0` / `-2`; 1 more): make them one test with `@pytest.mark.parametrize`",
    },
    {
      code: 'import unittest\nclass TestA(unittest.TestCase):\n    def test_a(self):\n        """Doc a."""\n        v = parse("a")\n        self.assertEqual(v, "A")\n    def test_b(self):\n        v = parse("b")  # comment\n        self.assertEqual(v, "B")\n    def test_c(self):\n        v = parse("c")\n        self.assertEqual(v, "C")\n',
      path,
      at: "3:9-3:15",
      message: "make them one test looping over the cases with `self.subTest()`",
    },
    {
      code: "def test_a():\n    r = f(True)\n    assert r is None\ndef test_other():\n    pass\ndef test_b():\n    r = f(False)\n    assert r is None\ndef test_c():\n    r = f(None)\n    assert r is None\ndef test_d():\n    r = f(1.5)\n    assert r is None\ndef test_e():\n    r = f('x')\n    assert r is None\n",
      path,
      at: "1:5-1:11",
      message:
        "`test_a`, `test_b`, `test_c`, `test_d` and 1 more differ only in literals (`True` / `False` / `None` and 2 more)",
    },
    {
      code: "import pytest\n@pytest.mark.slow\ndef test_a(tmp_path):\n    p = tmp_path / 'a'\n    assert p.name == 'a'\n@pytest.mark.slow\ndef test_b(tmp_path):\n    p = tmp_path / 'b'\n    assert p.name == 'b'\n@pytest.mark.slow\ndef test_c(tmp_path):\n    p = tmp_path / 'c'\n    assert p.name == 'c'\n",
      path,
      at: "3:5-3:11",
    },
    {
      code: "class TestX:\n    async def test_a(self):\n        x = await get(1)\n        assert x.ok\n    async def test_b(self):\n        x = await get(2)\n        assert x.ok\n    async def test_c(self):\n        x = await get(3)\n        assert x.ok\n    def test_d(self):\n        x = get(4)\n        assert x.ok\n",
      path,
      at: "2:15-2:21",
      message: "(`1` / `2` / `3`)",
    },
    {
      // The parts that differ, not the same first characters of each value.
      code: "def test_a():\n    r = fix('x = raw_input()')\n    assert r\ndef test_b():\n    r = fix('x = raw_input(\\'\\')')\n    assert r\ndef test_c():\n    r = fix('x = raw_input(\\'prompt\\')')\n    assert r\n",
      path,
      at: "1:5-1:11",
      message: "(`raw_input()` / `raw_input(\\'\\')` / `raw_input(\\'prompt\\')`)",
    },
    {
      code: "def test_a():\n    r = load('fixtures/very/long/directory/name/first_case.json')\n    assert r\ndef test_b():\n    r = load('fixtures/very/long/directory/name/second_case.json')\n    assert r\ndef test_c():\n    r = load('fixtures/very/long/directory/name/third_case.json')\n    assert r\n",
      path,
      at: "1:5-1:11",
      message: "(`first_case` / `second_case` / `third_case`)",
    },
    {
      // A part that would tear a call apart (`reduce(a, b, c`) is shown whole; backticks get a longer fence.
      code: "def test_a():\n    r = fix('reduce(a, b, c)')\n    assert r\ndef test_b():\n    r = fix('reduce(sum, [])')\n    assert r\ndef test_c():\n    r = fix('x = `y`')\n    assert r\n",
      path,
      at: "1:5-1:11",
      message: "(`reduce(a, b, c)` / `reduce(sum, [])` / `` x = `y` ``)",
    },
  ],
});

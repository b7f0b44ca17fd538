import check from "../../checks/testing/composite-assertion.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const head = "def test_a():\n";

runCheckTable(check, {
  valid: [
    { code: `${head}    assert a\n    assert b\n`, path },
    { code: `${head}    assert a or b\n    assert not a or b\n`, path },
    { code: `${head}    assert not (a and b)\n`, path },
    { code: `${head}    assert (a if c else b)\n    assert all(x and y for x, y in pairs)\n`, path },
    { code: `${head}    ok = a and b\n    assert ok\n`, path },
    {
      code: `${head}    assert c and d\n`,
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
    {
      code: `${head}    g = solve(f)\n    assert g is not None and simplify(g - g3) == 0\n`,
      path,
      ruffDiffers: "a guard and the check it guards are one claim",
    },
    {
      code: `${head}    assert isinstance(a, F3.dtype) and a == 1\n`,
      path,
      ruffDiffers: "a guard and the check it guards are one claim",
    },
    {
      code: "class Handler:\n    def get_content(self, path, start=None, end=None):\n        assert start is None and end is None\n",
      path,
      ruffDiffers: "a precondition in a test double, not a test's assertion",
    },
    {
      code: `${head}    assert not (mv.v3 or mv.v4), "hasn't been upgraded yet"\n`,
      path,
      ruffDiffers: "one claim with its own message",
    },
  ],
  invalid: [
    {
      code: `${head}    assert a and b\n`,
      path,
      at: "2:5-2:19",
      message: "use one `assert` each",
      output: `${head}    assert a\n    assert b\n`,
      safety: "unsafe",
    },
    {
      code: `${head}    assert (x == 1 and\n            y == 2)\n    assert a and (b and c)\n`,
      path,
      at: ["2:5-3:20", "4:5-4:27"],
      output: `${head}    assert x == 1\n    assert y == 2\n    assert a\n    assert b\n    assert c\n`,
      safety: "unsafe",
    },
    {
      code: `${head}    assert not (a or b or c)\n    assert (a := f()) and a.ok\n`,
      path,
      at: ["2:5-2:29", "3:5-3:31"],
      output: `${head}    assert not a\n    assert not b\n    assert not c\n    assert (a := f())\n    assert a.ok\n`,
      safety: "unsafe",
    },
    {
      // A message, a comment, another statement on the line, a mixed `not (a or b and c)`: no fix.
      code: `${head}    assert a and b  # why\n    x = 1; assert a and b\n    if x: assert a and b\n    assert not (a or b and c)\n`,
      path,
      at: ["2:5-2:19", "3:12-3:26", "4:11-4:25", "5:5-5:30"],
      output: null,
    },
    {
      code: `${head}    assert (\n        a  # first\n        and b\n    )\n`,
      path,
      at: "2:5-5:6",
      output: null,
    },
    {
      code: "class TestA:\n    def test_a(self):\n        assert not (self.x == 1 or (self.y))\n",
      path,
      at: "3:9-3:45",
      output: "class TestA:\n    def test_a(self):\n        assert not self.x == 1\n        assert not (self.y)\n",
      safety: "unsafe",
    },
  ],
});

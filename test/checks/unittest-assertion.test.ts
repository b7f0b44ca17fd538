import check from "../../checks/testing/unittest-assertion.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
// A file written for pytest that still uses unittest's methods.
const head = "import pytest, unittest\n\nclass TestX(unittest.TestCase):\n    def test_a(self):\n";
const unittestOnly = "import unittest\n\nclass TestX(unittest.TestCase):\n    def test_a(self):\n";

runCheckTable(check, {
  valid: [
    { code: "def test_a():\n    assert a == b\n", path },
    { code: `${head}        self.assertRaises(ValueError, f)\n`, path },
    { code: `${head}        m.assert_called_once_with(1)\n        self.assertLogs()\n`, path },
    { code: "from unittest import TestCase\ndef test_a():\n    assertEqual(a, b)\n", path },
    {
      code: `${head}        self.assertEqual(a, c)\n`,
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
    {
      code: `${unittestOnly}        self.assertEqual(b, c)\n`,
      path,
      ruffDiffers: "a unittest-style module: unittest's methods are the team's choice there",
    },
  ],
  invalid: [
    {
      code: `${head}        self.assertEqual(a, b)\n`,
      path,
      at: "5:9-5:25",
      output: `${head}        assert a == b\n`,
      safety: "unsafe",
    },
    {
      code: `${head}        self.assertTrue(x, "msg")\n        self.assertFalse(a or b)\n`,
      path,
      at: ["5:9-5:24", "6:9-6:25"],
      message: /plain `assert`/,
      output: `${head}        assert x, "msg"\n        assert not (a or b)\n`,
      safety: "unsafe",
    },
    {
      code: `${head}        self.assertIsNone(x)\n        self.assertIn(a, b, msg="m")\n        self.assertNotIsInstance(x, (int, str))\n`,
      path,
      at: ["5:9-5:26", "6:9-6:22", "7:9-7:33"],
      output: `${head}        assert x is None\n        assert a in b, "m"\n        assert not isinstance(x, (int, str))\n`,
      safety: "unsafe",
    },
    {
      code: `${head}        self.assertEqual(a < b, True)\n        self.assertGreater(not a, b)\n`,
      path,
      at: ["5:9-5:25", "6:9-6:27"],
      output: `${head}        assert (a < b) == True\n        assert (not a) > b\n`,
      safety: "unsafe",
    },
    {
      code: `${head}        (self.assertIs(a, b))\n        self.assertEqual(\n            {"a": 1},\n            f(\n              x))\n`,
      path,
      at: ["5:10-5:23", "6:9-6:25"],
      output: `${head}        assert a is b\n        assert {"a": 1} == (f(\n              x))\n`,
      safety: "unsafe",
    },
    {
      code: `import re\n${head}        self.assertRegex(text, r"\\d+")\n        self.assertRegex(f(), "x")\n`,
      path,
      at: ["6:9-6:25", "7:9-7:25"],
      output: `import re\n${head}        assert re.search(r"\\d+", text)\n        self.assertRegex(f(), "x")\n`,
      safety: "unsafe",
    },
    {
      // No `import re`; a value not a statement; a comment; a method without a plain form; dropped arguments.
      code: `${head}        self.assertRegex(text, "x")\n        x = self.assertTrue(y)\n        self.assertEqual(a,  # c\n                         b)\n        self.assertAlmostEqual(a, b)\n        self.assertEqual(a, b, "m", 3)\n`,
      path,
      at: ["5:9-5:25", "6:13-6:28", "7:9-7:25", "9:9-9:31", "10:9-10:25"],
      output: null,
    },
    {
      code: "import pytest\n\nclass TestY:\n    def test_b(self, helper):\n        helper.failUnlessEqual(1, 2)\n",
      path,
      at: "5:9-5:31",
      output: "import pytest\n\nclass TestY:\n    def test_b(self, helper):\n        assert 1 == 2\n",
      safety: "unsafe",
    },
  ],
});

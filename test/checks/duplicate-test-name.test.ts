import check from "../../checks/testing/duplicate-test-name.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";

runCheckTable(check, {
  valid: [
    {
      code: "def test_total():\n    assert total([1]) == 1\n\ndef test_total_empty():\n    assert total([]) == 0\n",
      path,
    },
    // Alternatives under if/else; the same name in two classes; a nested helper.
    {
      code: "import sys\nif sys.platform == 'win32':\n    def test_path():\n        pass\nelse:\n    def test_path():\n        pass\n",
      path,
    },
    {
      code: "class TestA:\n    def test_x(self):\n        pass\nclass TestB:\n    def test_x(self):\n        pass\n",
      path,
    },
    { code: "def test_a():\n    def test_inner():\n        pass\n    def test_inner():\n        pass\n", path },
    // Not a test name; the name is used in between.
    { code: "def helper():\n    pass\ndef helper():\n    pass\n", path },
    { code: "def test_a():\n    pass\ntest_a = skip(test_a)\ndef test_a():\n    pass\n", path },
    { code: "def test_a():\n    pass\ndef test_a():\n    pass\n" },
  ],
  invalid: [
    {
      code: "def test_total():\n    assert total([1, 2]) == 3\n\ndef test_total():\n    assert total([]) == 0\n",
      path,
      at: "4:5-4:15",
      message: "`test_total` is defined again here: the definition on line 1 is replaced and never runs",
    },
    {
      code: "import unittest\nclass TestA(unittest.TestCase):\n    def test_x(self):\n        pass\n\n    def test_y(self):\n        pass\n\n    def test_x(self):\n        pass\n",
      path,
      at: "9:9-9:15",
      message: "line 3",
    },
    {
      code: "import pytest\n@pytest.mark.slow\ndef test_a():\n    pass\nasync def test_a():\n    pass\ndef test_a():\n    pass\n",
      path,
      at: ["5:11-5:17", "7:5-7:11"],
    },
    {
      code: "import sys\nif sys.platform == 'win32':\n    def test_path():\n        pass\n    def test_path():\n        pass\n",
      path,
      at: "5:9-5:18",
    },
    {
      code: "class TestOuter:\n    class TestInner:\n        def testA(self):\n            pass\n        def testA(self):\n            pass\n",
      path,
      at: "5:13-5:18",
    },
  ],
});

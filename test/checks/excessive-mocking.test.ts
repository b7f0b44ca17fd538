import check from "../../checks/testing/excessive-mocking.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const four = "@patch('a.b')\n@patch('a.c')\n@patch.object(A, 'd')\n@patch.dict('os.environ', {})\n";

runCheckTable(check, {
  valid: [
    {
      code: "from unittest.mock import patch\n@patch('a.b')\n@patch('a.c')\n@patch('a.d')\ndef test_a(b, c, d):\n    run()\n",
      path,
    },
    // The same target patched twice counts once; patches of a nested helper are not the test's.
    {
      code: "from unittest import mock\ndef test_a():\n    with mock.patch('a.b'):\n        run()\n    with mock.patch('a.b'):\n        run()\n    with mock.patch('a.c'), mock.patch('a.d'):\n        run()\n",
      path,
    },
    {
      code: "from unittest.mock import patch\ndef test_a():\n    @patch('a.b')\n    @patch('a.c')\n    @patch('a.d')\n    @patch('a.e')\n    def inner(*mocks):\n        pass\n    inner()\n",
      path,
    },
    {
      code: "def test_a(mocker, other):\n    mocker.patch('a')\n    mocker.patch('b')\n    other.patch('c')\n    other.patch('d')\n",
      path,
    },
    { code: `from unittest.mock import patch\n${four}def helper(*mocks):\n    run()\n`, path },
    // Tests of patching itself.
    { code: `from unittest.mock import patch\n${four}def test_patch_stacking(*mocks):\n    run()\n`, path },
    { code: `from unittest.mock import patch\n${four}def test_b(*mocks):\n    run()\n` },
  ],
  invalid: [
    {
      code: `from unittest.mock import patch\n${four}def test_a(*mocks):\n    run()\n`,
      path,
      at: "6:5-6:11",
      message: "`test_a` patches 4 names: pass the collaborators in",
    },
    {
      code: "import mock\ndef test_a():\n    with mock.patch('a.b'), mock.patch('a.c'):\n        with mock.patch.object(x, 'y'), mock.patch.multiple('a', d=1):\n            run()\n",
      path,
      at: "2:5-2:11",
    },
    {
      code: "def test_a(mocker):\n    mocker.patch('a')\n    mocker.patch.object(b, 'c')\n    mocker.patch.dict('os.environ')\n    mocker.patch('d')\n    mocker.patch('e')\n",
      path,
      at: "1:5-1:11",
      message: "patches 5 names",
    },
    {
      code: "from unittest import mock\n@mock.patch('a.b')\n@mock.patch('a.c')\nclass TestA:\n    @mock.patch('a.d')\n    def test_a(self, d, c, b):\n        with mock.patch('a.e'):\n            run()\n",
      path,
      at: "6:9-6:15",
    },
    {
      code: "from unittest.mock import patch\nimport contextlib\nclass TestB:\n    async def test_b(self):\n        with contextlib.ExitStack() as stack:\n            for name in ('a.b', 'a.c', 'a.d', 'a.e'):\n                pass\n            stack.enter_context(patch('a.b'))\n            stack.enter_context(patch('a.c'))\n            p = patch('a.d')\n            p.start()\n            stack.enter_context(patch.object(A, 'e'))\n",
      path,
      at: "4:15-4:21",
    },
  ],
});

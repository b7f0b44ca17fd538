import check from "../../checks/testing/raises-too-broad.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";

runCheckTable(check, {
  valid: [
    { code: "import pytest\ndef test_a():\n    with pytest.raises(ValueError, match='bad'):\n        f()\n", path },
    { code: "import pytest\ndef test_a():\n    with pytest.raises(KeyError):\n        f()\n", path },
    { code: "import pytest\ndef test_a():\n    with pytest.raises((ValueError, TypeError)):\n        f()\n", path },
    {
      code: "import pytest\ndef test_a():\n    pytest.raises(ValueError, f, 1)\n    pytest.raises(ValueError, func=f)\n",
      path,
    },
    {
      code: "import pytest\nclass ValueError(Exception):\n    pass\ndef test_a():\n    with pytest.raises(ValueError):\n        f()\n",
      path,
    },
    { code: "import pytest\ndef test_a():\n    with pytest.raises(IOError, match=b''):\n        f()\n", path },
    { code: "def test_a(raises):\n    with raises(ValueError):\n        f()\n", path },
    {
      code: "import pytest\ndef test_a():\n    with pytest.raises(ValueError):\n        g()\n",
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
  ],
  invalid: [
    {
      code: "import pytest\ndef test_a():\n    with pytest.raises(ValueError):\n        f()\n",
      path,
      at: "3:24-3:34",
      message: "`pytest.raises(ValueError)` is too broad",
    },
    {
      code: "import pytest\ndef test_a():\n    with pytest.raises(Exception, match=''):\n        f()\n    with pytest.raises(expected_exception=OSError, match=None):\n        f()\n",
      path,
      at: ["3:24-3:33", "5:43-5:50"],
    },
    {
      code: "import socket\nfrom pytest import raises\ndef test_a():\n    with raises((socket.error)) as e:\n        f()\n",
      path,
      at: "4:18-4:30",
      message: "`pytest.raises(socket.error)`",
    },
    {
      code: "import pytest\ndef test_a():\n    with pytest.raises(EnvironmentError, match=f''):\n        f()\n",
      path,
      at: "3:24-3:40",
    },
    {
      code: "import pytest as pt\nclass TestA:\n    def test_a(self):\n        excinfo = pt.raises(BaseException)\n",
      path,
      at: "4:29-4:42",
    },
  ],
});

import check from "../../checks/testing/raises-too-broad.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const broad = (n: number, suffix = "") =>
  Array.from({ length: n }, (_, i) => `    with pytest.raises(ValueError${suffix}):\n        f(${i})\n`).join("");

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
    {
      code: "import errno, os, pytest\ndef test_a(fd):\n    with pytest.raises(OSError) as excinfo:\n        os.close(fd)\n    assert excinfo.value.errno == errno.EBADF\n",
      path,
      ruffDiffers: "the test reads the exception after the block: it checks which failure it got",
    },
    {
      code: `import pytest\ndef test_a():\n${broad(6)}`,
      path,
      houseStyle: "inferred",
      ruffDiffers: "taste rule: this file never says match= (networkx, trio), so it is not the house style",
    },
  ],
  invalid: [
    {
      code: `import pytest\ndef test_a():\n${broad(9, ", match='bad'")}${broad(1)}`,
      path,
      houseStyle: "inferred",
      at: "21:24-21:34",
    },
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

import check from "../../checks/security/insecure-mktemp.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "# a test\nimport tempfile\n\npath = tempfile.mktemp()\n",
      path: "tests/test_x.py",
      ruffDiffers: "test files are not checked",
    },
    "import tempfile\ntempfile.mkstemp()\n",
    {
      code: "def byte_compile():\n    try:\n        from tempfile import mkstemp\n        (fd, name) = mkstemp('.py')\n    except ImportError:\n        from tempfile import mktemp\n        (fd, name) = None, mktemp('.py')\n    return fd, name\n",
      ruffDiffers: "a fallback for a Python without mkstemp: never runs",
    },
    "import tempfile\ntempfile.NamedTemporaryFile()\n",
    "def mktemp():\n    return 1\nmktemp()\n",
    "import tempfile\ntempfile.mkdtemp()\n",
    "s = 'tempfile.mktemp()'\n",
    {
      code: "import tempfile\naddress = tempfile.mktemp(prefix=r'\\\\.\\pipe\\python-pipe-', dir='')\n",
      ruffDiffers: "a Windows pipe name, not a file",
    },
    {
      code: "import tempfile\naddress = tempfile.mktemp(prefix=r'\\\\.\\pipe\\python-pipe-{:d}-'.format(os.getpid()))\n",
      ruffDiffers: "a Windows pipe name built from a literal",
    },
  ],
  invalid: [
    {
      code: "import tempfile\ntry:\n    import secrets\nexcept ImportError:\n    path = tempfile.mktemp()\n",
      at: "5:12-5:29",
    },
    { code: "import tempfile\ntempfile.mktemp()\n", at: "2:1-2:18" },
    { code: "from tempfile import mktemp\npath = mktemp(suffix='.txt')\n", at: "2:8-2:29" },
    { code: "import tempfile as tf\np = tf.mktemp()\n", at: "2:5-2:16" },
    { code: "import tempfile\ndef f():\n    return open(tempfile.mktemp(), 'w')\n", at: "3:17-3:34" },
    { code: "import tempfile\nx = [tempfile.mktemp() for _ in range(3)]\n", at: "2:6-2:23" },
    {
      code: "import tempfile\ndef serve(reactor, f):\n    path = tempfile.mktemp()\n    reactor.listenUNIX(path, f)\n",
      at: "3:12-3:29",
      message: "inside a private `tempfile.mkdtemp()` directory",
    },
  ],
});

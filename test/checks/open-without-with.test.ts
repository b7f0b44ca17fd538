import check from "../../checks/idioms/open-without-with.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "with open('x') as f:\n    pass\n",
    "def opener(p):\n    return open(p)\n",
    "with open('a') as a, open('b') as b:\n    pass\n",
    "import contextlib\nwith contextlib.closing(open('x')) as f:\n    pass\n",
    "def open(p):\n    return p\nf = open('x')\n",
    "with (open('x')) as f:\n    pass\n",
    "import sys\nwith (sys.stdin if p == '-' else open(p)) as f:\n    pass\n",
    "open('x', 'w').close()\n",
    "def f(p):\n    return p, open(p)\n",
    "def f(p):\n    return Wrapper(open(p, 'rb'), p)\n",
    "with codecs.getreader('utf-8')(open(p, 'rb')) as f:\n    pass\n",
    "class Log:\n    def __enter__(self):\n        self.f = open(self.path, 'a')\n        return self\n",
    "from pathlib import Path\nwith Path(p).open() as f:\n    pass\n",
    {
      code: "class Log:\n    async def __aenter__(self):\n        self.f = open(self.path)\n        return self\n",
      ruffDiffers: "`__aexit__` closes what `__aenter__` opens; Ruff only knows `__enter__`",
    },
    { code: "stack.enter_context(open('x'))\n", ruffDiffers: "an ExitStack owns the file; Ruff flags it anyway" },
    // Closed in a `finally`, entered later, stored, returned or yielded, or handed to an owner.
    { code: "f = open('x')\ntry:\n    pass\nfinally:\n    f.close()\n", ruffDiffers: "closed in a finally" },
    {
      code: "class A:\n    def __init__(self, p):\n        self.f = open(p)\n    def close(self):\n        self.f.close()\n",
      ruffDiffers: "the object owns the handle and closes it",
    },
    { code: "def reader(p):\n    fh = open(p)\n    return fh\n", ruffDiffers: "the caller gets the handle" },
    {
      code: "def lines(p):\n    if p == '-':\n        fh = sys.stdin\n    else:\n        fh = open(p)\n    with fh:\n        return fh.read()\n",
      ruffDiffers: "entered with `with fh:` a few lines later",
    },
    {
      code: "import contextlib, tempfile\ntry:\n    fp = tempfile.NamedTemporaryFile()\nexcept ImportError:\n    fp = open('/tmp/x', 'w+b')\nwith contextlib.closing(fp) as fp:\n    pass\n",
      ruffDiffers: "closed by the `with contextlib.closing(fp)` below",
    },
    { code: "import sys\nsys.stdin = open(fd, closefd=False)\n", ruffDiffers: "stored on an attribute" },
    {
      code: "def log(msg):\n    global logfp\n    if not logfp:\n        logfp = open(logfile, 'a')\n    logfp.write(msg)\n",
      ruffDiffers: "a module-level handle, kept for the program's life",
    },
    {
      code: "class DbShelf(Shelf):\n    def __init__(self, name):\n        Shelf.__init__(self, dbm.open(name, 'c'))\n",
      ruffDiffers: "the object being built keeps it",
    },
    {
      code: "import tempfile\ndef touch():\n    f = tempfile.NamedTemporaryFile(delete=False)\n    f.close()\n    return f.name\n",
      ruffDiffers: "closed by the very next statement",
    },
    {
      code: "def test_copy(self):\n    out = open(path, 'w+b')\n    self.addCleanup(out.close)\n    out.write(b'x')\n",
      ruffDiffers: "the close is registered as a cleanup",
    },
    {
      code: "def put(path, msg):\n    f = open(path, 'rb+')\n    try:\n        dump(msg, f)\n    finally:\n        _sync_close(f)\n",
      ruffDiffers: "a helper closes it in the finally",
    },
    {
      code: "class Reader:\n    def __init__(self, p):\n        f = open(p, 'rb')\n        try:\n            self.initfp(f)\n        except:\n            f.close()\n            raise\n",
      ruffDiffers: "the object takes the handle over",
    },
    { code: "handles = {}\nhandles['log'] = open('log.txt', 'a')\n", ruffDiffers: "stored in a container" },
    { code: "streams = [open(p) for p in paths]\n", ruffDiffers: "a list of handles, kept for later" },
    {
      code: "def each(paths):\n    for p in paths:\n        yield open(p)\n",
      ruffDiffers: "the consumer gets the handle",
    },
    {
      code: "import io\nreader = io.TextIOWrapper(open(p, 'rb'), encoding='utf-8')\n",
      ruffDiffers: "the wrapper owns and closes the file",
    },
    {
      code: "def f(loop, fd):\n    pipe = open(fd, 'rb')\n    return Transport(loop, pipe)\n",
      ruffDiffers: "handed to an object that keeps it",
    },
    {
      code: "import pytest, tarfile\ndef test_bad(p):\n    with pytest.raises(tarfile.ReadError):\n        tarfile.open(p)\n",
      path: "pkg/helpers.py",
      ruffDiffers: "the call is expected to raise",
    },
  ],
  invalid: [
    // `close()` outside a `finally` is skipped when `lockf` raises.
    { code: "def lock(p):\n    f = open(p, 'wb+')\n    fcntl.lockf(f, 1)\n    f.close()\n", at: "2:9-2:13" },
    // The first handle is replaced before the `finally` that closes the second.
    {
      code: "f = open('a')\nf = open('b')\ntry:\n    pass\nfinally:\n    f.close()\n",
      at: "1:5-1:9",
      ruffDiffers: "Ruff reports both; the second is closed in the finally",
    },
    { code: "import json\ndata = json.load(open(p))\n", at: "2:18-2:22" },
    {
      code: "def test_names(self):\n    f = open(path, 'rb')\n    self.assertIsInstance(f, Reader)\n    f.close()\n",
      at: "2:9-2:13",
    },
    { code: "f = open('x')\n", at: "1:5-1:9" },
    { code: "data = open('x').read()\n", at: "1:8-1:12" },
    { code: "import io\nf = io.open('x')\n", at: "2:5-2:12" },
    { code: "import tempfile\ntmp = tempfile.NamedTemporaryFile()\n", at: "2:7-2:34" },
    { code: "import dbm.dumb\nd = dbm.dumb.open('x')\n", at: "2:5-2:18" },
    { code: "from gzip import open as gzopen\nf = gzopen('x.gz')\n", at: "2:5-2:11" },
    { code: "from pathlib import Path\ntext = Path(p).open().read()\n", at: "2:8-2:20" },
    { code: "import zipfile\nmember = zipfile.ZipFile(p).open('a.txt')\n", at: "2:10-2:33" },
  ],
});

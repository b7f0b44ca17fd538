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
  ],
  invalid: [
    { code: "f = open('x')\n", at: "1:5-1:9" },
    { code: "data = open('x').read()\n", at: "1:8-1:12" },
    { code: "import io\nf = io.open('x')\n", at: "2:5-2:12" },
    { code: "import tempfile\ntmp = tempfile.NamedTemporaryFile()\n", at: "2:7-2:34" },
    { code: "f = open('x')\ntry:\n    pass\nfinally:\n    f.close()\n", at: "1:5-1:9" },
    { code: "class A:\n    def __init__(self, p):\n        self.f = open(p)\n", at: "3:18-3:22" },
    { code: "import dbm.dumb\nd = dbm.dumb.open('x')\n", at: "2:5-2:18" },
    { code: "from gzip import open as gzopen\nf = gzopen('x.gz')\n", at: "2:5-2:11" },
    { code: "from pathlib import Path\ntext = Path(p).open().read()\n", at: "2:8-2:20" },
    { code: "import zipfile\nmember = zipfile.ZipFile(p).open('a.txt')\n", at: "2:10-2:33" },
    { code: "def reader(p):\n    fh = open(p)\n    return fh\n", at: "2:10-2:14" },
  ],
});

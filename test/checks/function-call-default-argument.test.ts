import check from "../../checks/idioms/function-call-default-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(a=None):\n    pass\n",
    "def f(a=list()):\n    pass\n",
    "def f(a=frozenset()):\n    pass\n",
    "def f(a=tuple()):\n    pass\n",
    "import re\ndef f(a=re.compile('x')):\n    pass\n",
    "def f(key=lambda item: item.sort_key()):\n    pass\n",
    "def f(a=print):\n    pass\n",
    { code: "def f(a=g()) -> None: ...\n", path: "pkg/module.pyi", ruffDiffers: "stub defaults never run" },
    {
      code: "from fastapi import Depends\ndef route(db=Depends(get_db)):\n    pass\n",
      ruffDiffers: "a FastAPI parameter marker, read by the framework (Ruff users allow it in config)",
    },
    {
      code: "from pathlib import PurePosixPath\ndef f(root=PurePosixPath('/srv')):\n    pass\n",
      ruffDiffers: "a pure path is an immutable value: sharing it is harmless",
    },
  ],
  invalid: [
    { code: "def f(a=g()):\n    pass\n", at: "1:9-1:12" },
    { code: "import time\ndef f(a=time.time()):\n    pass\n", at: "2:9-2:20" },
    { code: "def f(a, *, cache=Cache(size=3)):\n    pass\n", at: "1:19-1:32" },
    { code: "class A:\n    def m(self, now=datetime.now()):\n        pass\n", at: "2:21-2:35" },
    { code: "f = lambda a=g(): a\n", at: "1:14-1:17" },
    { code: "def f(mark=(object(),)):\n    pass\n", at: "1:13-1:21" },
    { code: "def f(a: Conn = connect()):\n    pass\n", at: "1:17-1:26" },
    { code: "def f(a=g(h())):\n    pass\n", at: ["1:9-1:15", "1:11-1:14"] },
    { code: "def f(a=tuple(load()), b=-offset()):\n    pass\n", at: ["1:15-1:21", "1:27-1:35"] },
    { code: "import dataclasses\ndef f(a=dataclasses.field(default=1)):\n    pass\n", at: "2:9-2:37" },
  ],
});

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
    "import re\ndef junk(line, pat=re.compile(r'\\s*$').match):\n    pass\n",
    "from decimal import Decimal\nimport datetime\ndef f(a=Decimal('0.1'), b=datetime.timedelta(days=1)):\n    pass\n",
    { code: "def f(mark=(object(),)):\n    pass\n", ruffDiffers: "a unique sentinel, made once on purpose" },
    {
      code: "from _weakref import ref\ndef make(self):\n    def remove(item, selfref=ref(self)):\n        pass\n",
      ruffDiffers: "a weak reference bound at definition time on purpose",
    },
    {
      code: "from django.utils.translation import gettext_lazy as _\ndef field(label=_('Name')):\n    pass\n",
      ruffDiffers: "a lazy translation proxy translates when read",
    },
    {
      code: "from myapp.i18n import _lazy\ndef field(label=_lazy('Name'), help=lazy_gettext('Help')):\n    pass\n",
      ruffDiffers: "lazy translation proxies, by name",
    },
  ],
  invalid: [
    // A plain `gettext` translates once, at import, in whatever language is active then.
    {
      code: "from django.utils.translation import gettext as _\ndef field(label=_('Name')):\n    pass\n",
      at: "2:17-2:26",
    },
    { code: "import socket\ndef f(origin=socket.gethostname()):\n    pass\n", at: "2:14-2:34" },
    { code: "def f(a=g()):\n    pass\n", at: "1:9-1:12" },
    { code: "import time\ndef f(a=time.time()):\n    pass\n", at: "2:9-2:20" },
    { code: "def f(a, *, cache=Cache(size=3)):\n    pass\n", at: "1:19-1:32" },
    { code: "class A:\n    def m(self, now=datetime.now()):\n        pass\n", at: "2:21-2:35" },
    { code: "f = lambda a=g(): a\n", at: "1:14-1:17" },
    { code: "def f(a: Conn = connect()):\n    pass\n", at: "1:17-1:26" },
    { code: "def f(a=g(h())):\n    pass\n", at: ["1:9-1:15", "1:11-1:14"] },
    { code: "def f(a=tuple(load()), b=-offset()):\n    pass\n", at: ["1:15-1:21", "1:27-1:35"] },
    { code: "import dataclasses\ndef f(a=dataclasses.field(default=1)):\n    pass\n", at: "2:9-2:37" },
  ],
});

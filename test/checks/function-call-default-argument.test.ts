import check from "../../checks/idioms/function-call-default-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(a=None):\n    pass\n",
    "def f(a=list()):\n    pass\n",
    "def f(a=frozenset()):\n    pass\n",
    "def f(a=tuple()):\n    pass\n",
    "import re\ndef f(a=re.compile('x')):\n    pass\n",
  ],
  invalid: [
    { code: "def f(a=g()):\n    pass\n", at: "1:9-1:12" },
    { code: "import time\ndef f(a=time.time()):\n    pass\n", at: "2:9-2:20" },
    { code: "def f(a, *, cache=Cache(size=3)):\n    pass\n", at: "1:19-1:32" },
    { code: "class A:\n    def m(self, now=datetime.now()):\n        pass\n", at: "2:21-2:35" },
    { code: "f = lambda a=g(): a\n", at: "1:14-1:17" },
    { code: "def f(mark=(object(),)):\n    pass\n", at: "1:13-1:21" },
    { code: "def f(a: Conn = connect()):\n    pass\n", at: "1:17-1:26" },
  ],
});

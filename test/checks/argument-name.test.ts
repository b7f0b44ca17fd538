import check from "../../checks/naming/argument-name.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "def getComponent(idx, asn1Spec=None):\n    pass\n\ndef setComponent(idx, value):\n    pass\n\ndef clear():\n    pass\n\ndef isValue():\n    pass\n",
      ruffDiffers: "mixedCase is the module's prevailing style",
    },
    "def f(file_path, _x):\n    pass\n",
    "def f(*args, **kwargs):\n    pass\n",
    "def f(a: int = 1, *, b=2):\n    pass\n",
    "def f(x1, x_2):\n    pass\n",
    "class A:\n    def m(self, value):\n        pass\n",
    {
      code: "from pyparsing import Token\nclass White(Token):\n    def parseImpl(self, instring, loc, doActions=True):\n        pass\n",
      ruffDiffers: "an override keeps its base's parameter names (callers pass them by keyword)",
    },
    {
      code: "import errno\ndef wait(pid, _ECHILD=errno.ECHILD):\n    return _ECHILD\n",
      ruffDiffers: "a constant bound as a local by a private default, never passed",
    },
  ],
  invalid: [
    { code: "def f(MyArg):\n    pass\n", at: "1:7-1:12" },
    { code: "def f(a, _X):\n    pass\n", at: "1:10-1:12" },
    { code: "def f(filePath: str = ''):\n    pass\n", at: "1:7-1:15" },
    { code: "def f(*Args, **KW):\n    pass\n", at: ["1:8-1:12", "1:16-1:18"] },
    { code: "f = lambda X: X\n", at: "1:12-1:13" },
    { code: "class A:\n    def m(self, Value):\n        pass\n", at: "2:17-2:22" },
    {
      code: "class Base:\n    def run(self, maxCount):\n        pass\n\nclass Sub(Base):\n    def run(self, maxCount):\n        pass\n",
      at: "2:19-2:27",
      ruffDiffers: "the override in Sub keeps its base's parameter name, which is reported once",
    },
    { code: "class A(dict):\n    def load(self, filePath):\n        pass\n", at: "2:20-2:28" },
  ],
});

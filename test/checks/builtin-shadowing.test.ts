import check from "../../checks/idioms/builtin-shadowing.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // `if`/`try`/`with` open no scope: these defs and bindings are class attributes (A003).
    "class File:\n    if PY2:\n        def next(self):\n            pass\n    else:\n        def id(self):\n            pass\n",
    "class C:\n    try:\n        list = 1\n    except ImportError:\n        pass\n    with ctx:\n        def input(self):\n            pass\n",
    // An `@overload` is a signature for type checkers; its implementation is reported.
    "from typing import overload\nclass C:\n    @overload\n    def get(self, type: int) -> int: ...\n    @overload\n    def get(self, type: str) -> str: ...\n",
    {
      code: "def f(x, len=len, KeyError=KeyError):\n    return len(x)\n",
      ruffDiffers: "the fast-local idiom binds the builtin itself",
    },
    "items = [1]\n",
    "class A:\n    id = 1\n    def type(self):\n        return 1\n",
    "import x as list\n",
    "def f(ids, kind=None):\n    pass\n",
    "__doc__ = 'x'\n",
    "__name__ = 'x'\n",
    "obj.list = 1\n",
    // New builtins count only when the target Python has them (as Ruff's A001).
    "aiter = None\nasync def f(anext):\n    pass\n",
    "f = lambda list: list\n",
  ],
  invalid: [
    {
      code: "from typing import overload\nclass C:\n    @overload\n    def get(self, type: int) -> int: ...\n    def get(self, type):\n        return type\n",
      at: "5:19-5:23",
    },
    { code: "if PY2:\n    def input():\n        pass\n", at: "2:9-2:14" },
    { code: "list = [1]\n", at: "1:1-1:5", message: /Variable `list`/ },
    { code: "def f(id, type=None):\n    pass\n", at: ["1:7-1:9", "1:11-1:15"], message: /Parameter/ },
    { code: "for id in x:\n    pass\n", at: "1:5-1:7" },
    { code: "try:\n    pass\nexcept E as id:\n    pass\n", at: "3:13-3:15" },
    { code: "def input():\n    pass\n", at: "1:5-1:10", message: "Function `input` shadows the builtin `input`" },
    { code: "class type:\n    pass\n", at: "1:7-1:11", message: "Class `type` shadows the builtin `type`" },
    { code: "with f() as input:\n    pass\n", at: "1:13-1:18" },
    { code: "def f():\n    max, min = 1, 2\n", at: ["2:5-2:8", "2:10-2:13"] },
    { code: "async def f(anext):\n    pass\n", python: "3.10", at: "1:13-1:18" },
    { code: "ExceptionGroup = None\n", python: "3.11", at: "1:1-1:15" },
    { code: "class C:\n    x = [1 for help in y]\n", at: "2:16-2:20" },
  ],
});

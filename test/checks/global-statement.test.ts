import check from "../../checks/idioms/global-statement.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "X = 1\ndef f():\n    global X\n    print(X)\n",
    "X = 1\ndef f():\n    return X\n",
    {
      code: "global X\nX = 1\n",
      ruffDiffers: "a module-level `global` is a no-op, not a function rebinding module state",
    },
    "X = 1\ndef f():\n    global X\n    def g():\n        X = 2\n    return g\n",
    "X = []\ndef f():\n    global X\n    X.append(1)\n",
    "class C:\n    global X\n    def f(self):\n        X = 1\n",
  ],
  invalid: [
    { code: "X = 1\ndef f():\n    global X\n    X = 2\n", at: "3:12-3:13" },
    { code: "N = 0\ndef f():\n    global N\n    N += 1\n", at: "3:12-3:13" },
    {
      code: "A = B = 0\ndef f():\n    global A, B\n    A, B = 1, 2\n",
      at: ["3:12-3:13", "3:15-3:16"],
      ruffDiffers: "Ruff misses tuple targets",
    },
    {
      code: "def f():\n    global CACHE\n    for CACHE in items:\n        pass\n",
      at: "2:12-2:17",
      ruffDiffers: "Ruff misses loop targets",
    },
    { code: "def f():\n    global json\n    import json\n", at: "2:12-2:16" },
    { code: "class C:\n    global X\n    X = 42\n", at: "2:12-2:13" },
    {
      code: "def f():\n    global LOG\n    with open(p) as LOG:\n        pass\n",
      at: "2:12-2:15",
      ruffDiffers: "Ruff misses `with ... as` targets",
    },
    {
      code: "def f():\n    global LAST\n    [LAST := v for v in values]\n",
      at: "2:12-2:16",
      ruffDiffers: "Ruff misses assignment expressions in comprehensions, which bind in the function",
    },
  ],
});

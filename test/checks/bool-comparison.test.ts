import check from "../../checks/idioms/bool-comparison.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is True:\n    pass\n",
    "if x:\n    pass\n",
    "if x == 1:\n    pass\n",
    's = "x == True"\n',
    "if x == true:\n    pass\n",
    "# if x == True:\nx = 1\n",
    // Only a value certain to be a bool is reported (precision.md): elsewhere `== True` is often deliberate.
    { code: "if x == True:\n    pass\n", ruffDiffers: "the operand's type is unknown" },
    { code: "assert ceiling(n).is_positive == False\n", ruffDiffers: "three-valued: `is_positive` may be None" },
    { code: "if (0 > rowslice[0]) == True:\n    pass\n", ruffDiffers: "a symbolic `<` whose bool() raises" },
    {
      code: "def f(via):\n    if via.rport == True:\n        pass\n",
      ruffDiffers: "rport is True, a port number or None",
    },
    { code: "if (a == b) == False:\n    pass\n", ruffDiffers: "`==` may be overloaded (numpy, sympy)" },
    { code: "assert Eq(False, False) == True\n", ruffDiffers: "asserting the evaluated singleton" },
    {
      code: "def f(flag=None):\n    if flag == False:\n        pass\n",
      ruffDiffers: "may be None: `not flag` would accept it",
    },
    {
      code: "class A:\n    def f(self):\n        self.port = 80\n        if self.port == True:\n            pass\n",
      ruffDiffers: "not only ever set to a bool",
    },
    { code: "a = not b\nok = a == True == c\n", ruffDiffers: "a chain asserts each operand" },
    { code: "assert _odd(1) == (not _even(1)) == True\n", ruffDiffers: "a chain asserts each operand" },
    {
      code: "def lambdify(expr, cse=False):\n    if cse == True:\n        run()\n    elif callable(cse):\n        cse(expr)\n",
      ruffDiffers: "`cse` defaults to False but may be a callable",
    },
  ],
  invalid: [
    {
      code: "def f(x=False):\n    if x == True:\n        pass\n",
      at: "2:8-2:17",
      message: /`x`/,
      output: null,
    },
    {
      code: "def f(x: bool):\n    if x != False:\n        pass\n",
      at: "2:8-2:18",
      message: /`x`/,
      output: null,
    },
    { code: "x = True\nif False == x:\n    pass\n", at: "2:4-2:14", message: /`not x`/, output: null },

    { code: "result = k in d\nassert (result ==\n    True)\n", at: "2:9-3:9", output: null },
    {
      code: "class A:\n    def open(self):\n        self.ready = True\n    def close(self):\n        self.ready = False\n        return self.ready == (False)\n",
      at: "6:16-6:37",
      output: null,
    },
    {
      code: "if isinstance(x, int) == True:\n    pass\n",
      message: "Comparison to `True` with `==`: test `isinstance(x, int)` directly",
      at: "1:4-1:30",
      output: "if isinstance(x, int):\n    pass\n",
      safety: "safe",
    },
    {
      code: "if (key in cache) == False:\n    load(key)\n",
      message: "test `key not in cache` directly",
      at: "1:4-1:27",
      output: "if key not in cache:\n    load(key)\n",
      safety: "safe",
    },
    // `(not pending) != True` is `bool(pending)`; `pending` alone is the list itself.
    { code: "done = (not pending) != True\n", at: "1:8-1:29", output: "done = pending\n", safety: "unsafe" },
    { code: "done = (not (k in d)) != True\n", at: "1:8-1:30", output: "done = (k in d)\n", safety: "safe" },
    {
      code: "ok = hasattr(o, 'x') == False or y\n",
      at: "1:6-1:30",
      output: "ok = not hasattr(o, 'x') or y\n",
      safety: "safe",
    },
    { code: "ok = not callable(f) == True\n", at: "1:10-1:29", output: null },
  ],
});

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
  ],
  invalid: [
    { code: "if x == True:\n    pass\n", at: "1:4-1:13", message: /`x`/, output: null },
    { code: "if x != False:\n    pass\n", at: "1:4-1:14", message: /`x`/, output: null },
    { code: "if False == x:\n    pass\n", at: "1:4-1:14", message: /`not x`/, output: null },
    { code: "ok = a == True == b\n", at: "1:6-1:20", output: null },
    { code: "assert (result ==\n    True)\n", at: "1:9-2:9", output: null },
    { code: "ok = a == (True)\n", at: "1:6-1:17", output: null },
    {
      code: "if isinstance(x, int) == True:\n    pass\n",
      at: "1:4-1:30",
      output: "if isinstance(x, int):\n    pass\n",
      safety: "safe",
    },
    {
      code: "if (key in cache) == False:\n    load(key)\n",
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
    {
      code: "if (a == b) == False:\n    pass\n",
      at: "1:4-1:21",
      output: null,
    },
    { code: "ok = not callable(f) == True\n", at: "1:10-1:29", output: null },
  ],
});

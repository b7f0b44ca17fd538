import check from "../../checks/idioms/not-is-test.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is not None:\n    pass\n",
    "if not x:\n    pass\n",
    "if (not x) is None:\n    pass\n",
    "if not x is y is z:\n    pass\n",
    "if not x == None:\n    pass\n",
  ],
  invalid: [
    { code: "if not x is None:\n    pass\n", at: "1:8-1:17", output: "if x is not None:\n    pass\n", safety: "safe" },
    { code: "if not (a is b):\n    pass\n", at: "1:9-1:15", output: "if a is not b:\n    pass\n", safety: "safe" },
    { code: "ok = not obj.parent is root\n", at: "1:10-1:28", output: "ok = obj.parent is not root\n", safety: "safe" },
    {
      code: "while not f() is SENTINEL:\n    pass\n",
      at: "1:11-1:26",
      output: "while f() is not SENTINEL:\n    pass\n",
      safety: "safe",
    },
    { code: "ok = not (x  # why\n    is y)\n", at: "1:11-2:9", output: null },
  ],
});

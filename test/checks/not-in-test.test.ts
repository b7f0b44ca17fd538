import check from "../../checks/idioms/not-in-test.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x not in y:\n    pass\n",
    "if not x:\n    pass\n",
    "if not (x in y and z):\n    pass\n",
    "if not x == y:\n    pass\n",
    "if (not x) in y:\n    pass\n",
  ],
  invalid: [
    { code: "if not x in y:\n    pass\n", at: "1:8-1:14", output: "if x not in y:\n    pass\n", safety: "safe" },
    { code: "if not (x in y):\n    pass\n", at: "1:9-1:15", output: "if x not in y:\n    pass\n", safety: "safe" },
    {
      code: "ok = not key in cache and fresh\n",
      at: "1:10-1:22",
      output: "ok = key not in cache and fresh\n",
      safety: "safe",
    },
    { code: "ok = not d[k] in {1, 2}\n", at: "1:10-1:24", output: "ok = d[k] not in {1, 2}\n", safety: "safe" },
    { code: "ok = not (x  # why\n    in y)\n", at: "1:11-2:9", output: null },
  ],
});

import check from "../../checks/idioms/bool-comparison.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is True:\n    pass\n",
    "if x:\n    pass\n",
    "if x == 1:\n    pass\n",
    's = "x == True"\n',
    "if x == true:\n    pass\n",
  ],
  invalid: [
    { code: "if x == True:\n    pass\n", at: "1:4-1:13", message: /`x`/ },
    { code: "if x != False:\n    pass\n", at: "1:4-1:14", message: /`x`/ },
    { code: "if False == x:\n    pass\n", at: "1:4-1:14", message: /`not x`/ },
    { code: "ok = a == True == b\n", at: "1:6-1:20" },
    { code: "assert (result ==\n    True)\n", at: "1:9-2:9" },
  ],
});

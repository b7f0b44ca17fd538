import check from "../../checks/idioms/is-literal.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is None:\n    pass\n",
    "if x is True:\n    pass\n",
    "if x == 'a':\n    pass\n",
    "if x is SENTINEL:\n    pass\n",
    "if x is ...:\n    pass\n",
    "ok = x is -1\n",
    "ok = x is f'plain'\n",
    "ok = x is (i for i in y)\n",
  ],
  invalid: [
    { code: "if x is 'a':\n    pass\n", at: "1:4-1:12", output: "if x == 'a':\n    pass\n", safety: "safe" },
    { code: "if x is not 1:\n    pass\n", at: "1:4-1:14", output: "if x != 1:\n    pass\n", safety: "safe" },
    { code: "if x is ():\n    pass\n", at: "1:4-1:11", output: "if x == ():\n    pass\n", safety: "safe" },
    { code: "if 1.5 is y:\n    pass\n", at: "1:4-1:12", output: "if 1.5 == y:\n    pass\n", safety: "safe" },
    { code: "ok = a < b is 'x'\n", at: "1:6-1:18", output: null },
    { code: "if items is not []:\n    pass\n", at: "1:4-1:19", output: "if items != []:\n    pass\n", safety: "safe" },
    { code: "ok = x is {'a': 1}\n", at: "1:6-1:19", output: "ok = x == {'a': 1}\n", safety: "safe" },
  ],
});

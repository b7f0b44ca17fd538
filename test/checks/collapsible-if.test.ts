import check from "../../checks/idioms/collapsible-if.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import sys\nif sys.platform == 'win32':\n    if x:\n        pass\n",
    "if a:\n    if b:\n        pass\nelse:\n    pass\n",
    "if a:\n    if b:\n        pass\n    else:\n        pass\n",
    "if a:\n    x = 1\n    if b:\n        pass\n",
    "if a:\n    if b:\n        pass\n    elif c:\n        pass\n",
    "if a:\n    pass\nelif b:\n    if c:\n        pass\nelse:\n    pass\n",
  ],
  invalid: [
    { code: "if a:\n    if b:\n        pass\n", at: "1:1-2:10" },
    { code: "if a and b:\n    if c or d:\n        run()\n", at: "1:1-2:15" },
    { code: "def f():\n    if a:\n        if b:\n            return 1\n", at: "2:5-3:14" },
    { code: "if a:\n    if b:\n        if c:\n            pass\n", at: ["1:1-2:10", "2:5-3:14"] },
    { code: "if a:\n    # why b matters\n    if b:\n        pass\n", at: "1:1-3:10" },
    { code: "if a:\n    pass\nelif b:\n    if c:\n        pass\n", at: "3:1-4:10" },
    { code: "if a:\n    if (b and\n            c):\n        pass\n", at: "1:1-3:16" },
  ],
});

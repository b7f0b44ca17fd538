import check from "../../checks/idioms/needless-bool.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(x):\n    if x:\n        return True\n    return True\n",
    "def f(x):\n    if x:\n        log()\n        return True\n    return False\n",
    "def f(x):\n    if x:\n        return True\n    elif y:\n        return False\n    return False\n",
    "def f(x):\n    if x:\n        return 1\n    return 0\n",
    "def f(x):\n    if x:\n        return True\n    log()\n    return False\n",
  ],
  invalid: [
    {
      code: "def f(a, b):\n    if a.is_valid_for(b) and b.allows(a):\n        return True\n    return False\n",
      at: "2:5-4:17",
      message: "Return the condition `bool(a.is_valid_for(b) and b.allows(a))` directly",
      output: "def f(a, b):\n    return bool(a.is_valid_for(b) and b.allows(a))\n",
    },
    {
      code: "def f(x):\n    if x > 1:\n        return True\n    else:\n        return False\n",
      at: "2:5-5:21",
      output: "def f(x):\n    return x > 1\n",
    },
    {
      code: "def f(x):\n    if x > 1:\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(x):\n    return x > 1\n",
    },
    {
      code: "def f(x):\n    if x:\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(x):\n    return not x\n",
    },
    {
      code: "def f(x):\n    if x.items:\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(x):\n    return bool(x.items)\n",
    },
    {
      code: "def f(a, b):\n    if a and b:\n        return False\n    else:\n        return True\n",
      at: "2:5-5:20",
      output: "def f(a, b):\n    return not (a and b)\n",
    },
    { code: "def f(x):\n    if x:  # why\n        return True\n    return False\n", at: "2:5-4:17", output: null },
  ],
});

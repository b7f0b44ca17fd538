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
      safety: "unsafe",
    },
    // `x > 1` may return a non-bool (a NumPy array, a class whose `__gt__` returns "yes").
    {
      code: "def f(x):\n    if x > 1:\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(x):\n    return x > 1\n",
      safety: "unsafe",
    },
    {
      code: "def f(x):\n    if x:\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(x):\n    return not x\n",
      safety: "safe",
    },
    {
      code: "def f(x):\n    if x.items:\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(x):\n    return bool(x.items)\n",
      safety: "safe",
    },
    {
      code: "def f(a, b):\n    if a and b:\n        return False\n    else:\n        return True\n",
      at: "2:5-5:20",
      output: "def f(a, b):\n    return not (a and b)\n",
      safety: "safe",
    },
    // Negated membership and identity tests read as `not in` / `is not` (never E713/E714's `not x in y`).
    {
      code: "def f(k, d):\n    if k in d:\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(k, d):\n    return k not in d\n",
      safety: "safe",
    },
    {
      code: "def f(x):\n    if x is None:\n        return False\n    else:\n        return True\n",
      at: "2:5-5:20",
      output: "def f(x):\n    return x is not None\n",
      safety: "safe",
    },
    {
      code: "def f(k, d):\n    if not k in d:\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(k, d):\n    return k not in d\n",
      safety: "safe",
    },
    {
      code: "def f(k, d):\n    if not (k in d):\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(k, d):\n    return k in d\n",
      safety: "safe",
    },
    // `a != b` is `not a == b` only when `__ne__` negates `__eq__`.
    {
      code: "def f(a, b):\n    if a == b:\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(a, b):\n    return a != b\n",
      safety: "unsafe",
    },
    // `x` itself is returned, not a bool.
    {
      code: "def f(x):\n    if not x:\n        return False\n    return True\n",
      at: "2:5-4:16",
      output: "def f(x):\n    return x\n",
      safety: "unsafe",
    },
    {
      code: "def f(x):\n    if isinstance(x, int):\n        return True\n    return False\n",
      at: "2:5-4:17",
      output: "def f(x):\n    return isinstance(x, int)\n",
      safety: "safe",
    },
    // `bool` is not the builtin here: no `bool(...)` fix.
    {
      code: "from flags import bool\n\n\ndef f(x):\n    if x:\n        return True\n    return False\n",
      at: "5:5-7:17",
      output: null,
    },
    { code: "def f(x):\n    if x:  # why\n        return True\n    return False\n", at: "2:5-4:17", output: null },
  ],
});

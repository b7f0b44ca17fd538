import check from "../../checks/idioms/needless-bool.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(x):\n    if x:\n        return True\n    return True\n",
    "def f(x):\n    if x:\n        log()\n        return True\n    return False\n",
    "def f(x):\n    if x:\n        return True\n    elif y:\n        return False\n    return False\n",
    "def f(x):\n    if x:\n        return 1\n    return 0\n",
    "def f(x):\n    if x:\n        return True\n    log()\n    return False\n",
    {
      code: 'def valid(text):\n    if IPV4_RE.search(text):\n        return False\n    if text == "":\n        return False\n    if text[0] == ".":\n        return False\n    return True\n',
      ruffDiffers: "the last guard of a chain: folding it breaks the parallel",
    },
    {
      code: "def f(self):\n    if self._over_ssl:\n        # Prevent a warning about an unclosed transport\n        return False\n    return True\n",
      ruffDiffers: "the branch explains the protocol value in a comment",
    },
    {
      code: "def f(x):\n    if x:  # why\n        return True\n    return False\n",
      ruffDiffers: "a comment on the branch",
    },
    {
      code: "def _callable(obj):\n    if isinstance(obj, type):\n        return True\n    if isinstance(obj, (staticmethod, classmethod)):\n        return _callable(obj.__func__)\n    if getattr(obj, '__call__', None) is not None:\n        return True\n    return False\n",
      ruffDiffers: "the last step of a cascade of early returns",
    },
    {
      code: "def f(self, bind):\n    if isinstance(self.dialect, str):\n        if self.dialect != bind.name:\n            return False\n    elif bind.name not in self.dialect:\n        return False\n    if self.callable_ is not None and not self.callable_(self):\n        return False\n    return True\n",
      ruffDiffers: "the last step of a cascade of early returns",
    },
  ],
  invalid: [
    {
      code: "def f(a, b):\n    if a.is_valid_for(b) and b.allows(a):\n        return True\n    return False\n",
      at: "2:5-4:17",
      message: "Return the condition directly: `return bool(a.is_valid_for(b) and b.allows(a))`",
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
    // The message quotes the whole condition, never `...`.
    {
      code: "def f(url):\n    if (url.database and url.database != ':memory:') and (\n        url.query):\n        return True\n    else:\n        return False\n",
      at: "2:5-6:21",
      message:
        "Return the condition directly: `return bool((url.database and url.database != ':memory:') and ( url.query))`",
      output: "def f(url):\n    return bool((url.database and url.database != ':memory:') and (\n        url.query))\n",
      safety: "safe",
    },
    {
      code: 'def f(self):\n    if requireModule("sqlite3") is None:\n        return False\n    else:\n        return True\n',
      at: "2:5-5:20",
      message: 'Return the condition directly: `return requireModule("sqlite3") is not None`',
      output: 'def f(self):\n    return requireModule("sqlite3") is not None\n',
      safety: "safe",
    },
    {
      code: "def f(self):\n    if self.tag == '':\n        return False\n    return True\n",
      at: "2:5-4:16",
      message: "`return self.tag != ''`",
      output: "def f(self):\n    return self.tag != ''\n",
      safety: "unsafe",
    },
  ],
});

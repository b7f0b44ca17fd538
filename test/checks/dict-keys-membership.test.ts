import check from "../../checks/idioms/dict-keys-membership.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if k in d:\n    pass\n",
    "for k in d:\n    pass\n",
    "if k in d.values():\n    pass\n",
    "if k in d.keys(1):\n    pass\n",
    "for k, v in d.items():\n    pass\n",
    "keys = d.keys()\n",
    "class M:\n    def keys(self):\n        return []\n    def f(self):\n        for k in self.keys():\n            pass\n",
    {
      code: 'def items(dictlike, getter):\n    if hasattr(dictlike, "items"):\n        return iter(dictlike.items())\n    elif hasattr(dictlike, "keys"):\n        return iter((key, getter(key)) for key in dictlike.keys())\n',
      ruffDiffers: "a duck-typed mapping may iterate something else than its keys",
    },
  ],
  invalid: [
    { code: "if k in d.keys():\n    pass\n", at: "1:4-1:17", output: "if k in d:\n    pass\n", safety: "unsafe" },
    {
      code: "if k not in d.keys():\n    pass\n",
      at: "1:4-1:21",
      output: "if k not in d:\n    pass\n",
      safety: "unsafe",
    },
    { code: "for k in d.keys():\n    pass\n", at: "1:5-1:18", output: "for k in d:\n    pass\n", safety: "unsafe" },
    {
      code: "ks = {k: 1 for k in self.cfg.keys()}\n",
      at: "1:16-1:36",
      output: "ks = {k: 1 for k in self.cfg}\n",
      safety: "unsafe",
    },
    { code: "ok = key in get_map().keys()\n", at: "1:6-1:29", output: "ok = key in get_map()\n", safety: "unsafe" },
    // A mapping that iterates over pairs: `"a" in p.keys()` is true, `"a" in p` is false.
    {
      code: "class Pairs:\n    def keys(self):\n        return ['a']\n    def __iter__(self):\n        return iter([('a', 1)])\np = Pairs()\nok = 'a' in p.keys()\n",
      at: "7:6-7:21",
      output:
        "class Pairs:\n    def keys(self):\n        return ['a']\n    def __iter__(self):\n        return iter([('a', 1)])\np = Pairs()\nok = 'a' in p\n",
      safety: "unsafe",
    },
    // Certainly dicts: a display, a comprehension, `dict()`, a stdlib subclass, an annotated parameter.
    {
      code: "d = {'a': 1}\nok = 'a' in d.keys()\n",
      at: "2:6-2:21",
      output: "d = {'a': 1}\nok = 'a' in d\n",
      safety: "safe",
    },
    {
      code: "def f(rows):\n    d = {r: 1 for r in rows}\n    return [k for k in d.keys()]\n",
      at: "3:19-3:32",
      output: "def f(rows):\n    d = {r: 1 for r in rows}\n    return [k for k in d]\n",
      safety: "safe",
    },
    {
      code: "import collections\nd = collections.defaultdict(list)\nif 'a' not in d.keys():\n    pass\n",
      at: "3:4-3:23",
      output: "import collections\nd = collections.defaultdict(list)\nif 'a' not in d:\n    pass\n",
      safety: "safe",
    },
    {
      code: "def f(d: dict[str, int]) -> bool:\n    return 'a' in d.keys()\n",
      at: "2:12-2:27",
      output: "def f(d: dict[str, int]) -> bool:\n    return 'a' in d\n",
      safety: "safe",
    },
    // Bound once to a dict and once to something else: not certainly a dict.
    {
      code: "d = {}\nif cond:\n    d = load()\nok = 'a' in d.keys()\n",
      at: "4:6-4:21",
      output: "d = {}\nif cond:\n    d = load()\nok = 'a' in d\n",
      safety: "unsafe",
    },
    // `dict` rebound in the module is not the builtin.
    {
      code: "from mylib import dict\nd = dict()\nok = 'a' in d.keys()\n",
      at: "3:6-3:21",
      output: "from mylib import dict\nd = dict()\nok = 'a' in d\n",
      safety: "unsafe",
    },
  ],
});

import check from "../../checks/idioms/manual-list-comprehension.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "r = [x * 2 for x in y]\n",
    "r = []\nfor x in y:\n    r.append(x)\n",
    "r = []\nfor a, b in pairs:\n    r.append(a + b)\n",
    "r = []\nfor x in y:\n    r.append(x)\n    z = 1\n",
    "r = []\nfor x in y:\n    if x:\n        r.append(x)\n    else:\n        r.append(0)\n",
    {
      code: "def f(r):\n    for x in y:\n        r.append(x * 2)\n",
      ruffDiffers: "the list was not created right before the loop",
    },
    "def dedupe(items):\n    out = []\n    for i in items:\n        if i not in out:\n            out.append(i)\n    return out\n",
    // The comprehension would leave `line` unbound for the handler.
    "def f(lines):\n    try:\n        out = []\n        for line in lines:\n            out.append(int(line))\n    except ValueError:\n        raise ValueError(f'bad line {line!r}')\n    return out\n",
    "r = []\nfor x in y:\n    r.append(x * 2)\nprint('last', x)\n",
    {
      code: "while more():\n    print(x)\n    r = []\n    for x in y:\n        r.append(x * 2)\n",
      ruffDiffers: "the next round of the outer loop reads the last `x`",
    },
  ],
  invalid: [
    // A later loop rebinds `x` before reading it; a comprehension's own `x` is not this one.
    {
      code: "r = []\nfor x in y:\n    r.append(x * 2)\nfor x in z:\n    print(x)\ns = [x for x in r]\n",
      at: "3:5-3:20",
    },
    { code: "r = []\nfor x in y:\n    r.append(x * 2)\n", at: "3:5-3:20" },
    { code: "r = []\nfor x in y:\n    if x:\n        r.append(x)\n", at: "4:9-4:20" },
    {
      code: "def f(y):\n    out = []\n    for item in y:\n        out.append(item.name)\n    return out\n",
      at: "4:9-4:30",
    },
    { code: "r = list()\nfor p in pairs:\n    r.append(p + 1)\n", at: "3:5-3:20" },
    { code: "r = []\n# collect\nfor x in y:\n    r.append(str(x))\n", at: "4:5-4:21" },
  ],
});

import check from "../../checks/idioms/string-concat-in-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(rows):\n    out = ''\n    out += 'x'\n    return out\n",
    "def f(rows):\n    total = 0\n    for r in rows:\n        total += r\n",
    "def f(rows, out):\n    for r in rows:\n        out += 'x'\n",
    "def f(rows):\n    parts = []\n    for r in rows:\n        parts += ['x']\n",
    "def f(rows):\n    out = ''\n    for r in rows:\n        out += r\n",
  ],
  invalid: [
    { code: "def f(rows):\n    out = ''\n    for r in rows:\n        out += f'{r}\\n'\n", at: "4:9-4:24" },
    { code: "def f(rows):\n    out = 'start'\n    for r in rows:\n        out += str(r)\n", at: "4:9-4:22" },
    { code: "s = ''\nfor r in rows:\n    s += 'x'\n", at: "3:5-3:13" },
    { code: "def f(n):\n    s = ''\n    while n:\n        s += 'a'\n        n -= 1\n", at: "4:9-4:17" },
    {
      code: "def f(rows):\n    html = '<ul>'\n    for r in rows:\n        if r:\n            html += '<li>' + r + '</li>'\n",
      at: "5:13-5:41",
    },
  ],
});

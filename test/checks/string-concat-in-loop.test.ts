import check from "../../checks/idioms/string-concat-in-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(rows):\n    out = ''\n    out += 'x'\n    return out\n",
    "def f(rows):\n    total = 0\n    for r in rows:\n        total += r\n",
    "def f(rows, out):\n    for r in rows:\n        out += 'x'\n",
    "def f(rows):\n    parts = []\n    for r in rows:\n        parts += ['x']\n",
    "def f(rows):\n    out = ''\n    for r in rows:\n        out += r\n",
    "s = ''\nfor r in rows:\n    s += 'x'\n",
    "def wrap(words, width):\n    line = ''\n    for w in words:\n        if len(line) > width:\n            lines.append(line)\n            line = ''\n        line += w + ' '\n",
    "def f(n):\n    s = ''\n    while len(s) < n:\n        s += ' '\n",
    "def f(rows):\n    s = b''\n    for r in rows:\n        s += b'x'\n",
    "def f(rows):\n    s = ''\n    for r in rows:\n        s += 'x'\n    s = None\n",
  ],
  invalid: [
    { code: "def f(rows):\n    out = ''\n    for r in rows:\n        out += f'{r}\\n'\n", at: "4:9-4:24" },
    { code: "def f(rows):\n    out = 'start'\n    for r in rows:\n        out += str(r)\n", at: "4:9-4:22" },
    { code: "def f(n):\n    s = ''\n    while n:\n        s += 'a'\n        n -= 1\n", at: "4:9-4:17" },
    {
      code: "def f(rows):\n    html = '<ul>'\n    for r in rows:\n        if r:\n            html += '<li>' + r + '</li>'\n",
      at: "5:13-5:41",
    },
    {
      code: "def f(rows):\n    s = ''\n    for r in rows:\n        s += str(r)\n        for q in r:\n            s += ', '.join(q)\n",
      at: "4:9-4:20",
    },
    {
      code: "def f(rows):\n    for r in rows:\n        s = ''\n        for q in r:\n            s += 'x'\n        print(s)\n",
      at: "5:13-5:21",
    },
  ],
});

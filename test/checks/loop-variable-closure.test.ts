import check from "../../checks/idioms/loop-variable-closure.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "for i in x:\n    fs.append(lambda i=i: i)\n",
    "for i in x:\n    fs.append(lambda j: j)\n",
    "for i in x:\n    ys = sorted(y, key=lambda v: v[i])\n",
    "for i in x:\n    ys = list(filter(lambda v: v > i, y))\n",
    "def f(x):\n    for i in x:\n        return lambda: i\n",
    "def f(x):\n    for i in x:\n        if i:\n            return lambda: i\n",
    "fs = [lambda i=i: i for i in range(3)]\n",
    "fs = [i for i in range(3) if (lambda: i)()]\n",
    {
      code: "while todo:\n    item = todo.pop()\n    run(lambda: item)\n",
      ruffDiffers: "peptalk looks at `for` and comprehension targets only, not names assigned in a loop body",
    },
  ],
  invalid: [
    { code: "for i in x:\n    fs.append(lambda: i)\n", at: "2:23-2:24" },
    { code: "for i in x:\n    def f():\n        return i\n", at: "3:16-3:17" },
    { code: "for i in x:\n    f = lambda: i\n    f()\n", at: "2:17-2:18" },
    { code: "for k, v in d.items():\n    cbs.append(lambda: print(k, v))\n", at: ["2:30-2:31", "2:33-2:34"] },
    { code: "for name in names:\n    btn.on_click(lambda e: greet(name))\n", at: "2:34-2:38" },
    { code: "fs = [lambda: i for i in range(3)]\n", at: "1:15-1:16" },
    { code: "gs = {k: (lambda: v) for k, v in d.items()}\n", at: "1:19-1:20" },
  ],
});

import check from "../../checks/performance/list-insert-front-in-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(xs):\n    out = []\n    for x in xs:\n        out.append(x)\n    return out\n",
    "def f(xs):\n    out = []\n    out.insert(0, 1)\n    return out\n",
    "def f(xs, out):\n    for x in xs:\n        out.insert(0, x)\n",
    "def f(xs):\n    out = []\n    for x in xs:\n        out.insert(1, x)\n",
    "def f(xs):\n    for x in xs:\n        row = []\n        row.insert(0, x)\n",
    "def f(xs):\n    out = []\n    for x in xs:\n        if x:\n            out.insert(0, x)\n            break\n",
    "import collections\ndef f(xs):\n    out = collections.deque()\n    for x in xs:\n        out.insert(0, x)\n",
    "def f(xs):\n    out = []\n    for x in xs:\n        def g():\n            out.insert(0, x)\n",
    "def f(xs):\n    out = []\n    out = deque(out)\n    for x in xs:\n        out.insert(0, x)\n",
    "def f(x):\n    data = []\n    for i in range(4):\n        x, m = divmod(x, 256)\n        data.insert(0, m)\n",
    "def f(xs):\n    seq = list(xs)\n    for i in reversed(idx):\n        seq.insert(0, seq.pop(i))\n",
    "def f(xs):\n    b = []\n    for x in xs:\n        b[0] = b[0] // x\n        b.insert(0, x)\n",
  ],
  invalid: [
    {
      code: "def f(node):\n    path = []\n    while node is not None:\n        path.insert(0, node.name)\n        node = node.parent\n    return path\n",
      at: "4:9-4:34",
      message: /^`path\.insert\(0, node\.name\)` in a loop .*collections\.deque\.appendleft/,
    },
    {
      code: "def f(xs):\n    out = list()\n    for x in xs:\n        if x:\n            out.insert(0, x)\n",
      at: "5:13-5:29",
    },
    { code: "out = [1, 2]\nfor x in sys.argv:\n    out.insert(0, x)\n", at: "3:5-3:21" },
    {
      code: "def f(xs):\n    out = [x for x in xs if x]\n    for x in xs:\n        out.insert(0, -x)\n",
      at: "4:9-4:26",
    },
    {
      code: "class A:\n    def f(self, xs):\n        out = sorted(xs)\n        for x in xs:\n            for y in x:\n                out.insert(0, y)\n",
      at: "6:17-6:33",
    },
  ],
});

import check from "../../checks/idioms/range-len-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "for i, x in enumerate(xs):\n    print(x)\n",
    "for i in range(len(xs)):\n    xs[i] = xs[i] * 2\n",
    "for i in range(len(xs)):\n    print(i)\n",
    "for i in range(len(xs)):\n    print(xs[i], ys[i + 1])\n    xs.append(1)\n",
    "for i in range(len(xs)):\n    del xs[i]\n",
    "for i in range(1, len(xs)):\n    print(xs[i])\n",
    "for i in range(len(xs)):\n    if xs[i] < xs[i - 1]:\n        print(i)\n",
    "for i in range(len(xs)):\n    head, rest = xs[i], xs[i + 1:]\n",
    "for i in range(len(xs)):\n    for j in range(len(xs)):\n        check(i < j, xs[i] < xs[j])\n",
    // `enumerate(self)` would call `__iter__` again: infinite recursion.
    "class Seq:\n    def __iter__(self):\n        for i in range(len(self)):\n            yield self[i]\n",
    "class Seq:\n    def __iter__(self):\n        return self._walk()\n    def _walk(self):\n        for i in range(len(self)):\n            yield self[i]\n",
    // Without `__iter__`, `self` may not be iterable at all.
    "class Seq:\n    def items(self):\n        for i in range(len(self)):\n            yield self[i]\n",
    "def range(n):\n    return []\nfor i in range(len(xs)):\n    print(xs[i])\n",
  ],
  invalid: [
    {
      code: "for i in range(len(xs)):\n    print(xs[i])\n",
      at: "1:10-1:24",
      message: "Loop over `range(len(xs))` that reads `xs[i]`: iterate over `xs` directly",
    },
    {
      code: "def f(line):\n    for i in range(len(line)):\n        if line[i] not in ' \\t':\n            break\n    return i\n",
      at: "2:14-2:30",
      message: "use `enumerate(line)`",
    },
    {
      code: "for i in range(len(xs)):\n    print(xs[i], ys[i], zs[i])\n",
      at: "1:10-1:24",
      message: "reads `xs[i]`, `ys[i]` and `zs[i]`: use `zip(xs, ys, zs)`",
    },
    {
      code: "for i in range(len(xs)):\n    assert xs[i] == ys[i]\n",
      at: "1:10-1:24",
      message: "Loop over `range(len(xs))` that reads `xs[i]` and `ys[i]`: use `zip(xs, ys)`",
    },
    {
      code: "for i in range(len(xs)):\n    print(i, xs[i], self.ys[i])\n",
      at: "1:10-1:24",
      message: "use `enumerate(zip(xs, self.ys))`",
    },
    {
      code: "class Seq:\n    def __iter__(self):\n        return iter(self.data)\n    def total(self):\n        for i in range(len(self)):\n            print(i, self[i])\n",
      at: "5:18-5:34",
      message: "use `enumerate(self)`",
    },
    { code: "for i in range(len(xs)):\n    print(i, xs[i])\n", at: "1:10-1:24" },
    { code: "for idx in range(len(self.items)):\n    total += self.items[idx].price\n", at: "1:12-1:34" },
    {
      code: "def f(names):\n    for i in range(len(names)):\n        if names[i] == 'x':\n            return i\n",
      at: "2:14-2:31",
    },
    { code: "for i in range(len(a)):\n    b[i] = a[i]\n", at: "1:10-1:23", message: "use `enumerate(a)`" },
    { code: "for i in range(len(rows)):\n    print(rows[i], rows[0], rows[-1])\n", at: "1:10-1:26" },
  ],
});

import check from "../../checks/idioms/yield-from.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f():\n    yield from y\n",
    "def f():\n    for x in y:\n        yield x\n    else:\n        pass\n",
    "def f():\n    for x in y:\n        yield x * 2\n",
    "def f():\n    for x in y:\n        print(x)\n        yield x\n",
    "def f():\n    for x in y:\n        yield x\n    print(x)\n",
    {
      code: "async def f():\n    for x in y:\n        yield x\n",
      ruffDiffers: "`yield from` is not allowed in async generators",
    },
    // `yield from nexts` would yield the functions, not their results.
    "def f(nexts):\n    for nxt in nexts:\n        yield nxt()\n",
    {
      code: "def f(x):\n    # no yield from in 2.7\n    for el in collect(x):\n        yield el\n",
      ruffDiffers: "a comment explains the loop",
    },
  ],
  invalid: [
    { code: "def f():\n    for x in y:\n        yield x\n", at: "2:5-3:16" },
    { code: "def f():\n    for a, b in pairs:\n        yield a, b\n", at: "2:5-3:19" },
    { code: "def f():\n    for (a, b) in pairs:\n        yield (a, b)\n", at: "2:5-3:21" },
    {
      code: "class A:\n    def __iter__(self):\n        for item in self.items:\n            yield item\n",
      at: "3:9-4:23",
    },
    { code: "def f():\n    if y:\n        for x in y:\n            yield x\n", at: "3:9-4:20" },
  ],
});

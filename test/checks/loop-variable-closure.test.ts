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
    // Called only in the iteration that defines it, and never stored.
    { code: "for i in x:\n    f = lambda: i\n    f()\n", ruffDiffers: "called in the same iteration only" },
    {
      code: "for i in x:\n    def make_pairs():\n        yield (i, 1)\n    d = dict(make_pairs())\n",
      ruffDiffers: "a nested def called in the loop body and never stored",
    },
    {
      code: "for frame in frames:\n    def reader(lnum=[0]):\n        return getline(frame, lnum[0])\n    scanvars(reader, frame)\n",
      ruffDiffers: "passed to a call that does not keep it",
    },
    {
      code: "for bad in values:\n    class X:\n        def __len__(self):\n            return bad\n    check(bool, X())\n",
      ruffDiffers: "a class defined and used in the same iteration",
    },
    {
      code: "import unittest\nclass T(unittest.TestCase):\n    def test(self):\n        for arg in values:\n            self.assertRaises(TypeError, lambda: arg < 1)\n",
      ruffDiffers: "assertRaises calls the lambda before it returns",
    },
    {
      code: "for t in types:\n    match, rest = eg.split(lambda e: isinstance(e, t))\n",
      ruffDiffers: "ExceptionGroup.split calls the predicate at once",
    },
    {
      code: "import re\nfor k in keys:\n    text = re.sub('x', lambda m: k, text)\n",
      ruffDiffers: "re.sub calls the replacement at once",
    },
    {
      code: "while todo:\n    item = todo.pop()\n    run(lambda: item)\n",
      ruffDiffers: "peptalk looks at `for` and comprehension targets only, not names assigned in a loop body",
    },
  ],
  invalid: [
    { code: "for i in x:\n    fs.append(lambda: i)\n", at: "2:23-2:24" },
    { code: "for i in x:\n    def f():\n        return i\n", at: "3:16-3:17" },
    { code: "for i in x:\n    f = lambda: i\n    callbacks.append(f)\n", at: "2:17-2:18" },
    { code: "for i in x:\n    def f():\n        return i\n    f()\nf()\n", at: "3:16-3:17" },
    {
      code: "for i in x:\n    def pairs():\n        yield (i, 1)\n    gens.append(pairs())\n",
      at: "3:16-3:17",
    },
    {
      code: "for bad in values:\n    class X:\n        def __len__(self):\n            return bad\n    objs.append(X())\n",
      at: "4:20-4:23",
    },
    { code: "for i in x:\n    @app.route(i)\n    def view():\n        return i\n    view()\n", at: "4:16-4:17" },
    { code: "for k, v in d.items():\n    cbs.append(lambda: print(k, v))\n", at: ["2:30-2:31", "2:33-2:34"] },
    { code: "for name in names:\n    btn.on_click(lambda e: greet(name))\n", at: "2:34-2:38" },
    { code: "fs = [lambda: i for i in range(3)]\n", at: "1:15-1:16" },
    { code: "gs = {k: (lambda: v) for k, v in d.items()}\n", at: "1:19-1:20" },
  ],
});

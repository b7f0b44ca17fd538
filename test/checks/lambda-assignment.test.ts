import check from "../../checks/idioms/lambda-assignment.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(x):\n    return x\n",
    "x.f = lambda: 1\n",
    "f, g = lambda: 1, lambda: 2\n",
    "sorted(xs, key=lambda x: x[1])\n",
    "handlers = {'a': lambda: 1}\n",
    "class A:\n    f: Callable[[int], int] = lambda x: x\n",
  ],
  invalid: [
    { code: "f = lambda x: 2 * x\n", at: "1:1-1:20", output: "def f(x):\n    return 2 * x\n", safety: "unsafe" },
    { code: "f = lambda: None\n", at: "1:1-1:17", output: "def f():\n    return None\n", safety: "unsafe" },
    {
      code: "def outer():\n    key = lambda item, *, rev=False: item[0]\n    return key\n",
      at: "2:5-2:45",
      output: "def outer():\n    def key(item, *, rev=False):\n        return item[0]\n    return key\n",
      safety: "unsafe",
    },
    { code: "class A:\n    f = lambda self: 1\n", at: "2:5-2:23", output: null },
    { code: "f: Callable = lambda x: x\n", at: "1:1-1:26", output: null },
    { code: "f = (lambda x:\n     x)\n", at: "1:1-2:8", output: null },
    { code: "f = lambda: 1; g = 2\n", at: "1:1-1:14", output: null },
    { code: "if debug: trace = lambda msg: print(msg)\n", at: "1:11-1:41", output: null },
    {
      code: "f = lambda x: x  # identity\n",
      at: "1:1-1:16",
      output: "def f(x):\n    return x  # identity\n",
      safety: "unsafe",
    },
  ],
});

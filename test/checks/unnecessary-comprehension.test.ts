import check from "../../checks/idioms/unnecessary-comprehension.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "[x * 2 for x in y]\n",
    "[x for x in y if x]\n",
    "[(a, b) for a, b in y]\n",
    "{k: v for v, k in y}\n",
    "[x for y in z for x in y]\n",
    "def f(list):\n    return [x for x in y]\n",
    "async def f():\n    return [x async for x in y]\n",
  ],
  invalid: [
    {
      code: "a = [row for row in load_rows(source_path)]\n",
      at: "1:5-1:44",
      message: "use `list(load_rows(source_path))`",
      output: "a = list(load_rows(source_path))\n",
      safety: "safe",
    },
    { code: "a = [x for x in y]\n", at: "1:5-1:19", output: "a = list(y)\n", safety: "safe" },
    { code: "a = {x for x in y}\n", at: "1:5-1:19", output: "a = set(y)\n", safety: "safe" },
    { code: "a = {k: v for k, v in y}\n", at: "1:5-1:25", output: "a = dict(y)\n", safety: "unsafe" },
    // Over a mapping: `{1: 2}` before, `{(1, 2): 3}` after.
    {
      code: "d = {(1, 2): 3}\npairs = {a: b for a, b in d}\n",
      at: "2:9-2:29",
      output: "d = {(1, 2): 3}\npairs = dict(d)\n",
      safety: "unsafe",
    },
    {
      code: "a = [row for row in self.rows()]\n",
      at: "1:5-1:33",
      output: "a = list(self.rows())\n",
      safety: "safe",
    },
    { code: "a = [x for x in y  # all of them\n]\n", at: "1:5-2:2", output: null },
  ],
});

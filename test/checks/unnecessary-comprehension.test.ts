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
    },
    { code: "a = [x for x in y]\n", at: "1:5-1:19", output: "a = list(y)\n" },
    { code: "a = {x for x in y}\n", at: "1:5-1:19", output: "a = set(y)\n" },
    { code: "a = {k: v for k, v in y}\n", at: "1:5-1:25", output: "a = dict(y)\n" },
    { code: "a = [row for row in self.rows()]\n", at: "1:5-1:33", output: "a = list(self.rows())\n" },
    { code: "a = [x for x in y  # all of them\n]\n", at: "1:5-2:2", output: null },
  ],
});

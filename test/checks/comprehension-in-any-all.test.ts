import check from "../../checks/idioms/comprehension-in-any-all.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "any(x for x in y)\n",
    "any(xs)\n",
    "sum([x for x in y])\n",
    "def any(xs):\n    return xs\nany([x for x in y])\n",
    "all({k: v for k, v in y})\n",
  ],
  invalid: [
    { code: "any([x for x in y])\n", at: "1:5-1:19", output: "any(x for x in y)\n" },
    { code: "all([f(x) for x in y])\n", at: "1:5-1:22", output: "all(f(x) for x in y)\n" },
    { code: "any({x for x in y})\n", at: "1:5-1:19", output: "any(x for x in y)\n" },
    {
      code: "ok = all([\n    u.active\n    for u in users\n])\n",
      at: "1:10-4:2",
      output: "ok = all(\n    u.active\n    for u in users\n)\n",
    },
    { code: "ok = any([x for x in y  # why\n])\n", at: "1:10-2:2", output: null },
  ],
});

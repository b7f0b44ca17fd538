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
    { code: "any([x for x in y])\n", at: "1:5-1:19", output: "any(x for x in y)\n", safety: "unsafe" },
    { code: "all([f(x) for x in y])\n", at: "1:5-1:22", output: "all(f(x) for x in y)\n", safety: "unsafe" },
    // Every field must be validated (each call records its error): a generator would stop at the first.
    {
      code: "# validate every field, not only the first bad one\nok = all([validate(f) for f in fields])\n",
      at: "2:10-2:39",
      output: "# validate every field, not only the first bad one\nok = all(validate(f) for f in fields)\n",
      safety: "unsafe",
    },
    { code: "any({x for x in y})\n", at: "1:5-1:19", output: "any(x for x in y)\n", safety: "unsafe" },
    {
      code: "ok = all([\n    u.active\n    for u in users\n])\n",
      at: "1:10-4:2",
      output: "ok = all(\n    u.active\n    for u in users\n)\n",
    },
    { code: "ok = any([x for x in y  # why\n])\n", at: "1:10-2:2", output: null },
  ],
});

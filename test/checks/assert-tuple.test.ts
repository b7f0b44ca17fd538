import check from "../../checks/idioms/assert-tuple.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: ["assert x, 'm'\n", "assert (x)\n", "assert ()\n", "assert f(x, y)\n", "assert (x == (1, 2)), 'm'\n"],
  invalid: [
    { code: "assert (x, 'm')\n", at: "1:1-1:16" },
    { code: "assert (x,)\n", at: "1:1-1:12" },
    { code: "def f():\n    assert (a and b, f'bad {a}')\n", at: "2:5-2:33" },
    { code: "assert (\n    x,\n    'm',\n)\n", at: "1:1-4:2" },
    { code: "assert (x, y), 'both'\n", at: "1:1-1:22" },
  ],
});

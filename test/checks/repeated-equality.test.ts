import check from "../../checks/idioms/repeated-equality.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "ok = x in {1, 2}\n",
    "ok = x == 1 or y == 2\n",
    "ok = x == 1 and x == 2\n",
    "ok = x != 1 or x != 2\n",
    "ok = x == 1\n",
  ],
  invalid: [
    { code: "ok = x == 1 or x == 2\n", at: "1:6-1:22" },
    { code: "ok = x == a or x == b or y\n", at: "1:6-1:27" },
    { code: "ok = x != 1 and x != 2\n", at: "1:6-1:23" },
    { code: "if self.kind == 'a' or self.kind == 'b' or self.kind == 'c':\n    pass\n", at: "1:4-1:60" },
    { code: "ok = 1 == x or x == 2\n", at: "1:6-1:22" },
  ],
});

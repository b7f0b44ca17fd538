import check from "../../checks/idioms/none-comparison.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is None:\n    pass\n",
    "if x is not None:\n    pass\n",
    's = "x == None"\n',
    "if x == 0:\n    pass\n",
    "# x == None\ny = 1\n",
  ],
  invalid: [
    { code: "if x == None:\n    pass\n", at: "1:9-1:13", output: "if x is None:\n    pass\n", safety: "unsafe" },
    { code: "if x != None:\n    pass\n", at: "1:9-1:13", output: "if x is not None:\n    pass\n", safety: "unsafe" },
    { code: "if None == x:\n    pass\n", at: "1:4-1:8", output: "if None is x:\n    pass\n", safety: "unsafe" },
    // SQLAlchemy builds `IS NULL` from `column == None`; `is None` is plain `False`.
    {
      code: "rows = session.query(User).filter(User.email == None)\n",
      at: "1:49-1:53",
      output: "rows = session.query(User).filter(User.email is None)\n",
      safety: "unsafe",
    },
    { code: "ok = a < b == None\n", at: "1:15-1:19", output: null },
    { code: "y = (x ==  # why\n     None)\n", at: "2:6-2:10", output: null },
  ],
});

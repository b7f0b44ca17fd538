import check from "../../checks/idioms/none-comparison.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if x is None:\n    pass\n",
    "if x is not None:\n    pass\n",
    's = "x == None"\n',
    "if x == 0:\n    pass\n",
    "# x == None\ny = 1\n",
    {
      code: "rows = session.query(User).filter(User.email == None)\n",
      ruffDiffers: "SQL: `== None` builds IS NULL",
    },
    { code: "q = select(t.c.id).where(t.c.id != None)\n", ruffDiffers: "SQL: `!= None` builds IS NOT NULL" },
    { code: "e = or_(expr, self._comparator == None)\n", ruffDiffers: "SQL comparator" },
    {
      code: "from sqlalchemy import text\n\ndef f(col):\n    return col == None\n",
      ruffDiffers: "a module building SQL",
    },
    {
      code: 'if elem.offset != None:  # Must be "!= None", cannot be "is not None"\n    pass\n',
      ruffDiffers: "the comment says why",
    },
    {
      code: "# overloaded __eq__: == None is meant\nif elem.offset == None:\n    pass\n",
      ruffDiffers: "the comment above says why",
    },
  ],
  invalid: [
    { code: "if x == None:\n    pass\n", at: "1:9-1:13", output: "if x is None:\n    pass\n", safety: "unsafe" },
    { code: "if x != None:\n    pass\n", at: "1:9-1:13", output: "if x is not None:\n    pass\n", safety: "unsafe" },
    { code: "if None == x:\n    pass\n", at: "1:4-1:8", output: "if None is x:\n    pass\n", safety: "unsafe" },
    {
      code: "rows = [u for u in users if u.email == None]\n",
      at: "1:40-1:44",
      output: "rows = [u for u in users if u.email is None]\n",
      safety: "unsafe",
    },
    // A comment about something else does not explain the comparison.
    {
      code: "if x == None:  # fall back to defaults\n    pass\n",
      at: "1:9-1:13",
      output: "if x is None:  # fall back to defaults\n    pass\n",
      safety: "unsafe",
    },
    { code: "ok = a < b == None\n", at: "1:15-1:19", output: null },
    { code: "y = (x ==  # why\n     None)\n", at: "2:6-2:10", output: null },
  ],
});

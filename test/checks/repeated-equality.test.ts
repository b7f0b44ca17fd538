import check from "../../checks/idioms/repeated-equality.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // Type checkers narrow `sys.platform` and `sys.version_info` compared with `==`, not `in`.
    'import sys\nif sys.platform == "win32" or sys.platform == "cygwin":\n    pass\n',
    'from sys import platform\nok = platform == "darwin" or platform == "linux"\n',
    "import sys\nok = sys.version_info == (3, 8) or sys.version_info == (3, 9)\n",
    "ok = x in {1, 2}\n",
    "ok = x == 1 or y == 2\n",
    "ok = x == 1 and x == 2\n",
    "ok = x != 1 or x != 2\n",
    "ok = x == 1\n",
    {
      code: 'ok = c_token != "relationship:%s" % (_WILDCARD_TOKEN,) and c_token != p_prop.key\n',
      ruffDiffers: "computed operands: the explicit form is clearer",
    },
    { code: "ok = x == f() or x == g()\n", ruffDiffers: "computed operands" },
    { code: "ok = x == a or x == b or y\n", ruffDiffers: "against other variables only" },
    { code: "while f != ancestor and p != f:\n    f = f.parent()\n", ruffDiffers: "against other variables only" },
    {
      code: "if errwrite != -1 and errread != -1 and errwrite != devnull_fd:\n    close(errwrite)\n",
      ruffDiffers: "another clause separates the comparisons",
    },
  ],
  invalid: [
    { code: 'import os\nok = os.name == "nt" or os.name == "ce"\n', at: "2:6-2:40" },
    { code: "ok = x == 1 or x == 2\n", at: "1:6-1:22", message: "Merge the comparisons: `x in (1, 2)`" },
    { code: "ok = x == A or x == b or y\n", at: "1:6-1:27", message: "`x in (A, b)`" },
    { code: "ok = x != 1 and x != 2\n", at: "1:6-1:23", message: "`x not in (1, 2)`" },
    {
      code: "if self.kind == 'a' or self.kind == 'b' or self.kind == 'c':\n    pass\n",
      at: "1:4-1:60",
      message: "`self.kind in ('a', 'b', 'c')`",
    },
    { code: "ok = 1 == x or x == 2\n", at: "1:6-1:22", message: "`x in (1, 2)`" },
    {
      code: "if width == 'short' or width == 'iso8601_short':\n    pass\n",
      at: "1:4-1:48",
      message: "Merge the comparisons: `width in ('short', 'iso8601_short')`",
    },
  ],
});

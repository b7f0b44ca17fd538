import check from "../../checks/packaging/parent-relative-import.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from . import x\n",
    "from .a import b\n",
    "from .a.b import c as d\n",
    "import a.b\nfrom a import b\n",
    'x = "from .. import y"\n',
    "from . import (\n    a,\n    b,\n)\n",
  ],
  invalid: [
    { code: "from .. import x\n", at: "1:6-1:8", message: "`..`" },
    { code: "from ..a import b\n", at: "1:6-1:9" },
    { code: "from ...a.b import c as d\n", at: "1:6-1:12" },
    { code: "def f():\n    from .. import x\n", at: "2:10-2:12" },
    { code: "from .. import (\n    a,\n    b,\n)\n", at: "1:6-1:8" },
    { code: "from ..a import *\n", at: "1:6-1:9" },
    { code: "try:\n    from .. import y\nexcept ImportError:\n    pass\n", at: "2:10-2:12" },
  ],
});

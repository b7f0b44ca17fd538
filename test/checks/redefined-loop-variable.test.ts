import check from "../../checks/idioms/redefined-loop-variable.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // `x = cast(T, x)` narrows the type of the same value.
    "import typing as t\nfor frame in stack:\n    frame = t.cast(int, frame)\n    use(frame)\n",
    "from typing import cast\nfor item in items:\n    item = cast(str, item)\n",
    "for x in y:\n    z = x\n",
    "for x in y:\n    def f():\n        x = 1\n",
    "for x in y:\n    pass\nx = 1\n",
    "with a as f:\n    g = 1\n",
    "for x in y:\n    x.attr = 1\n",
    "for x in y:\n    try:\n        pass\n    except E as x:\n        pass\n",
  ],
  invalid: [
    { code: "from typing import cast\nfor item in items:\n    item = cast(str, other)\n", at: "3:5-3:9" },
    { code: "for x in y:\n    x = 1\n", at: "2:5-2:6" },
    { code: "for x in y:\n    x += 1\n", at: "2:5-2:6" },
    { code: "with a as f:\n    f = 1\n", at: "2:5-2:6" },
    { code: "for x, y in z:\n    y = 2\n", at: "2:5-2:6" },
    { code: "for x in y:\n    for x in z:\n        pass\n", at: "2:9-2:10" },
    { code: "for line in lines:\n    if line:\n        line = line.strip()\n", at: "3:9-3:13" },
    { code: "with a() as f:\n    with b() as f:\n        pass\n", at: "2:17-2:18" },
    { code: "for x in y:\n    with open(x) as x:\n        pass\n", at: "2:21-2:22" },
  ],
});

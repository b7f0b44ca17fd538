import check from "../../checks/idioms/nested-with.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "with a, b:\n    pass\n",
    "with a:\n    x = 1\n    with b:\n        pass\n",
    "async def f():\n    async with a:\n        with b:\n            pass\n",
    "with a:\n    with b:\n        pass\n    done()\n",
    "with a:\n    pass\n",
  ],
  invalid: [
    { code: "with a:\n    with b:\n        pass\n", at: "1:1-2:12" },
    { code: "with open(x) as f:\n    with open(y) as g:\n        g.write(f.read())\n", at: "1:1-2:23" },
    { code: "async def f():\n    async with a:\n        async with b:\n            pass\n", at: "2:5-3:22" },
    { code: "with a:\n    with b:\n        with c:\n            pass\n", at: "1:1-2:12" },
    { code: "def f():\n    with lock:\n        with session() as s:\n            return s\n", at: "2:5-3:29" },
  ],
});

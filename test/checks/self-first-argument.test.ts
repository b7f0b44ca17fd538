import check from "../../checks/naming/self-first-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "class A:\n    def m(self):\n        pass\n",
    "class A:\n    @staticmethod\n    def s(x):\n        pass\n    @classmethod\n    def c(cls):\n        pass\n",
    "class A:\n    def __new__(cls):\n        pass\n    def __init_subclass__(cls):\n        pass\n",
    "class Meta(type):\n    def m(cls):\n        pass\n",
    "def f(x):\n    pass\n",
    "class A:\n    def m():\n        pass\n",
  ],
  invalid: [
    { code: "class A:\n    def m(x):\n        pass\n", at: "2:11-2:12" },
    { code: "class A:\n    def n(cls):\n        pass\n", at: "2:11-2:14" },
    { code: "class A:\n    def m(this, x):\n        pass\n", at: "2:11-2:15" },
    { code: "class A:\n    @property\n    def p(me):\n        return 1\n", at: "3:11-3:13" },
    { code: "class A:\n    async def m(s):\n        pass\n", at: "2:17-2:18" },
  ],
});

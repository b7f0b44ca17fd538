import check from "../../checks/naming/self-first-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "class T:\n    @jump_test(1, 3)\n    def test_jump(output):\n        output.append(1)\n",
      ruffDiffers: "a decorator that may change what the function receives",
    },
    {
      code: "class F:\n    def __neg__(a):\n        return F(-a.n)\n    def __pos__(a):\n        return F(a.n)\n    def __abs__(a):\n        return F(abs(a.n))\n",
      ruffDiffers: "the class's deliberate convention",
    },
    {
      code: "class DFA:\n    def unpack(cls, string):\n        return cls(string)\n    unpack = classmethod(unpack)\n",
      ruffDiffers: "the pre-decorator classmethod spelling",
    },
    {
      code: "class Lexer:\n    def callback(lexer, match):\n        yield match\n    tokens = {'root': [('<', callback)]}\n",
      ruffDiffers: "a callback the class body uses as a plain function",
    },
    "class A:\n    def m(self):\n        pass\n",
    "class A:\n    @staticmethod\n    def s(x):\n        pass\n    @classmethod\n    def c(cls):\n        pass\n",
    "class A:\n    def __new__(cls):\n        pass\n    def __init_subclass__(cls):\n        pass\n",
    "class Meta(type):\n    def m(cls):\n        pass\n",
    "def f(x):\n    pass\n",
    "class A:\n    def m():\n        pass\n",
  ],
  invalid: [
    {
      code: "import abc\nclass A:\n    @abc.abstractmethod\n    def run(this):\n        pass\n",
      at: "4:13-4:17",
    },
    { code: "class A:\n    def m(x):\n        pass\n", at: "2:11-2:12" },
    { code: "class A:\n    def n(cls):\n        pass\n", at: "2:11-2:14" },
    { code: "class A:\n    def m(this, x):\n        pass\n", at: "2:11-2:15" },
    { code: "class A:\n    @property\n    def p(me):\n        return 1\n", at: "3:11-3:13" },
    { code: "class A:\n    async def m(s):\n        pass\n", at: "2:17-2:18" },
  ],
});

import check from "../../checks/idioms/type-comparison.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if self.__class__ == other.__class__:\n    pass\n",
    "if isinstance(x, int):\n    pass\n",
    "if type(x) is int:\n    pass\n",
    "if type(x) is not type(y):\n    pass\n",
    "def type(x):\n    return 1\nif type(x) == 1:\n    pass\n",
    {
      code: "if dtype == float:\n    pass\n",
      ruffDiffers: "Ruff flags any comparison with a builtin class (NumPy dtypes!)",
    },
    { code: "if x.type == int:\n    pass\n", ruffDiffers: "Ruff flags any comparison with a builtin class" },
    "if obj.__class__ == MyClass:\n    pass\n",
    "int = MyInt\nif obj.__class__ == int:\n    pass\n",
  ],
  invalid: [
    { code: "if type(x) == int:\n    pass\n", at: "1:4-1:18" },
    { code: "if type(x) != str:\n    pass\n", at: "1:4-1:18" },
    { code: "if type(a) == type(b):\n    pass\n", at: "1:4-1:22" },
    { code: "if MyClass == type(obj):\n    pass\n", at: "1:4-1:24" },
    { code: "if type(x) == MyClass:\n    pass\n", at: "1:4-1:22" },
    { code: "if value.__class__ != dict:\n    pass\n", at: "1:4-1:27" },
  ],
});

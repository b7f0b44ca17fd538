import check from "../../checks/idioms/object-inheritance.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "class A:\n    pass\n",
    "class A(Base):\n    pass\n",
    "object = Base\nclass A(object):\n    pass\n",
    "class A(metaclass=Meta):\n    pass\n",
    "class A(objects):\n    pass\n",
  ],
  invalid: [
    { code: "class A(object):\n    pass\n", at: "1:9-1:15", output: "class A:\n    pass\n", safety: "safe" },
    { code: "class A(Base, object):\n    pass\n", at: "1:15-1:21", output: null },
    { code: "class A(object, metaclass=M):\n    pass\n", at: "1:9-1:15", output: null },
    {
      code: "def f():\n    class Inner(object):\n        pass\n",
      at: "2:17-2:23",
      output: "def f():\n    class Inner:\n        pass\n",
      safety: "safe",
    },
    { code: "class A(  # why\n    object):\n    pass\n", at: "2:5-2:11", output: null },
  ],
});

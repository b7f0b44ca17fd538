import check from "../../checks/idioms/super-with-arguments.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "class A(B):\n    def f(self):\n        return [super(A, self).f() for _ in range(2)]\n",
    "class Outer:\n    class A(B):\n        def f(self):\n            super(A, self).f()\n",
    "class A(B):\n    def f(self):\n        super().f()\n",
    "class A(B):\n    def f(self):\n        super(B, self).f()\n",
    "class A(B):\n    def f(self):\n        def g():\n            super(A, self).f()\n",
    {
      code: "class A(B):\n    def f(self, other):\n        super(A, other).f()\n",
      ruffDiffers: "Ruff does not check that the second argument is the method's first parameter",
    },
    {
      code: "from dataclasses import dataclass\n@dataclass(slots=True)\nclass A(B):\n    def f(self):\n        super(A, self).f()\n",
      ruffDiffers: "argument-less super() fails in slotted dataclasses",
    },
  ],
  invalid: [
    {
      code: "class A(B):\n    def __new__(cls):\n        return super(A, cls).__new__(cls)\n",
      at: "3:21-3:29",
      output: "class A(B):\n    def __new__(cls):\n        return super().__new__(cls)\n",
    },
    {
      code: "class A(B):\n    def f(self):\n        super(A, self).f()\n",
      at: "3:14-3:23",
      output: "class A(B):\n    def f(self):\n        super().f()\n",
      safety: "safe",
    },
    // A decorator that returns a subclass: `super(A, self)` then recurses forever, `super()` does not.
    {
      code: "@register\nclass A(B):\n    def f(self):\n        return super(A, self).f()\n",
      at: "4:21-4:30",
      output: "@register\nclass A(B):\n    def f(self):\n        return super().f()\n",
      safety: "unsafe",
    },
    // `@dataclass` returns the class it is given.
    {
      code: "from dataclasses import dataclass\n\n@dataclass\nclass A(B):\n    def f(self):\n        return super(A, self).f()\n",
      at: "6:21-6:30",
      output:
        "from dataclasses import dataclass\n\n@dataclass\nclass A(B):\n    def f(self):\n        return super().f()\n",
      safety: "safe",
    },
    {
      code: "class A(B):\n    @classmethod\n    def f(cls):\n        return super(A, cls).f()\n",
      at: "4:21-4:29",
      output: "class A(B):\n    @classmethod\n    def f(cls):\n        return super().f()\n",
    },
    {
      code: "class A(B):\n    def __init__(self, x):\n        super(A, self).__init__(x)\n",
      at: "3:14-3:23",
      output: "class A(B):\n    def __init__(self, x):\n        super().__init__(x)\n",
    },
    {
      code: "class A(B):\n    def f(self):\n        if self.ok:\n            parent = super(A, self)\n",
      at: "4:27-4:36",
      output: "class A(B):\n    def f(self):\n        if self.ok:\n            parent = super()\n",
    },
    {
      code: "try:\n    import ssl\nexcept ImportError:\n    pass\nelse:\n    class A(B):\n        def f(self):\n            super(A, self).f()\n",
      at: "8:18-8:27",
      output:
        "try:\n    import ssl\nexcept ImportError:\n    pass\nelse:\n    class A(B):\n        def f(self):\n            super().f()\n",
    },
    {
      code: "class A(B):\n    async def f(self):\n        await super(A, self).f()\n",
      at: "3:20-3:29",
      output: "class A(B):\n    async def f(self):\n        await super().f()\n",
    },
  ],
});

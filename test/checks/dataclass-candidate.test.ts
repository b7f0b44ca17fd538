import check from "../../checks/idioms/dataclass-candidate.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "class P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n",
    "class P:\n    def __init__(self, x, y, z):\n        if x < 0:\n            raise ValueError\n        self.x = x\n        self.y = y\n        self.z = z\n",
    "class P(Base):\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
    "class P:\n    def __init__(self, x, y, z):\n        self.x = int(x)\n        self.y = y\n        self.z = z\n",
    "@total_ordering\nclass P:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
    "class W:\n    def __init__(self, fn, args, kwargs):\n        self.fn = fn\n        self.args = args\n        self.kwargs = kwargs\n    def __call__(self):\n        return self.fn(*self.args, **self.kwargs)\n",
    "class P:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n    @property\n    def x(self):\n        return 1\n",
    "class P:\n    origin = None\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
    "class P:\n    def __init__(self, x, y, *rest):\n        self.x = x\n        self.y = y\n        self.rest = rest\n",
    "class P:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.w = z\n",
  ],
  invalid: [
    {
      code: "class P:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
      at: "1:7-1:8",
    },
    {
      code: "class P(object):\n    '''A point.'''\n    def __init__(self, x, y, z=0):\n        self.x = x\n        self.y = y\n        self.z = z\n",
      at: "1:7-1:8",
    },
    {
      code: "class User:\n    def __init__(self, name: str, email: str, age: int):\n        self.name = name\n        self.email = email\n        self.age = age\n    def __repr__(self):\n        return 'User'\n",
      at: "1:7-1:11",
    },
    {
      code: "def f():\n    class P:\n        def __init__(self, a, b, c, d):\n            self.a = a\n            self.b = b\n            self.c = c\n            self.d = d\n",
      at: "2:11-2:12",
    },
    {
      code: "class P:\n    def __init__(self, a, b, c):\n        # plain storage\n        self.a = a\n        self.b = b\n        self.c = c\n",
      at: "1:7-1:8",
    },
    {
      code: "class Span:\n    def __init__(self, start, end, label=None):\n        'Store the span.'\n        self.end = end\n        self.start = start\n        self.label = label\n",
      at: "1:7-1:11",
    },
    {
      code: "class P:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n    def norm(self):\n        return 1\n",
      at: "1:7-1:8",
    },
  ],
});

import check from "../../checks/idioms/mutable-class-default.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // Tables nothing changes in place (Ruff reports them all).
    { code: "class A:\n    x = []\n", ruffDiffers: "never mutated" },
    { code: "class Lexer:\n    tokens = {'root': [(r'\\s+', 'Text')]}\n", ruffDiffers: "a table nothing changes" },
    {
      code: "class A:\n    x = {}\n    def f(self, k):\n        self.x = {k: 1}\n        return self.x[k] == 1\n",
      ruffDiffers: "rebinding on the instance and reading do not share state",
    },
    {
      code: "class A:\n    items = []\n    def f(self, myself):\n        myself.items.append(1)\n",
      ruffDiffers: "another object",
    },
    "class A:\n    x = ()\n",
    "from typing import ClassVar\nclass A:\n    x: ClassVar[list] = []\n",
    "from typing import Final\nclass A:\n    x: Final = []\n",
    "class A:\n    __slots__ = ['a']\n",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: list = None\n",
    {
      code: "from pydantic import BaseModel\nclass A(BaseModel):\n    x: list = []\n",
      ruffDiffers: "pydantic copies defaults per instance",
    },
    "import ctypes\nclass P(ctypes.Structure):\n    _fields_ = [('x', ctypes.c_int)]\n",
    {
      code: "class A:\n    items = []\n    def __init__(self):\n        self.items = []\n    def add(self, v):\n        self.items.append(v)\n",
      ruffDiffers: "every instance rebinds its own list in __init__",
    },
    {
      code: "class Resolver:\n    resolvers = {}\n    @classmethod\n    def add(cls, k, v):\n        if 'resolvers' not in cls.__dict__:\n            cls.resolvers = cls.resolvers.copy()\n        cls.resolvers[k] = v\n",
      ruffDiffers: "copy on write: each subclass gets its own dict",
    },
    {
      code: "class Meta(type):\n    registry = {}\n    def __init__(cls, name, bases, ns):\n        cls.registry[name] = cls\n        super().__init__(name, bases, ns)\n",
      ruffDiffers: "a metaclass's registry is shared by the classes it builds on purpose",
    },
    {
      code: "class Finalizer:\n    __slots__ = ()\n    _registry = {}\n    def __init__(self, obj):\n        self._registry[self] = obj\n",
      ruffDiffers: "a slotted instance cannot hold its own dict",
    },
    {
      code: "import collections\nclass Info(collections.namedtuple('Info', 'name')):\n    registry = {}\n    @classmethod\n    def add(cls, name):\n        cls.registry[name] = cls(name)\n",
      ruffDiffers: "a named tuple cannot hold its own dict",
    },
    {
      code: "class Outer:\n    items = []\n    class Inner:\n        items = None\n        def f(self):\n            self.items.append(1)\n",
      ruffDiffers: "the `self` that appends is Inner's",
    },
    {
      code: "class A:\n    __match_args__ = ['x']\n",
      ruffDiffers: "dunder class attributes are class-level by design",
    },
  ],
  invalid: [
    {
      code: "class A:\n    x = []\n    def add(self, v):\n        self.x.append(v)\n",
      at: "2:9-2:11",
      message:
        "Mutable class attribute `x` is changed in place (line 4) and shared by every instance: create it in `__init__` if each instance needs its own, or annotate it `ClassVar[list]` if sharing is intended",
    },
    {
      // Judged per class: B's `self.handlers.append(...)` says nothing of A's list.
      code: "class A:\n    handlers = []\n\nclass B:\n    handlers = []\n    def add(self, h):\n        self.handlers.append(h)\n",
      at: "5:16-5:18",
      ruffDiffers: "A's list is never changed in place",
    },
    {
      // A subclass that does not define its own list appends to the base's.
      code: "class Base:\n    seen = set()\n\nclass Child(Base):\n    def visit(self, x):\n        self.seen.add(x)\n",
      at: "2:12-2:17",
      message: "`ClassVar[set]`",
    },
    {
      code: "class A:\n    x: list = []\n    @classmethod\n    def reset(cls):\n        cls.x.clear()\n",
      at: "2:15-2:17",
    },
    {
      code: "class A:\n    x = {}\n    y = set()\n    def f(self, k):\n        self.x[k] = 1\n        self.y |= {k}\n",
      at: ["2:9-2:11", "3:9-3:14"],
    },
    {
      code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    x = []\nA.x.extend([1])\n",
      at: "4:9-4:11",
    },
    {
      code: "class A:\n    handlers = [h for h in x]\n    def drop(self, k):\n        del self.handlers[k]\n",
      at: "2:16-2:30",
    },
    { code: "class A:\n    a = b = {}\n    def f(self):\n        self.a.update(c=1)\n", at: "2:13-2:15" },
    {
      code: "class A:\n    _fields_ = [('x', int)]\n    def f(self):\n        self._fields_ += [('y', int)]\n",
      at: "2:16-2:28",
    },
  ],
});

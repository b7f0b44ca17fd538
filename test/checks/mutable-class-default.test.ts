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
      code: "class A:\n    __match_args__ = ['x']\n",
      ruffDiffers: "dunder class attributes are class-level by design",
    },
  ],
  invalid: [
    { code: "class A:\n    x = []\n    def add(self, v):\n        self.x.append(v)\n", at: "2:9-2:11" },
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

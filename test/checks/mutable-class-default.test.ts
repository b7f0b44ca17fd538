import check from "../../checks/idioms/mutable-class-default.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
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
    { code: "class A:\n    x = []\n", at: "2:9-2:11" },
    { code: "class A:\n    x: list = []\n", at: "2:15-2:17" },
    { code: "class A:\n    x = {}\n    y = set()\n", at: ["2:9-2:11", "3:9-3:14"] },
    { code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    x = []\n", at: "4:9-4:11" },
    { code: "class A:\n    handlers = [h for h in x]\n", at: "2:16-2:30" },
    { code: "class A:\n    a = b = {}\n", at: "2:13-2:15" },
    { code: "class A:\n    _fields_ = [('x', int)]\n", at: "2:16-2:28" },
  ],
});

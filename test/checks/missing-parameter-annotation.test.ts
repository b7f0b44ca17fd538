import check from "../../checks/typing/missing-parameter-annotation.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // The implementation of an overloaded function: the overloads carry the types.
    "from typing import overload\n@overload\ndef f(a: int) -> int: ...\n@overload\ndef f(a: str) -> str: ...\ndef f(a):\n    return a\n",
    "import typing\nclass A:\n    @typing.overload\n    def m(self, a: int) -> int: ...\n    @typing.overload\n    def m(self, a: str) -> str: ...\n    def m(self, a):\n        return a\n",
    {
      code: "def escape(s, quote=True):  # type: ignore\n    return s\n",
      ruffDiffers: "the def opts out of type checking: annotating it is not the team's intent",
    },
    {
      code: "def escape(s, quote=True):\n    # type: (str, bool) -> str\n    return s\n",
      ruffDiffers: "a PEP 484 type comment carries the types",
    },
    {
      code: "class TestLoad:\n    def test_reads(self, tmp_path):\n        assert load(tmp_path)\n",
      path: "tests/test_load.py",
      ruffDiffers: "test files are not checked",
    },
    "def f(a: int, *args, **kwargs) -> None:\n    pass\n",
    "class A:\n    def m(self, a: int) -> None:\n        pass\n    @classmethod\n    def c(cls) -> None:\n        pass\n",
    { code: "def _f(a):\n    pass\n", ruffDiffers: "private functions are not checked" },
    { code: "def outer() -> None:\n    def inner(a):\n        pass\n", ruffDiffers: "nested functions are not public" },
    "lambda a: a\n",
    {
      code: "def f(a):\n    pass\n",
      path: "pkg/mod.py",
      project: { paths: ["pkg/mod.py", "pkg/mod.pyi"] },
      ruffDiffers: "the module's types live in its .pyi stub",
    },
    { code: "def walk(self):\n    pass\n", ruffDiffers: "a method defined outside its class: self is not annotated" },
    {
      code: "@classmethod\ndef from_dict(cls, d: dict) -> None:\n    pass\n",
      ruffDiffers: "a classmethod attached to its class later: cls is not annotated",
    },
  ],
  invalid: [
    {
      code: "from typing import overload\n@overload\ndef f(a: int) -> int: ...\ndef g(a) -> int:\n    return a\n",
      at: "4:7-4:8",
    },
    { code: "def f(a, b: int):\n    pass\n", at: "1:7-1:8" },
    {
      code: "def f(a, *, b=1) -> None:\n    pass\n",
      at: "1:7-1:8",
      message: "Parameters `a` and `b` have no type annotation",
    },
    {
      code: "def connect(\n    host,\n    port: int,\n    user,\n    password=None,\n) -> None:\n    pass\n",
      at: "2:5-2:9",
      message: "Parameters `host`, `user` and `password` have no type annotation",
      ruffDiffers: "one finding per function; Ruff reports each parameter, here on three lines",
    },
    { code: "class A:\n    def __init__(self, x):\n        pass\n", at: "2:24-2:25" },
    { code: "class A:\n    @staticmethod\n    def s(x) -> None:\n        pass\n", at: "3:11-3:12" },
    { code: "def __getattr__(name):\n    pass\n", at: "1:17-1:21" },
    { code: "class A:\n    def m(  # comment\n        self, x):\n        pass\n", at: "3:15-3:16" },
  ],
});

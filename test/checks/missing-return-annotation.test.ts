import check from "../../checks/typing/missing-return-annotation.js";
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
    "def f() -> None:\n    pass\n",
    "def _f():\n    pass\n",
    "class _A:\n    def m(self):\n        pass\n",
    "def outer() -> None:\n    def inner():\n        pass\n",
    "class A:\n    def __init__(self):\n        pass\n",
    "from typing import overload\n@overload\ndef f(a: int) -> int: ...\n",
    "__all__ = ['g']\ndef f():\n    pass\ndef g() -> None:\n    pass\n",
    "__all__ = 'g', 'h'\nclass A:\n    def m(self):\n        pass\n",
    "class A:\n    @classmethod\n    def c(cls):\n        pass\n",
    {
      code: "def f(a: int):\n    pass\n",
      path: "pkg/mod.py",
      project: { paths: ["pkg/mod.py", "pkg/mod.pyi"] },
      ruffDiffers: "the module's types live in its .pyi stub",
    },
  ],
  invalid: [
    {
      code: "from typing import overload\n@overload\ndef f(a: int) -> int: ...\ndef g(a):\n    return a\n",
      at: "4:5-4:6",
    },
    { code: "def f(a, b: int):\n    pass\n", at: "1:5-1:6" },
    { code: "class A:\n    def m(self, y):\n        pass\n", at: "2:9-2:10" },
    { code: "class A:\n    @property\n    def p(self):\n        return 1\n", at: "3:9-3:10" },
    { code: "async def fetch(url: str):\n    pass\n", at: "1:11-1:16" },
    { code: "if True:\n    def f():\n        pass\n", at: "2:9-2:10" },
    { code: "def g(a: int):\n    pass\n", path: "pkg/mod.py", project: { paths: ["pkg/mod.py"] }, at: "1:5-1:6" },
  ],
});

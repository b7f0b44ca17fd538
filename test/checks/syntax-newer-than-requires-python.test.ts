import check from "../../checks/packaging/syntax-newer-than-requires-python.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    { code: "match x:\n    case 1:\n        pass\n", python: "3.10" },
    { code: "if (n := len(a)) > 10:\n    pass\n", python: "3.8" },
    // without `as`, `with (a, b):` is a tuple in old Pythons (and fails at run time, not here)
    { code: "with (a, b):\n    pass\nwith (a, b) as c:\n    pass\n", python: "3.7" },
    // annotations are not evaluated under the future import, in strings, or inside a function body
    {
      code: "from __future__ import annotations\n\n\ndef f(x: int | None) -> str | None:\n    y: int | str = 1\n",
      python: "3.7",
    },
    { code: 'def f(x: "int | None") -> "str | None":\n    y: int | str = 1\n    return y\n', python: "3.9" },
    // `|` between values, not types
    { code: "import re\nflags = re.I | re.M\nmask = a | b\nboth = {1} | {2}\n", python: "3.7" },
    {
      code: "import sys\nif sys.version_info >= (3, 10):\n    Alias = int | str\nif TYPE_CHECKING:\n    Other = int | None\n",
      python: "3.9",
    },
    { code: "def f[T](x: T) -> T:\n    return x\n\n\ntype Pair = tuple[int, int]\n", python: "3.12" },
    { code: 'x = f\'{a["b"]}\'\ny = f"{a[\'b\']}"\nz = f"""{a["b"]}"""\n', python: "3.8" },
    { code: "def f(a, /, b=1):\n    pass\n", python: "3.8" },
    { code: 'width = f"{x:=10}"\ndebug = f"{x=}"\n', python: "3.8" },
    { code: 'width = f"{x:=^10}"\n', python: "3.7" },
    { code: "f = lambda: 1\nprint(f())\ntype(self).saved = 1\n", python: "3.7" },
    {
      code: "from collections.abc import Mapping, Sequence\n\nflags = Sequence.__flags__ | Mapping.__flags__\n",
      python: "3.7",
    },
    { code: "def f(x: int | None) -> None:\n    pass\n", path: "pkg/_compat_py310.py", python: "3.8" },
    {
      code: "match command:\n    case _:\n        pass\n",
      python: "3.10",
      project: { files: { "pyproject.toml": '[project]\nrequires-python = ">=3.10"\n' } },
    },
  ],
  invalid: [
    {
      code: "match command:\n    case 'stop':\n        pass\n",
      python: "3.11",
      project: { files: { "pyproject.toml": '[project]\nrequires-python = ">=3.8"\n' } },
      at: "1:1-1:6",
      message: "The `match` statement needs Python 3.10, but `requires-python` allows Python 3.8",
    },
    {
      code: "match command:\n    case 'go':\n        pass\nmatch other:\n    case _:\n        pass\n",
      python: "3.9",
      at: "1:1-1:6",
      message: "The `match` statement needs Python 3.10, but the project targets Python 3.9",
    },
    { code: "if (n := len(a)) > 10:\n    print(n := 2)\n", python: "3.7", at: "1:5-1:16", message: "Python 3.8" },
    { code: "try:\n    pass\nexcept* ValueError:\n    pass\n", python: "3.10", at: "3:1-3:8", message: "`except*`" },
    { code: "def first[T](xs: list[T]) -> T:\n    return xs[0]\n", python: "3.11", at: "1:10-1:13" },
    { code: "class Box[T]:\n    pass\n", python: "3.11", at: "1:10-1:13" },
    { code: "type Pair = tuple[int, int]\n", python: "3.11", at: "1:1-1:5", message: "`type` alias" },
    {
      code: "with (open(a) as f, open(b) as g):\n    pass\n",
      python: "3.8",
      at: "1:6-1:34",
      message: "Python 3.9",
    },
    { code: "with (open(a) as f):\n    pass\n", python: "3.8", at: "1:6-1:20" },
    { code: 'print(f"{value=}")\n', python: "3.7", at: "1:9-1:17", message: "`=` specifier" },
    { code: "def f(a, /, b):\n    pass\n", python: "3.7", at: "1:10-1:11", message: "positional-only" },
    { code: "if isinstance(x, int | str):\n    pass\n", python: "3.9", at: "1:18-1:27", message: "run-time `X | Y`" },
    {
      code: "from typing import Optional\n\n\ndef f(x: Optional[int] | None = None) -> list[int] | None:\n    pass\n",
      python: "3.9",
      at: "4:10-4:30",
      message: "from __future__ import annotations",
    },
    { code: "class C:\n    x: int | None = None\n", python: "3.9", at: "2:8-2:18" },
    { code: "class Node:\n    pass\n\n\nMaybeNode = Node | None\n", python: "3.8", at: "5:13-5:24" },
    { code: 'x = f"{a["b"]}"\n', python: "3.11", at: "1:5-1:16", message: "PEP 701" },
    { code: "x = f\"{'\\n'.join(a)}\"\n", python: "3.11", at: "1:5-1:22" },
    { code: 'def greet(name):\n    return t"Hello {name}"\n', python: "3.13", at: "2:12-2:27", message: "Python 3.14" },
  ],
});

import check from "../../checks/packaging/undefined-name-in-all.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    '__all__ = ["a", "b"]\na = 1\n\n\ndef b():\n    pass\n',
    'from x import *\n\n__all__ = ["a", "b"]\n',
    '__all__ = ["a", "b", "c", "d", "e"]\n(a, b), c = 1, 2\nd: int = 1\ne += 1\n',
    '__all__ = ["f", "g"]\nif x:\n    f = 1\ntry:\n    import g\nexcept ImportError:\n    g = None\n',
    '__all__ = ["h"]\n\n\ndef setup():\n    global h\n    h = 1\n',
    '__all__ = ["j", "k", "l", "m"]\nj: int\nfor k in range(3):\n    pass\nwith open(x) as l:\n    pass\nif (m := 1):\n    pass\n',
    'import os\nimport a.b\nfrom . import c\nfrom .. import d as e\n\n__all__ = ["os", "a", "c", "e"]\n',
    '__all__ = ["print", "__name__", "__doc__", "__file__"]\n',
    '__all__ = ["T", "n"]\n\nfrom typing import TypeVar\n\nT = TypeVar("T")\nn = [(z := 1) for _ in range(3)]\n',
    '__all__ = ["Foo"]\nif TYPE_CHECKING:\n    from m import Foo\n',
    '__all__ = list(["a"]) + other.__all__\na = 1\n',
    // the near miss for F822 in `__init__.py`: Ruff skips such files; peptalk too unless the file list proves it.
    {
      code: '__all__ = ["sub"]\n',
      path: "pkg/__init__.py",
      ruffDiffers: "the oracle runs without a path; Ruff (stable) does not apply F822 to `__init__.py`",
    },
    {
      code: '__all__ = ["sub", "subpkg"]\n',
      path: "pkg/__init__.py",
      project: { paths: ["pkg/__init__.py", "pkg/sub.py", "pkg/subpkg/__init__.py"] },
      ruffDiffers: "the oracle runs without a path; `sub` is a submodule that `import *` loads",
    },
    {
      code: '__all__ = ["lazy"]\n\n\ndef __getattr__(name):\n    return 1\n',
      ruffDiffers: "a module `__getattr__` (PEP 562) can provide the name lazily",
    },
    {
      code: '__all__ = ["CO_NESTED"]\nfor k, v in FLAGS.items():\n    globals()["CO_" + v] = k\n',
      ruffDiffers: "the module writes its own namespace through `globals()`",
    },
    {
      code: '__all__ = ["A", "RegexFlag"]\n\n\n@enum.global_enum\nclass RegexFlag(enum.IntFlag):\n    A = 1\n',
      ruffDiffers: "`@enum.global_enum` copies the members into the module",
    },
    '__all__ = ["a"]\n__all__.extend(["a"])\n__all__.append("a")\na = 1\n',
  ],
  invalid: [
    { code: '__all__ = ["a", "b"]\na = 1\n', at: "1:17-1:20", message: "`b`" },
    { code: '__all__ = ["o"]\n\n\nclass C:\n    o = 1\n', at: "1:12-1:15" },
    { code: '__all__ = ["i"]\n\n\ndef other():\n    i = 1\n', at: "1:12-1:15" },
    { code: '__all__ = ["a"]\n__all__ += ["c"]\na = 1\n', at: "2:13-2:16" },
    { code: 'import os\n\n__all__ = ["os", "path"]\n', at: "3:18-3:24" },
    { code: '__all__ = ["n"]\n[n for n in range(3)]\n', at: "1:12-1:15" },
    { code: '__all__ = ["a"]\nimport m\nm.a = 1\nb[0] = 1\n', at: "1:12-1:15" },
    { code: '__all__: list[str] = ["s"]\n', at: "1:23-1:26" },
    { code: '__all__ = ["x"]\nprint(vars(obj))\n', at: "1:12-1:15" },
    { code: 'if x:\n    __all__ = ["q1"]\nelse:\n    __all__ = ["q2"]\n', at: ["2:16-2:20", "4:16-4:20"] },
    {
      code: '__all__ = ["a"]\n__all__.extend(["d"])\n__all__.append("e")\na = 1\n',
      at: ["2:17-2:20", "3:16-3:19"],
      ruffDiffers: "Ruff does not read `__all__.extend()` / `.append()`",
    },
    {
      code: '__all__ = ["gone"]\n',
      path: "pkg/__init__.py",
      project: { paths: ["pkg/__init__.py", "pkg/other.py"] },
      at: "1:12-1:18",
    },
  ],
});

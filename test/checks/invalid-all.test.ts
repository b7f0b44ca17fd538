import check from "../../checks/packaging/invalid-all.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    '__all__ = ["a", "b"]\n',
    '__all__ = ("a",)\n__all__ += ["b"]\n__all__ += other.__all__\n',
    '__all__ = ["a" "b", ("c"), r"d", u"e"]\n',
    '__all__ = list({"a"}) + tuple(x) + [n for n in names]\n',
    "__all__ = __all__ + mod.__all__\n",
    "class C:\n    __all__ = 1\n\n\ndef f():\n    __all__ = 1\n",
    "__all__: list[str]\n__all__ = list()\n",
    "__all__ = []\n__all__.extend(names)\n__all__.append(name)\n",
    '__all__ = a = ["x"]\n__all__ = (x := ["a"])\n',
    // values Ruff cannot read but that are lists or tuples all the same
    { code: '_names = ["a"]\n__all__ = ["b"] + _names\n', ruffDiffers: "`_names` is a list: not certainly invalid" },
    { code: '__all__ = ["a"]\n__all__ += other\n', ruffDiffers: "`other` may well be a list" },
    { code: '__all__ = sorted(["b", "a"])\n', ruffDiffers: "`sorted()` returns a list" },
    { code: '__all__ = [*base.__all__, "a"]\n', ruffDiffers: "the starred names are strings at run time" },
    { code: 'NAME = "a"\n__all__ = [NAME, f"b"]\n', ruffDiffers: "`NAME` and the f-string are strings" },
    { code: '__all__ = ["a"] * 2\n', ruffDiffers: "a list times an int is a list" },
  ],
  invalid: [
    {
      code: "__all__ = [('first_public_name', 'second_public_name', 'third')]\n",
      at: "1:1-1:8",
      message: "`('first_public_name',` … in `__all__` is not a string",
    },
    { code: '__all__ = [1, "a"]\n', at: "1:1-1:8", message: "`1` in `__all__` is not a string" },
    {
      code: "def load():\n    pass\n\n\n__all__ = [load]\n",
      at: "5:1-5:8",
      message: '`load` in `__all__` is not a string: a star import of this module raises `TypeError`; write `"load"`',
    },
    { code: '__all__ = "a"\n', at: "1:1-1:8", message: "each character" },
    { code: '__all__ = ("a")\n', at: "1:1-1:8", message: "is a string" },
    { code: '__all__ = {"a"}\n', at: "1:1-1:8", message: '`{"a"}`' },
    { code: "if x:\n    __all__ = 1\n", at: "2:5-2:12" },
    { code: '__all__ = ("a", "b") if x else "c"\n', at: "1:1-1:8" },
    { code: '__all__ = [b"a"]\n', at: "1:1-1:8", message: "bytes" },
    { code: '__all__ = ["a"]\n__all__ += "b"\n', at: "2:1-2:8" },
    { code: '__all__ = ["a", None] + ("b" for b in x)\n', at: ["1:1-1:8", "1:1-1:8"] },
  ],
});

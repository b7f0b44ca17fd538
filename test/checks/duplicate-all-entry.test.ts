import check from "../../checks/packaging/duplicate-all-entry.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    '__all__ = ["a", "b"]\n',
    '__all__ = ["a"]\n__all__ = ["a", "b"]\n',
    'if sys.platform == "win32":\n    __all__ = ["a", "b"]\nelse:\n    __all__ = ["a"]\n',
    '__all__ = ["a"]\nif x:\n    __all__ += ["b"]\nelse:\n    __all__ += ["b"]\n',
    '__all__ = ["a", "A", "a_"]\n',
    'class C:\n    __all__ = ["a", "a"]\n',
    '__all__ = ["a"]\nif x:\n    __all__ = []\n__all__ += ["a"]\n',
  ],
  invalid: [
    {
      code: '__all__ = ["a", "b", "a"]\n',
      at: "1:22-1:25",
      message: "`a` is already in `__all__` (line 1)",
      output: '__all__ = ["a", "b"]\n',
      safety: "safe",
    },
    { code: '__all__ = ["a", "a", "b"]\n', at: "1:17-1:20", output: '__all__ = ["a", "b"]\n', safety: "safe" },
    {
      code: '__all__ = [\n    "a",\n    "b",\n    "a",\n]\n',
      at: "4:5-4:8",
      message: "(line 2)",
      output: '__all__ = [\n    "a",\n    "b",\n]\n',
      safety: "safe",
    },
    {
      code: '__all__ = ["a", "b"]\n__all__ += ["c", "b"]\n',
      at: "2:18-2:21",
      output: '__all__ = ["a", "b"]\n__all__ += ["c"]\n',
      safety: "safe",
    },
    {
      code: '__all__ = ["a", "b"]\n__all__.extend(("b", "c"))\n',
      at: "2:17-2:20",
      output: '__all__ = ["a", "b"]\n__all__.extend(("c"))\n',
      safety: "safe",
    },
    { code: '__all__ = ["a"]\n__all__.append("a")\n', at: "2:16-2:19", output: null },
    { code: '__all__ = ("a", "a")\n', at: "1:17-1:20", output: null },
    {
      code: '__all__ = ["a"]\nif x:\n    __all__ += ["a"]\n',
      at: "3:17-3:20",
      output: '__all__ = ["a"]\nif x:\n    __all__ += []\n',
      safety: "safe",
    },
    {
      code: '__all__ = ["a", "b",\n           "c", "a",\n           "d"]\n',
      at: "2:17-2:20",
      output: '__all__ = ["a", "b",\n           "c",\n           "d"]\n',
      safety: "safe",
    },
    { code: '__all__ = ["a"] + ["a"]\n', at: "1:20-1:23", output: '__all__ = ["a"] + []\n', safety: "safe" },
  ],
});

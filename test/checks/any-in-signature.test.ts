import check from "../../checks/typing/any-in-signature.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // The implementation of an overloaded function: the overloads carry the types.
    "from typing import Any, overload\n@overload\ndef f(a: int) -> int: ...\n@overload\ndef f(a: str) -> str: ...\ndef f(a: Any) -> Any:\n    return a\n",
    {
      code: "from typing import Any\ndef _f(a: Any) -> None:\n    pass\n",
      ruffDiffers: "private functions are not checked",
    },
    "def f(a: object) -> object:\n    pass\n",
    "from typing import Any\nx: Any = 1\n",
    "Any = int\ndef f(a: Any) -> None:\n    pass\n",
    "from typing import Any\ndef f(a: list[Any]) -> None:\n    pass\n",
    {
      code: "from typing import Any\ndef f(a: Any) -> None:\n    pass\n",
      path: "pkg/mod.py",
      project: { paths: ["pkg/mod.py", "pkg/mod.pyi"] },
      ruffDiffers: "the module's types live in its .pyi stub",
    },
  ],
  invalid: [
    { code: "from typing import Any\ndef f(a: Any) -> Any:\n    pass\n", at: ["2:10-2:13", "2:18-2:21"] },
    { code: "import typing\ndef f(a: typing.Any) -> None:\n    pass\n", at: "2:10-2:20" },
    {
      code: "from typing import Any\nclass A:\n    def m(self, x: Any = None) -> None:\n        pass\n",
      at: "3:20-3:23",
    },
    { code: "from typing import Any\ndef load() -> Any:\n    pass\n", at: "2:15-2:18" },
    { code: "from typing import Any\ndef f(*args: Any) -> None:\n    pass\n", at: "2:14-2:17" },
    { code: "from typing import Any as A\ndef f(a: A) -> None:\n    pass\n", at: "2:10-2:11" },
    {
      code: "from typing import Any\nclass A:\n    def m(  # comment\n        self, x: Any) -> None:\n        pass\n",
      at: "4:18-4:21",
    },
  ],
});

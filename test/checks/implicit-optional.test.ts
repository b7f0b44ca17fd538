import check from "../../checks/typing/implicit-optional.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from typing import Optional\ndef f(x: Optional[int] = None):\n    pass\n",
    { code: "def f(x: int | None = None):\n    pass\n", python: "3.10" },
    "from typing import Any\ndef f(x: Any = None):\n    pass\n",
    "def f(x: object = None):\n    pass\n",
    // `None` is hashable (Ruff agrees).
    "from collections.abc import Hashable\nimport typing\ndef clone(seed: Hashable = None, bind_to: typing.Hashable = None):\n    pass\n",
    "def f(x: int = 0):\n    pass\n",
    "from . import events\ndef f(loop: events.Loop = None):\n    pass\n",
    "from typing import Union\ndef f(x: Union[int, None] = None):\n    pass\n",
    { code: 'def f(x: "int" = None):\n    pass\n', ruffDiffers: "forward references are not read" },
    {
      code: "class D:\n    def __get__(self, obj: object, type: type = None) -> int:  # type: ignore\n        return 1\n    def g(\n        self,\n        name: str = None,  # type: ignore[assignment]\n    ):\n        pass\n",
      ruffDiffers: "`# type: ignore` on the def: the team silenced the type checker there",
    },
  ],
  invalid: [
    {
      code: "def f(x: int = None):\n    pass\n",
      python: "3.10",
      at: "1:10-1:13",
      output: "def f(x: int | None = None):\n    pass\n",
      safety: "unsafe",
    },
    {
      code: "from typing import Optional\ndef f(x: int = None):\n    pass\n",
      at: "2:10-2:13",
      output: "from typing import Optional\ndef f(x: Optional[int] = None):\n    pass\n",
      safety: "unsafe",
    },
    { code: "def g(x: int = None):\n    pass\n", at: "1:10-1:13", output: null },
    {
      code: "def f(x: list[str] = None):\n    pass\n",
      python: "3.12",
      at: "1:10-1:19",
      output: "def f(x: list[str] | None = None):\n    pass\n",
      safety: "unsafe",
    },
    {
      code: "def f(*, x: int | str = None):\n    pass\n",
      python: "3.10",
      at: "1:13-1:22",
      output: "def f(*, x: int | str | None = None):\n    pass\n",
      safety: "unsafe",
    },
  ],
});

import check from "../../checks/typing/deprecated-typing-alias.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "x: list[int] = []\n",
    { code: "from typing import List\nx = List\n", ruffDiffers: "only annotations are rewritten" },
    "from typing import Sequence\nx: Sequence[int] = []\n",
    "List = 1\nx: List = []\n",
    "import typing\nx: typing.Sequence[int] = []\n",
  ],
  invalid: [
    {
      code: "from typing import List\nx: List[int] = []\n",
      at: "2:4-2:8",
      output: "from typing import List\nx: list[int] = []\n",
      safety: "unsafe",
    },
    // Safe where annotations are not evaluated at run time, or the target is 3.10+ (as Ruff).
    {
      code: "from typing import List\nnames: List[str] = []\n",
      python: "3.10",
      at: "2:8-2:12",
      output: "from typing import List\nnames: list[str] = []\n",
      safety: "safe",
    },
    {
      code: "from __future__ import annotations\nfrom typing import List\nx: List[int] = []\n",
      at: "3:4-3:8",
      output: "from __future__ import annotations\nfrom typing import List\nx: list[int] = []\n",
      safety: "safe",
    },
    {
      code: "from typing import List\ndef f() -> List[int]: ...\n",
      path: "pkg/module.pyi",
      at: "2:12-2:16",
      output: "from typing import List\ndef f() -> list[int]: ...\n",
      safety: "safe",
    },
    {
      code: "from typing import Dict\ndef f(a: Dict[str, int]) -> None:\n    pass\n",
      at: "2:10-2:14",
      output: "from typing import Dict\ndef f(a: dict[str, int]) -> None:\n    pass\n",
      safety: "unsafe",
    },
    { code: "import typing\nx: typing.List[int] = []\n", at: "2:4-2:15", output: "import typing\nx: list[int] = []\n" },
    {
      code: "from typing import Tuple, Set\ndef f() -> Tuple[Set[int], int]:\n    pass\n",
      at: ["2:12-2:17", "2:18-2:21"],
      output: "from typing import Tuple, Set\ndef f() -> tuple[set[int], int]:\n    pass\n",
    },
    {
      code: "from typing import Type\nx: Type = int\n",
      at: "2:4-2:8",
      output: "from typing import Type\nx: type = int\n",
    },
  ],
});

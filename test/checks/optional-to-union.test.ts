import check from "../../checks/typing/optional-to-union.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    { code: "x: int | None = None\n", python: "3.10" },
    { code: "from typing import Optional\nx: Optional['A'] = None\n", python: "3.10" },
    {
      code: "from typing import Optional\nx = Optional[int]\n",
      python: "3.10",
      ruffDiffers: "only annotations are rewritten",
    },
    { code: "Optional = dict\nx: Optional[int] = None\n", python: "3.10" },
    { code: "from typing import Union\nx: Union[int, None] = None\n", python: "3.10" },
  ],
  invalid: [
    {
      code: "from typing import Optional\nx: Optional[int] = None\n",
      python: "3.10",
      at: "2:4-2:17",
      output: "from typing import Optional\nx: int | None = None\n",
      safety: "safe",
    },
    {
      code: "import typing\nx: typing.Optional[int] = None\n",
      python: "3.10",
      at: "2:4-2:24",
      output: "import typing\nx: int | None = None\n",
      safety: "safe",
    },
    {
      code: "from typing import Optional\ndef f(a: Optional[str] = None) -> Optional[int]:\n    pass\n",
      python: "3.11",
      at: ["2:10-2:23", "2:35-2:48"],
      output: "from typing import Optional\ndef f(a: str | None = None) -> int | None:\n    pass\n",
      safety: "safe",
    },
    {
      code: "from typing import Optional\nx: Optional[list[int]] = None\n",
      python: "3.12",
      at: "2:4-2:23",
      output: "from typing import Optional\nx: list[int] | None = None\n",
      safety: "safe",
    },
    {
      code: "from typing import Optional as Opt\nx: Opt[int] = None\n",
      python: "3.10",
      at: "2:4-2:12",
      output: "from typing import Optional as Opt\nx: int | None = None\n",
      safety: "safe",
    },
  ],
});

import check from "../../checks/idioms/mutable-default-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(a=None, b=(), c=frozenset(), d=0, e='x'):\n    pass\n",
    "from typing import Sequence\ndef f(a: Sequence[int] = []):\n    pass\n",
    "def list():\n    return []\ndef f(a=list()):\n    pass\n",
    "lambda a=[]: a\n",
    "def f(a=tuple([1, 2])):\n    pass\n",
    "x = []\ndef f(a=x):\n    pass\n",
    {
      code: "def f(a=[]) -> None: ...\n",
      path: "pkg/module.pyi",
      ruffDiffers: "the oracle cannot tell Ruff the file is a stub; Ruff skips B006 in `.pyi` files too",
    },
    "from typing import Optional, Sequence\ndef f(a: Optional[Sequence[int]] = []):\n    pass\n",
    "from collections.abc import Mapping\ndef f(a: Mapping[str, int] | None = {}):\n    pass\n",
  ],
  invalid: [
    { code: "def f(a=[]):\n    pass\n", at: "1:9-1:11" },
    { code: "def f(a, b={}, *, c=set()):\n    pass\n", at: ["1:12-1:14", "1:21-1:26"] },
    { code: "def f(a=[x for x in range(3)], b=dict(k=1)):\n    pass\n", at: ["1:9-1:30", "1:34-1:43"] },
    { code: "import collections\ndef f(a=collections.defaultdict(list)):\n    pass\n", at: "2:9-2:38" },
    {
      code: "from collections import deque\nclass A:\n    async def m(self, q=deque()):\n        pass\n",
      at: "3:25-3:32",
    },
    { code: "def f(a: list = []):\n    pass\n", at: "1:17-1:19" },
    {
      code: "from typing import Sequence, Union\ndef f(a: Union[Sequence[int], list] = ([])):\n    pass\n",
      at: "2:40-2:42",
    },
  ],
});

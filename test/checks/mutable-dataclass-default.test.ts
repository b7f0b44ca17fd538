import check from "../../checks/idioms/mutable-dataclass-default.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: list = field(default_factory=list)\n",
    "class A:\n    x: list = []\n",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: tuple = ()\n",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x = []\n",
    "from typing import ClassVar\nfrom dataclasses import dataclass\n@dataclass\nclass A:\n    x: ClassVar[list] = []\n",
  ],
  invalid: [
    {
      code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: list = []\n",
      at: "4:15-4:17",
      message: "use `field(default_factory=list)`",
    },
    {
      code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: list = [1, 2]\n",
      at: "4:15-4:21",
      message: "use `field(default_factory=lambda: [1, 2])`",
    },
    { code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    y: list = list()\n", at: "4:15-4:21" },
    { code: "import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass A:\n    d: dict = {}\n", at: "4:15-4:17" },
    { code: "from dataclasses import dataclass as dc\n@dc\nclass A:\n    s: set = set()\n", at: "4:14-4:19" },
    {
      code: "from dataclasses import dataclass\n@dataclass\nclass A:\n    a: int = 0\n    b: list = [1]\n",
      at: "5:15-5:18",
    },
  ],
});

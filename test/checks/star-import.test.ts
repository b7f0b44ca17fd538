import check from "../../checks/idioms/star-import.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from os import path\n",
    "import os\n",
    "from os.path import join as j, exists\n",
    "s = 'from os import *'\n",
    "# from os import *\nx = 1\n",
    { code: "from typing import *\n", path: "pkg/module.pyi", ruffDiffers: "a stub re-exports with a star import" },
    {
      code: "from babel.messages.catalog import *\n",
      path: "babel/messages/__init__.py",
      ruffDiffers: "a package re-exports its modules",
    },
    {
      code: "from sympy.testing.pytest import *  # noqa:F401\n",
      ruffDiffers: "pyflakes' F401 on a star import is honoured as F403",
    },
  ],
  invalid: [
    { code: "from os import *\n", at: "1:1-1:17" },
    { code: "from . import *\n", at: "1:1-1:16" },
    { code: "from ..pkg.mod import *\n", at: "1:1-1:24" },
    {
      code: "try:\n    from fast import *\nexcept ImportError:\n    from slow import *\n",
      at: ["2:5-2:23", "4:5-4:23"],
    },
    { code: "import sys\nfrom os.path import *\n", at: "2:1-2:22" },
  ],
});

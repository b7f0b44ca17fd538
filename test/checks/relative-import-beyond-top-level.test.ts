import check from "../../checks/packaging/relative-import-beyond-top-level.js";
import { runCheckTable } from "../helpers/check-table.js";

const pkg = { paths: ["pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/mod.py", "pkg/module.py"] };

runCheckTable(check, {
  valid: [
    { code: "from .. import module\n", path: "pkg/sub/mod.py", project: pkg },
    { code: "from . import x\nfrom .module import y\n", path: "pkg/sub/mod.py", project: pkg },
    // the repository root may be a package (plugin repositories): not known without the file list
    { code: "from .. import helpers\n", path: "pkg/module.py" },
    { code: "from .utils import x\n", path: "nodes.py", project: { paths: ["__init__.py", "nodes.py", "utils.py"] } },
    // `company/` has no `__init__.py`: it may be a namespace package
    {
      code: "from ... import shared\n",
      path: "company/product/sub/mod.py",
      project: {
        paths: ["company/product/__init__.py", "company/product/sub/__init__.py", "company/product/sub/mod.py"],
      },
    },
    { code: "from ..... import x\n", path: "a/b/c/d/e/mod.py" },
    "import os\nfrom os import path\n",
  ],
  invalid: [
    {
      code: "from ... import x\n",
      path: "pkg/sub/mod.py",
      project: pkg,
      at: "1:6-1:9",
      message: "climbs 3 package levels",
    },
    {
      code: "from .. import x\n",
      path: "pkg/module.py",
      project: pkg,
      at: "1:6-1:8",
      message: "above the repository root",
    },
    { code: "from ... import config\n", path: "pkg/module.py", at: "1:6-1:9" },
    {
      code: "from .helpers import x\n",
      path: "script.py",
      project: { paths: ["script.py", "helpers.py"] },
      at: "1:6-1:14",
    },
    {
      code: "def f():\n    from ..core import x\n",
      path: "src/pkg/mod.py",
      project: { paths: ["src/pkg/__init__.py", "src/pkg/mod.py", "src/core.py"] },
      at: "2:10-2:16",
      message: "`src/`",
    },
    { code: "from .... import x\n", path: "a/b/mod.py", at: "1:6-1:10" },
  ],
});

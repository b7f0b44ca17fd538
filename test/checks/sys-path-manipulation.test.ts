import check from "../../checks/packaging/sys-path-manipulation.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    'import sys\n\nif __name__ == "__main__":\n    sys.path.insert(0, ".")\n',
    "import sys\n\n\ndef load_plugins(directory):\n    sys.path.append(directory)\n",
    { code: "import sys\nsys.path.insert(0, '..')\n", path: "scripts/release.py" },
    { code: "import sys\nsys.path.append('/usr/lib')\n", path: "pkg/_tests/helper_scripts/hook.py" },
    { code: "import sys, os\nsys.path.insert(0, os.path.abspath('..'))\n", path: "docs/conf.py" },
    { code: "import sys\nsys.path.append('.')\n", path: "setup.py" },
    { code: "import sys\nsys.path.append('src')\n", path: "tests/test_api.py" },
    "#!/usr/bin/env python\nimport sys\nsys.path.append('lib')\n",
    "import sys\nsys.path.insert(0, 'lib')\nfrom app import main\nmain()\n",
    "import sys\nprint(sys.path)\npaths = []\npaths.append('x')\n",
    "my.sys.path.append('x')\n",
    "import sys\n# Ghostwriter should 'just work' from the working directory; we append rather than\n# prepend, so this will never shadow the stdlib or installed packages.\nsys.path.append('.')\n",
    {
      code: "import sys\nsys.path.append('vendor')\nimport app\n",
      path: "run.py",
      project: { paths: ["run.py", "pkg/__init__.py"] },
    },
  ],
  invalid: [
    { code: "import sys\nsys.path.insert(0, 'vendor')\n", at: "2:1-2:29", message: "`sys.path.insert()`" },
    { code: "import sys\nsys.path.append('vendor')\n", at: "2:1-2:26" },
    { code: "from sys import path\npath.extend(['a', 'b'])\n", at: "2:1-2:24", message: "`sys.path.extend()`" },
    { code: "import sys\nsys.path += ['vendor']\n", at: "2:1-2:23" },
    { code: "import sys\nsys.path[0:0] = ['vendor']\n", at: "2:1-2:27" },
    { code: "import sys\ntry:\n    import yaml\nexcept ImportError:\n    sys.path.append('vendor')\n", at: "5:5-5:30" },
    {
      code: "import sys as _sys\n_sys.path.insert(0, 'lib')\n",
      path: "pkg/mod.py",
      project: { paths: ["pkg/__init__.py", "pkg/mod.py"] },
      at: "2:1-2:27",
    },
  ],
});

import check from "../../checks/idioms/print-in-library.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import logging\nlogging.info('x')\n",
    "def main():\n    print('hello')\n",
    "print('x')\nif __name__ == '__main__':\n    print('y')\n",
    { code: "print('main')\n", path: "pkg/__main__.py" },
    { code: "print('script')\n", path: "scripts/release.py" },
    { code: "print('test')\n", path: "tests/test_x.py" },
    "def print(x):\n    pass\nprint('x')\n",
    "import sys\nprint('oops', file=sys.stderr)\n",
    "def dump(node):\n    print(node)\n",
    "#!/usr/bin/env python3\nprint('x')\n",
    "def render(out):\n    print('x', file=out)\n",
  ],
  invalid: [
    { code: "print('x')\n", at: "1:1-1:11" },
    { code: "def sync(items):\n    print('syncing', len(items))\n", at: "2:5-2:33" },
    { code: "class A:\n    def m(self):\n        print(self)\n", at: "3:9-3:20" },
    { code: "def helper():\n    if DEBUG:\n        print('debug')\n", at: "3:9-3:23" },
    { code: "import sys\nprint('x', file=sys.stdout)\n", at: "2:1-2:28" },
  ],
});

import check from "../../checks/idioms/return-in-init.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "class A:\n    def __init__(self):\n        return\n",
    "class A:\n    def __init__(self):\n        return None\n",
    "class A:\n    def __init__(self):\n        def helper():\n            return 1\n        self.x = helper()\n",
    "def __init__(self):\n    return 1\n",
    "class A:\n    def __new__(cls):\n        return object.__new__(cls)\n",
    {
      code: "class Source(GLib.Source):\n    def __init__(self, *args, **kwargs):\n        return super(Source, self).__init__()\nclass B(A):\n    def __init__(self):\n        return A.__init__(self)\n",
      ruffDiffers: "the base `__init__` returns None: nothing but None is returned",
    },
  ],
  invalid: [
    { code: "class A:\n    def __init__(self):\n        return 1\n", at: "3:9-3:17" },
    {
      code: "class A:\n    def __init__(self, x):\n        if not x:\n            return False\n        self.x = x\n",
      at: "4:13-4:25",
    },
    { code: "class A:\n    def __init__(self):\n        return self\n", at: "3:9-3:20" },
    { code: "class A:\n    @decorate\n    def __init__(self):\n        return {}\n", at: "4:9-4:18" },
    { code: "class A:\n    def __init__(self):\n        for x in y:\n            return x\n", at: "4:13-4:21" },
  ],
});

import check from "../../checks/idioms/dict-keys-membership.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "if k in d:\n    pass\n",
    "for k in d:\n    pass\n",
    "if k in d.values():\n    pass\n",
    "if k in d.keys(1):\n    pass\n",
    "for k, v in d.items():\n    pass\n",
    "keys = d.keys()\n",
    "class M:\n    def keys(self):\n        return []\n    def f(self):\n        for k in self.keys():\n            pass\n",
  ],
  invalid: [
    { code: "if k in d.keys():\n    pass\n", at: "1:4-1:17", output: "if k in d:\n    pass\n" },
    { code: "if k not in d.keys():\n    pass\n", at: "1:4-1:21", output: "if k not in d:\n    pass\n" },
    { code: "for k in d.keys():\n    pass\n", at: "1:5-1:18", output: "for k in d:\n    pass\n" },
    { code: "ks = {k: 1 for k in self.cfg.keys()}\n", at: "1:16-1:36", output: "ks = {k: 1 for k in self.cfg}\n" },
    { code: "ok = key in get_map().keys()\n", at: "1:6-1:29", output: "ok = key in get_map()\n" },
  ],
});

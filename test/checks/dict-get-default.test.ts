import check from "../../checks/idioms/dict-get-default.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "v = d.get(k, 0)\n",
    "v = d[k] if k in e else 0\n",
    "v = d[j] if k in d else 0\n",
    "v = d[k] if k not in d else 0\n",
    "v = 0 if k in d else d[k]\n",
    "v = d[k] if k in d else compute()\n",
  ],
  invalid: [
    {
      code: "v = settings['connect_timeout'] if 'connect_timeout' in settings else None\n",
      at: "1:5-1:75",
      message: "Use `settings.get('connect_timeout', None)` instead",
      output: "v = settings.get('connect_timeout', None)\n",
      safety: "unsafe",
    },
    { code: "v = d[k] if k in d else 0\n", at: "1:5-1:26", output: "v = d.get(k, 0)\n", safety: "unsafe" },
    {
      code: "v = cfg['port'] if 'port' in cfg else 8080\n",
      at: "1:5-1:43",
      output: "v = cfg.get('port', 8080)\n",
      safety: "unsafe",
    },
    { code: "v = d[k] if k in d else ''\n", at: "1:5-1:27", output: "v = d.get(k, '')\n", safety: "unsafe" },
    {
      code: "v = self.m[key] if key in self.m else None\n",
      at: "1:5-1:43",
      output: "v = self.m.get(key, None)\n",
      safety: "unsafe",
    },
    { code: "f(d[k] if k in d else default)\n", at: "1:3-1:30", output: "f(d.get(k, default))\n", safety: "unsafe" },
  ],
});

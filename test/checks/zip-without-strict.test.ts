import check from "../../checks/idioms/zip-without-strict.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    { code: "zip(a, b, strict=True)\n", python: "3.10" },
    { code: "zip(a)\n", python: "3.10" },
    { code: "import itertools\nzip(a, itertools.repeat(1))\n", python: "3.10" },
    { code: "from itertools import count\nzip(a, count())\n", python: "3.10" },
    { code: "def zip(*a):\n    return a\nzip(a, b)\n", python: "3.10" },
    { code: "zip(a, b, **options)\n", python: "3.10", ruffDiffers: "`**options` may carry `strict=`" },
  ],
  invalid: [
    { code: "zip(a, b)\n", python: "3.10", at: "1:1-1:10" },
    { code: "zip(*xs)\n", python: "3.10", at: "1:1-1:9" },
    { code: "pairs = list(zip(keys, values, extra))\n", python: "3.11", at: "1:14-1:38" },
    { code: "import itertools\nzip(a, itertools.repeat(1, 3))\n", python: "3.10", at: "2:1-2:31" },
    { code: "for k, v in zip(\n    ks,\n    vs,\n):\n    pass\n", python: "3.12", at: "1:13-4:2" },
  ],
});

import check from "../../checks/idioms/merge-isinstance.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "ok = isinstance(x, (int, str))\n",
    "ok = isinstance(x, int) or isinstance(y, str)\n",
    "ok = isinstance(x, int) and isinstance(x, str)\n",
    "def isinstance(a, b):\n    return 1\nok = isinstance(x, int) or isinstance(x, str)\n",
    "ok = isinstance(x, int) or x is None\n",
    {
      code: "ok = isinstance(o, CoroutineType) or isinstance(o, GeneratorType) and bool(flags) or isinstance(o, Awaitable)\n",
      ruffDiffers: "merging moves the slow ABC check across the compound clause",
    },
    {
      code: "ok = (\n    isinstance(params, (tuple, dict, immutabledict))\n    # only do abc.__instancecheck__ for Mapping after we've checked for plain dictionaries\n    or isinstance(params, Mapping)\n)\n",
      ruffDiffers: "a comment explains the split",
    },
  ],
  invalid: [
    {
      code: "ok = isinstance(x, int) or isinstance(x, str)\n",
      at: "1:6-1:46",
      output: "ok = isinstance(x, (int, str))\n",
      safety: "safe",
    },
    {
      code: "ok = isinstance(x, (int, float)) or isinstance(x, str)\n",
      at: "1:6-1:55",
      output: "ok = isinstance(x, (int, float, str))\n",
      safety: "safe",
    },
    {
      code: "ok = isinstance(a.b, A) or isinstance(a.b, B) or isinstance(a.b, C)\n",
      at: "1:6-1:68",
      output: "ok = isinstance(a.b, (A, B, C))\n",
      safety: "unsafe",
    },
    { code: "ok = x is None or isinstance(x, int) or isinstance(x, str)\n", at: "1:6-1:59", output: null },
    {
      code: "if isinstance(v, A) or isinstance(v, B):\n    pass\n",
      at: "1:4-1:40",
      output: "if isinstance(v, (A, B)):\n    pass\n",
      safety: "unsafe",
    },
    // With `np = None` (numpy missing) the chain returns True for a str; the merged call raises.
    {
      code: "ok = isinstance(x, str) or isinstance(x, np.ndarray)\n",
      at: "1:6-1:53",
      output: "ok = isinstance(x, (str, np.ndarray))\n",
      safety: "unsafe",
    },
    // Only the first call's types are evaluated early: they were evaluated first anyway.
    {
      code: "ok = isinstance(x, np.ndarray) or isinstance(x, list)\n",
      at: "1:6-1:54",
      output: "ok = isinstance(x, (np.ndarray, list))\n",
      safety: "safe",
    },
  ],
});

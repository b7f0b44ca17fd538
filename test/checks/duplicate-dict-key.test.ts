import check from "../../checks/idioms/duplicate-dict-key.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "d = {'a': 1, 'b': 2}\n",
    "d = {x: 1, x: 2}\n",
    "d = {'a': 1, b'a': 2}\n",
    "d = {1: 1, '1': 2}\n",
    "d = {**a, 'k': 1, **b}\n",
    "d = {f'{x}': 1, f'{y}': 2}\n",
    "d = {'\\\\d': 1, r'\\\\d': 2}\n",
    "d = {(1, 2): 1, (2, 1): 2}\n",
    "d = {9007199254740993: 1, 9007199254740992: 2}\n",
    "d = {-1: 1, 1: 2}\n",
  ],
  invalid: [
    {
      code: "d = {'a': 1, 'a': 2}\n",
      at: "1:14-1:17",
      message: "Dictionary key `'a'` is repeated (first on line 1): the earlier value is lost",
    },
    { code: "d = {'a': 1, \"a\": 2}\n", at: "1:14-1:17" },
    {
      code: "d = {1: 1, 1.0: 2, True: 3}\n",
      at: ["1:12-1:15", "1:20-1:24"],
      message: "(first as `1` on line 1)",
    },
    {
      code: "d = {\n    'host': 'a',\n    'port': 1,\n    'host': 'b',\n}\n",
      at: "4:5-4:11",
      message: "Dictionary key `'host'` is repeated (first on line 2): the earlier value is lost",
    },
    { code: "d = {None: 1, None: 2}\n", at: "1:15-1:19" },
    { code: "d = {0x20: 'a', 32: 'b'}\n", at: "1:17-1:19" },
    { code: "d = {f'{x}': 1, f'{x}': 2}\n", at: "1:17-1:23" },
    { code: "d = {'\\n': 1, \"\\x0a\": 2}\n", at: "1:15-1:21" },
    { code: "d = {b'\\x00\\x01': 1, b'\\x00\\x01': 2}\n", at: "1:22-1:33" },
    { code: "d = {r'\\d': 1, '\\\\d': 2}\n", at: "1:16-1:21" },
    { code: "d = {'a' 'b': 1, 'ab': 2}\n", at: "1:18-1:22" },
    { code: "d = {(1, 'x'): 1, (1.0, 'x'): 2}\n", at: "1:19-1:29" },
    { code: "d = {-1: 1, -1.0: 2}\n", at: "1:13-1:17" },
  ],
});

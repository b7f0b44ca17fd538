import check from "../../checks/idioms/unnecessary-comprehension.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "[x * 2 for x in y]\n",
    "[x for x in y if x]\n",
    "[(a, b) for a, b in y]\n",
    "{k: v for v, k in y}\n",
    "[x for y in z for x in y]\n",
    "def f(list):\n    return [x for x in y]\n",
    "async def f():\n    return [x async for x in y]\n",
    {
      code: "def test_iter(self):\n    f1 = self.open()\n    line1 = next(f1)\n    line2 = f1.__next__()\n    lines = [line for line in f1]\n    self.assertEqual(lines, [])\n",
      path: "tests/test_mock.py",
      ruffDiffers: "the test exercises the iteration protocol",
    },
  ],
  invalid: [
    {
      code: "a = [row for row in load_rows(source_path)]\n",
      at: "1:5-1:44",
      message: "use `list(load_rows(source_path))`",
      output: "a = list(load_rows(source_path))\n",
      safety: "safe",
    },
    { code: "a = [x for x in y]\n", at: "1:5-1:19", output: "a = list(y)\n", safety: "safe" },
    { code: "a = {x for x in y}\n", at: "1:5-1:19", output: "a = set(y)\n", safety: "safe" },
    { code: "a = {k: v for k, v in y}\n", at: "1:5-1:25", output: "a = dict(y)\n", safety: "unsafe" },
    // Over a mapping: `{1: 2}` before, `{(1, 2): 3}` after.
    {
      code: "d = {(1, 2): 3}\npairs = {a: b for a, b in d}\n",
      at: "2:9-2:29",
      output: "d = {(1, 2): 3}\npairs = dict(d)\n",
      safety: "unsafe",
    },
    {
      code: "a = [row for row in self.rows()]\n",
      at: "1:5-1:33",
      output: "a = list(self.rows())\n",
      safety: "safe",
    },
    { code: "a = [x for x in y  # all of them\n]\n", at: "1:5-2:2", output: null },
    // The message quotes the iterable exactly, never `list(...)`.
    {
      code: "excluded.extend([x for x in versions[versions.index(newest):]])\n",
      at: "1:17-1:63",
      message: "Unnecessary list comprehension: use `list(versions[versions.index(newest):])`",
      output: "excluded.extend(list(versions[versions.index(newest):]))\n",
      safety: "safe",
    },
    // Outside tests, or without `next()`, it is reported as usual.
    {
      code: "def test_iter(self):\n    f1 = self.open()\n    lines = [line for line in f1]\n    self.assertEqual(lines, [])\n",
      path: "tests/test_mock.py",
      at: "3:13-3:34",
      output: "def test_iter(self):\n    f1 = self.open()\n    lines = list(f1)\n    self.assertEqual(lines, [])\n",
      safety: "safe",
    },
  ],
});

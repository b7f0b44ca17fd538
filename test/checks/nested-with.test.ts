import check from "../../checks/idioms/nested-with.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "with a, b:\n    pass\n",
    "with a:\n    x = 1\n    with b:\n        pass\n",
    "async def f():\n    async with a:\n        with b:\n            pass\n",
    "with a:\n    with b:\n        pass\n    done()\n",
    "with a:\n    pass\n",
    {
      code: "def test(self):\n    with self.assertRaises(TestException):\n        with self.reservedFD:\n            raise TestException()\n",
      ruffDiffers: "the assertion wraps the manager under test",
    },
    {
      code: "def test():\n    with pytest.raises(ValueError) as info:\n        with open_thing():\n            pass\n",
      ruffDiffers: "the assertion wraps the manager under test",
    },
    {
      code: 'def test(self):\n    with ExpectLog(gen_log, "Malformed HTTP message", level=logging.INFO,):\n        with self.assertRaises(HTTPStreamClosedError):\n            self.fetch()\n',
      ruffDiffers: "merged header too long without parenthesised with (< 3.10)",
    },
    {
      code: "with open(\n    source_path,\n) as fin:\n    with open(dst) as fout:\n        pass\n",
      ruffDiffers: "multi-line manager, < 3.10",
    },
    {
      code: "def test(self):\n    with self.assertNoStderr():\n        with self.assertRaises(self.failureException):\n            run()\n",
      ruffDiffers: "the assertion wraps the manager under test",
    },
    {
      code: "def test(self):\n    with self.subTest(foo=1):\n        with self.subTest(baz=2, bar=3):\n            run()\n",
      ruffDiffers: "nested subTest scopes are the test's structure",
    },
  ],
  invalid: [
    { code: "with a:\n    with b:\n        pass\n", at: "1:1-2:12" },
    { code: "with open(x) as f:\n    with open(y) as g:\n        g.write(f.read())\n", at: "1:1-2:23" },
    { code: "async def f():\n    async with a:\n        async with b:\n            pass\n", at: "2:5-3:22" },
    { code: "with a:\n    with b:\n        with c:\n            pass\n", at: "1:1-2:12" },
    { code: "def f():\n    with lock:\n        with session() as s:\n            return s\n", at: "2:5-3:29" },
    {
      code: "with open(\n    source_path,\n) as fin:\n    with open(dst) as out:\n        pass\n",
      python: "3.10",
      at: "1:1-4:27",
    },
    { code: "with lock:\n    with self.assertRaises(E):\n        pass\n", at: "1:1-2:31" },
  ],
});

import check from "../../checks/testing/raises-with-multiple-statements.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const head = "import pytest\ndef test_a():\n";

runCheckTable(check, {
  valid: [
    { code: `${head}    with pytest.raises(ValueError):\n        f()  # the call\n`, path },
    {
      code: `${head}    with pytest.raises(ValueError):\n        for _ in gen():\n            pass\n    with pytest.raises(ValueError):\n        for _ in gen():\n            ...\n`,
      path,
    },
    { code: `${head}    with pytest.raises(ValueError), open("x"):\n        @decorate\n        def g(): pass\n`, path },
    {
      code: `${head}    with pytest.raises(ValueError):\n        with ctx():\n            f()\n    with pytest.raises(ValueError):\n        class A(Base): x = 1\n`,
      path,
    },
    { code: `${head}    with open("x"):\n        a()\n        b()\n`, path },
    { code: "def test_a(raises):\n    with raises(ValueError):\n        a()\n        b()\n", path },
    {
      code: `${head}    with pytest.raises(ValueError):\n        a = 1\n        g(a)\n`,
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
  ],
  invalid: [
    {
      code: `${head}    with pytest.raises(ValueError):\n        a = 1\n        f(a)\n`,
      path,
      at: "3:5-3:35",
      message: "any of them raising passes the test",
    },
    { code: `${head}    with pytest.raises(ValueError) as e: f(); g()\n`, path, at: "3:5-3:40" },
    {
      code: `${head}    with pytest.raises(ValueError):\n        if x:\n            f()\n    with pytest.raises(ValueError):\n        for _ in gen():\n            f()\n`,
      path,
      at: ["3:5-3:35", "6:5-6:35"],
    },
    {
      code: `${head}    with pytest.raises(ValueError):\n        with ctx():\n            f()\n            g()\n    with pytest.raises(ValueError):\n        try:\n            f()\n        finally:\n            g()\n`,
      path,
      at: ["3:5-3:35", "7:5-7:35"],
    },
    {
      code: `${head}    with (\n        pytest.raises(ValueError),\n    ):\n        with ctx():\n            if x: f()\n`,
      path,
      at: "3:5-5:6",
    },
    {
      code: "from pytest import raises\nclass TestA:\n    async def test_a(self):\n        async with raises(ValueError):\n            await f()\n            await g()\n",
      path,
      at: "4:9-4:38",
    },
  ],
});

import check from "../../checks/testing/raises-with-multiple-statements.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const head = "import pytest\ndef test_a():\n";
const setupOnly = "setup before the one call that raises is the suite's style, not a defect (networkx)";

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
    { code: `${head}    with pytest.raises(ValueError):\n        a = 1\n        f(a)\n`, path, ruffDiffers: setupOnly },
    {
      code: `${head}    with pytest.raises(nx.NetworkXError):\n        G = nx.Graph()\n        G.add_node(1)\n        G.add_node(2)\n        harmonic_function(G)\n`,
      path,
      ruffDiffers: setupOnly,
    },
    {
      code: `${head}    with pytest.raises(ValueError):\n        if x:\n            f()\n    with pytest.raises(ValueError):\n        for _ in gen():\n            f()\n    with pytest.raises(ValueError):\n        while True:\n            f()\n`,
      path,
      ruffDiffers: "an `if`, a loop over an iterator or `while True` around the raising call tests one failure",
    },
    {
      code: `${head}    with pytest.raises(ValueError):\n        with ctx():\n            f()\n            g()\n    with pytest.raises(ValueError):\n        try:\n            f()\n        finally:\n            g()\n`,
      path,
      ruffDiffers: "a `with` body or `try` around the raising call: the exception may come from the exit",
    },
    {
      code: "import trio, pytest\nasync def test_a():\n    with pytest.raises(trio.BusyResourceError):\n        async with trio.open_nursery() as nursery:\n            nursery.start_soon(receive)\n            nursery.start_soon(receive)\n",
      path,
      ruffDiffers: "a nursery raises at its exit: the whole body belongs in the block",
    },
    {
      code: "from pytest import raises\nclass TestA:\n    async def test_a(self):\n        async with raises(ValueError):\n            await f()\n            await g()\n",
      path,
      ruffDiffers: setupOnly,
    },
    {
      code: `${head}    with pytest.raises(AssertionError):\n        x = f()\n        assert x == 1\n    with pytest.raises(KeyError):\n        x = f()\n        assert x == 1\n        g(x)\n`,
      path,
      ruffDiffers: "the assertion may be what raises; an assertion before the raising call runs",
    },
    {
      code: `${head}    with pytest.raises(ValueError):\n        f()\n        assert False, "f() should have raised"\n`,
      path,
      ruffDiffers: "`assert False` after the call is a guard that belongs in the block",
    },
  ],
  invalid: [
    {
      code: `${head}    with pytest.raises(ValueError):\n        x = f()\n        assert x == 1\n`,
      path,
      at: "3:5-3:35",
      message: "ends with an assertion that never runs",
    },
    {
      code: "import pytest\nclass T(TestCase):\n    def test_a(self):\n        with pytest.raises(KeyError) as e: f(); self.assertEqual(g(), 1)\n",
      path,
      at: "4:9-4:42",
      message: "assertion",
    },
    {
      code: `${head}    with pytest.raises(ValueError):\n        parse("a")\n        parse("b")\n`,
      path,
      at: "3:5-3:35",
      message: "calls `parse()` 2 times: once one call raises, the calls after it never run",
    },
    {
      code: `${head}    with (\n        pytest.raises(ValueError),\n    ):\n        for value in [1, "a", None]:\n            f(value)\n`,
      path,
      at: "3:5-5:6",
      message: "loop stops at the first one that raises",
    },
    {
      code: "from pytest import raises\nclass TestA:\n    async def test_a(self):\n        async with raises(ValueError):\n            await f(1)\n            await f(2)\n",
      path,
      at: "4:9-4:38",
      message: "calls `f()` 2 times",
    },
  ],
});

import check from "../../checks/testing/test-class-with-init.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const cart =
  "class TestCart:\n    def __init__(self):\n        self.cart = Cart()\n\n    def test_empty(self):\n        assert self.cart.total == 0\n";

runCheckTable(check, {
  valid: [
    {
      code: "class TestCart:\n    def setup_method(self):\n        self.cart = Cart()\n\n    def test_empty(self):\n        assert self.cart.total == 0\n",
      path,
    },
    // unittest collects TestCase classes with __init__; an imported base might be one.
    {
      code: "import unittest\nclass TestA(unittest.TestCase):\n    def __init__(self, *a):\n        super().__init__(*a)\n    def test_a(self):\n        pass\n",
      path,
    },
    {
      code: "from .base import Base\nclass TestA(Base):\n    def __init__(self):\n        pass\n    def test_a(self):\n        pass\n",
      path,
    },
    // A helper named Test* without tests; a class not named Test*; a mixin of another class here.
    {
      code: "class TestServer:\n    def __init__(self, port):\n        self.port = port\n    def start(self):\n        pass\n",
      path,
    },
    { code: "class CartTests:\n    def __init__(self):\n        pass\n    def test_a(self):\n        pass\n", path },
    {
      code: "import unittest\nclass TestMixin:\n    def __init__(self, *a, **k):\n        super().__init__(*a, **k)\n    def test_shared(self):\n        pass\nclass FooTest(TestMixin, unittest.TestCase):\n    pass\n",
      path,
    },
    // The project runs unittest only: a Test* class that is not a TestCase is a helper there.
    {
      code: cart.replace("== 0", "== 1"),
      path,
      project: { paths: ["tests/test_x.py", "setup.py"], files: { "setup.py": "setup()\n" } },
    },
    { code: cart.replace("Cart()", "Cart(1)") },
  ],
  invalid: [
    {
      code: cart,
      path,
      at: "1:7-1:15",
      message: "`TestCart` has `__init__`, so pytest does not collect it",
    },
    {
      code: "class Base:\n    def __init__(self):\n        self.x = 1\nclass TestA(Base):\n    def test_a(self):\n        assert self.x\n",
      path,
      at: "4:7-4:12",
    },
    {
      code: "class TestA(object):\n    def __new__(cls):\n        return super().__new__(cls)\n    def test_a(self):\n        pass\n",
      path,
      at: "1:7-1:12",
      message: "has `__new__`",
    },
    {
      code: "import pytest\nclass TestOuter:\n    class TestInner:\n        def __init__(self):\n            pass\n        async def test_b(self):\n            pass\n",
      path,
      at: "3:11-3:20",
    },
    {
      code: "class TestA:\n    @staticmethod\n    def helper():\n        pass\n    def __init__(self, x=1):\n        self.x = x\n    def test_value(self):\n        assert self.x == 1\n",
      path,
      at: "1:7-1:12",
    },
  ],
});

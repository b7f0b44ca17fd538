import check from "../../checks/testing/useless-yield-fixture.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/conftest.py";
const head = "import pytest\n\n";

runCheckTable(check, {
  valid: [
    { code: `${head}@pytest.fixture\ndef b():\n    r = make()\n    yield r\n    r.close()\n`, path },
    { code: `${head}@pytest.fixture\ndef e():\n    with ctx() as v:\n        yield v\n`, path },
    { code: `${head}def d():\n    yield 1\n`, path },
    { code: `${head}@pytest.fixture\ndef a():\n    x = yield 1\n`, path },
    { code: `${head}import abc\n\n@pytest.fixture\n@abc.abstractmethod\ndef f():\n    yield 1\n`, path },
    { code: `${head}@pytest.fixture\ndef g():\n    yield from other()\n`, path },
    { code: `${head}@pytest.fixture\ndef c():\n    yield 1\n    yield 2\n`, path },
    {
      code: `${head}@pytest.fixture\ndef a():\n    yield 2\n`,
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
  ],
  invalid: [
    {
      code: `${head}@pytest.fixture\ndef a():\n    yield 1\n`,
      path,
      at: "5:5-5:12",
      message: "Fixture `a` yields without teardown",
      output: `${head}@pytest.fixture\ndef a():\n    return 1\n`,
      safety: "safe",
    },
    {
      code: `${head}from typing import Generator\n\n@pytest.fixture()\ndef b() -> Generator[int, None, None]:\n    x = make()\n    yield x\n`,
      path,
      at: "8:5-8:12",
      output: `${head}from typing import Generator\n\n@pytest.fixture()\ndef b() -> int:\n    x = make()\n    return x\n`,
      safety: "safe",
    },
    {
      code: `${head}import typing\n\n@pytest.fixture(scope="module")\ndef c() -> typing.Iterator[str]:\n    yield "s"\n`,
      path,
      at: "7:5-7:14",
      output: `${head}import typing\n\n@pytest.fixture(scope="module")\ndef c() -> str:\n    return "s"\n`,
      safety: "safe",
    },
    {
      // A string annotation, an early `return`: reported without a fix.
      code: `${head}@pytest.fixture\ndef d() -> "Iterator[int]":\n    yield 1\n\n@pytest.fixture\ndef e():\n    if x:\n        return 1\n    yield 2\n`,
      path,
      at: ["5:5-5:12", "11:5-11:12"],
      output: null,
    },
    {
      code: `${head}@pytest.fixture\nasync def f():\n    yield await make()\n\n@pytest.fixture\ndef g():\n    yield\n`,
      path,
      at: ["5:5-5:23", "9:5-9:10"],
      output: `${head}@pytest.fixture\nasync def f():\n    return await make()\n\n@pytest.fixture\ndef g():\n    return\n`,
      safety: "safe",
    },
    {
      code: `from pytest import fixture\n\nclass TestA:\n    @fixture\n    def h(self):\n        def inner():\n            yield 3\n        yield inner\n`,
      path: "tests/test_x.py",
      at: "8:9-8:20",
      output: `from pytest import fixture\n\nclass TestA:\n    @fixture\n    def h(self):\n        def inner():\n            yield 3\n        return inner\n`,
      safety: "safe",
    },
  ],
});

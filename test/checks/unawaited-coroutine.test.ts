import check from "../../checks/concurrency/unawaited-coroutine.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "async def save(x):\n    pass\nasync def f(x):\n    await save(x)\n",
    "import asyncio\nasync def save(x):\n    pass\nasync def f(x):\n    task = asyncio.create_task(save(x))\n    return save(x)\n",
    "async def save(x):\n    pass\nasync def f(x, save):\n    save(x)\n",
    "import functools\n@functools.lru_cache\nasync def save(x):\n    pass\ndef f(x):\n    save(x)\n",
    "async def save(x):\n    pass\nsave = sync_version(save)\ndef f(x):\n    save(x)\n",
    "async def ticks():\n    yield 1\ndef f():\n    ticks()\n",
    "class A:\n    async def save(self):\n        pass\n    @staticmethod\n    def f(self):\n        self.save()\n",
    "class A:\n    async def save(self):\n        pass\n    def f(self, other):\n        other.save()\n",
    "async def save(x):\n    pass\ndef f(x):\n    def save(y):\n        return y\n    save(x)\n",
    "def save(x):\n    pass\nasync def f(x):\n    save(x)\n",
    "class A:\n    async def start(self):\n        pass\n    def run(self):\n        self.start()\nclass B(A):\n    def start(self):\n        pass\n",
    "import pytest\nasync def save(x):\n    pass\ndef test():\n    with pytest.warns(RuntimeWarning):\n        save(1)\n",
  ],
  invalid: [
    {
      code: "async def save(x):\n    pass\nasync def f(x):\n    save(x)\n",
      at: "4:5-4:12",
      message: /use `await save\(x\)`/,
    },
    {
      code: "class Client:\n    async def close(self):\n        pass\n    def __del__(self):\n        self.close()\n",
      at: "5:9-5:21",
      message: /asyncio\.run/,
    },
    { code: "async def main():\n    pass\nif __name__ == '__main__':\n    main()\n", at: "4:5-4:11" },
    { code: "async def f():\n    async def inner():\n        pass\n    inner()\n", at: "4:5-4:12" },
    {
      code: "class A:\n    async def fetch(self, k):\n        pass\n    async def run(self):\n        for k in ks:\n            (self.fetch(k))\n",
      at: "6:14-6:27",
    },
  ],
});

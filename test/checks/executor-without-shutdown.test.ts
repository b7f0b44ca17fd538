import check from "../../checks/concurrency/executor-without-shutdown.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    with ThreadPoolExecutor() as pool:\n        return list(pool.map(g, xs))\n",
    "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    pool = ThreadPoolExecutor()\n    try:\n        return list(pool.map(g, xs))\n    finally:\n        pool.shutdown()\n",
    "from concurrent.futures import ThreadPoolExecutor\ndef make():\n    pool = ThreadPoolExecutor()\n    return pool\n",
    "from concurrent.futures import ThreadPoolExecutor\nclass A:\n    def __init__(self):\n        self.pool = ThreadPoolExecutor()\n",
    "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor()\ndef f(xs):\n    return list(pool.map(g, xs))\n",
    "from concurrent.futures import ThreadPoolExecutor\ndef f(loop):\n    pool = ThreadPoolExecutor()\n    loop.set_default_executor(pool)\n",
    "from concurrent.futures import ThreadPoolExecutor as TPE\nasync def f(loop, x):\n    pool = TPE(2)\n    return await loop.run_in_executor(pool, g, x)\n",
    "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    pool = ThreadPoolExecutor()\n    with pool:\n        pool.map(g, xs)\n",
    "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    pool = ThreadPoolExecutor()\n    pool.submit(g)\n    atexit.register(lambda: pool.shutdown())\n",
  ],
  invalid: [
    {
      code: "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    pool = ThreadPoolExecutor(max_workers=4)\n    return list(pool.map(g, xs))\n",
      at: "3:12-3:45",
      message: /`pool` is never shut down: use `with ThreadPoolExecutor\(max_workers=4\) as pool:`/,
    },
    {
      code: "import concurrent.futures\ndef f(xs):\n    ex = concurrent.futures.ProcessPoolExecutor()\n    futs = [ex.submit(g, x) for x in xs]\n    return [fu.result() for fu in futs]\n",
      at: "3:10-3:50",
    },
    {
      code: "from concurrent import futures\nclass A:\n    def run(self, xs):\n        pool = futures.ThreadPoolExecutor()\n        for x in xs:\n            pool.submit(self.g, x)\n",
      at: "4:16-4:44",
    },
    {
      code: "from concurrent.futures import ThreadPoolExecutor as TPE\nasync def f(x):\n    pool = TPE(2)\n    return await asyncio.wrap_future(pool.submit(g, x))\n",
      at: "3:12-3:18",
    },
    {
      code: "from concurrent.futures import ThreadPoolExecutor\ndef f(xs):\n    pool = ThreadPoolExecutor()\n    a = pool.submit(g, 1)\n    b = pool.submit(g, 2)\n    return a.result() + b.result()\n",
      at: "3:12-3:32",
    },
  ],
});

import check from "../../checks/concurrency/blocking-sleep-in-async.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import time\ndef f():\n    time.sleep(1)\n",
    "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
    "import time\nasync def f():\n    def g():\n        time.sleep(1)\n    return g\n",
    "import time\nasync def f(loop):\n    await loop.run_in_executor(None, time.sleep, 1)\n",
    "async def f(clock):\n    clock.sleep(1)\n",
    {
      code: "import asyncio, time\nasync def test_tick_interval(s, a):\n    while s.metrics['event_loop_interval'] < 0.100:\n        await asyncio.sleep(0.01)\n        time.sleep(0.200)\n",
      path: "distributed/tests/test_worker.py",
      ruffDiffers: "test files are not checked: the test blocks its loop on purpose",
    },
    {
      code: "import time\nasync def test_read(nursery):\n    nursery.start_soon(read)\n    # Note: not trio.sleep! The OS read must complete before the loop runs again.\n    time.sleep(1)\n    time.sleep(0.1)  # let the clock tick without a checkpoint\n",
      ruffDiffers: "a comment says the loop is blocked on purpose",
    },
  ],
  invalid: [
    { code: "import time\nasync def f():\n    time.sleep(1)\n", at: "3:5-3:15" },
    { code: "from time import sleep\nasync def f():\n    sleep(1)\n", at: "3:5-3:10" },
    { code: "import time as t\nasync def f():\n    t.sleep(0.5)\n", at: "3:5-3:12" },
    {
      code: "import time\nclass A:\n    async def m(self):\n        for _ in range(3):\n            time.sleep(1)\n",
      at: "5:13-5:23",
    },
    { code: "import time\nasync def f():\n    if x:\n        time.sleep(1)\n", at: "4:9-4:19" },
    {
      code: "import time\nimport trio\nasync def f():\n    time.sleep(1)\n",
      at: "4:5-4:15",
      message: "`time.sleep()` blocks the event loop: use `await trio.sleep()`",
    },
  ],
});

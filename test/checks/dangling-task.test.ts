import check from "../../checks/concurrency/dangling-task.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import asyncio\nasync def f():\n    task = asyncio.create_task(work())\n    await task\n",
    {
      code: "import asyncio\nasync def f(done):\n    producer = asyncio.create_task(fill(done))\n    return await done.wait()\n",
      ruffDiffers: "the local holds the task while the function awaits what it produces",
    },
    {
      code: "import asyncio\nasync def f(q):\n    worker = asyncio.ensure_future(drain(q))\n    async with lock:\n        pass\n",
      ruffDiffers: "suspends after the assignment, holding the task",
    },
    "import asyncio\nasync def f(tasks):\n    tasks.add(asyncio.create_task(work()))\n",
    "import asyncio\nasync def f():\n    await asyncio.create_task(work())\n",
    "import asyncio\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(work())\n",
    "import asyncio\nasync def f(self):\n    self.loop.create_task(work())\n",
    "import asyncio\nasync def f():\n    t = asyncio.create_task(work())\n    def done():\n        return t.result()\n    return done\n",
    "import asyncio\nasync def f():\n    asyncio.create_task(work()).add_done_callback(on_done)\n",
    "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n    loop = other\n    loop.create_task(work())\n",
    "import asyncio\nasync def f():\n    self.task = asyncio.create_task(work())\n",
    "import asyncio\nasync def f():\n    t = asyncio.create_task(work())\n    del t\n",
    {
      code: "import asyncio\nclass T:\n    def test(self):\n        with self.assertRaises(TypeError):\n            asyncio.ensure_future('ok')\n",
      ruffDiffers: "the call is expected to raise: no task is created",
    },
    {
      code: "import asyncio\nTASK = asyncio.ensure_future(work())\n",
      ruffDiffers: "a module-level name holds the task for good",
    },
    {
      code: "import asyncio\nasync def test_leak():\n    # Leave this running in the background\n    asyncio.create_task(coro())\n",
      ruffDiffers: "a comment says the task is left on purpose",
    },
  ],
  invalid: [
    {
      code: "import asyncio\nasync def f():\n    asyncio.create_task(work())\n",
      at: "3:5-3:32",
      message: /weak reference/,
    },
    { code: "from asyncio import ensure_future\ndef f():\n    ensure_future(work())\n", at: "3:5-3:26" },
    { code: "import asyncio as aio\nasync def f():\n    (aio.create_task(work()))\n", at: "3:6-3:29" },
    {
      code: "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n    loop.create_task(work())\n",
      at: "4:5-4:29",
      message: /`loop.create_task\(\)`/,
    },
    { code: "import asyncio\nasync def f():\n    task = asyncio.create_task(work())\n    return 1\n", at: "3:12-3:39" },
    {
      code: "import asyncio\nasync def f(x):\n    if x:\n        t = asyncio.create_task(a())\n    else:\n        t = asyncio.create_task(b())\n",
      at: ["4:13-4:37", "6:13-6:37"],
    },
    { code: "import asyncio\nfor i in range(3):\n    asyncio.create_task(work(i))\n", at: "3:5-3:33" },
    {
      code: "import asyncio\nasync def f():\n    await ready()\n    task = asyncio.create_task(work())\n    def later():\n        return await_it()\n",
      at: "4:12-4:39",
    },
  ],
});

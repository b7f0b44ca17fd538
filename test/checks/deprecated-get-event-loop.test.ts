import check from "../../checks/concurrency/deprecated-get-event-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    // A sync helper may run while a loop runs (a callback, a helper called from a coroutine).
    "import asyncio\nasync def f():\n    def cb():\n        return asyncio.get_event_loop()\n    return cb\n",
    "import asyncio\nclass Future:\n    def __init__(self, loop=None):\n        self._loop = loop or asyncio.get_event_loop()\n",
    "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n",
    "import asyncio\nasyncio.run(main())\n",
    "import asyncio\nloop = asyncio.new_event_loop()\n",
    "from . import events\ndef f():\n    return events.get_event_loop()\n",
    "import asyncio\ndef f(policy):\n    return policy.get_event_loop()\n",
    "def get_event_loop():\n    pass\nloop = get_event_loop()\n",
    "try:\n    from asyncio import get_running_loop\nexcept ImportError:\n    from asyncio import get_event_loop as get_running_loop\nasync def f():\n    return get_running_loop()\n",
    "import asyncio\ndef run(coro):\n    try:\n        loop = asyncio.get_event_loop()\n    except RuntimeError:\n        return asyncio.run(coro)\n    return loop.run_until_complete(coro)\n",
    "import asyncio\n@asyncio.coroutine\ndef f():\n    yield from asyncio.get_event_loop().connect_read_pipe(p, s)\n",
    "import asyncio\nclass T:\n    def test(self):\n        with self.assertRaises(RuntimeError):\n            asyncio.get_event_loop()\n",
  ],
  invalid: [
    {
      code: "import asyncio\nasync def f():\n    loop = asyncio.get_event_loop()\n",
      at: "3:12-3:36",
      message: /get_running_loop/,
      output: "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n",
      safety: "safe",
    },
    {
      code: "import asyncio as aio\nclass A:\n    async def m(self):\n        await aio.get_event_loop().run_in_executor(None, g)\n",
      at: "4:15-4:35",
      output:
        "import asyncio as aio\nclass A:\n    async def m(self):\n        await aio.get_running_loop().run_in_executor(None, g)\n",
      safety: "safe",
    },
    {
      code: "from asyncio import get_event_loop\nasync def f():\n    return get_event_loop()\n",
      at: "3:12-3:28",
      output: null,
    },
    {
      code: "import asyncio\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\n",
      at: "2:8-2:32",
      message: /asyncio\.run\(\)/,
      output: null,
    },
    {
      code: "import asyncio\ndef start():\n    asyncio.get_event_loop().run_forever()\n",
      at: "3:5-3:29",
      output: null,
    },
    {
      code: "import asyncio\ndef main():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(serve())\n",
      at: "3:12-3:36",
      output: null,
    },
  ],
});

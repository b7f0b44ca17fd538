import check from "../../checks/concurrency/asyncio-run-in-async.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import asyncio\ndef main():\n    asyncio.run(fetch())\n",
    "import asyncio\nasync def main():\n    await fetch()\n",
    "import asyncio\nif __name__ == '__main__':\n    asyncio.run(main())\n",
    "async def main(runner):\n    runner.run(x)\n",
    "import asyncio\nasync def main():\n    def sync_entry():\n        asyncio.run(x())\n    return sync_entry\n",
  ],
  invalid: [
    { code: "import asyncio\nasync def main():\n    asyncio.run(fetch())\n", at: "3:5-3:25" },
    { code: "from asyncio import run\nasync def main():\n    run(fetch())\n", at: "3:5-3:17" },
    { code: "import asyncio as aio\nasync def main():\n    return aio.run(x())\n", at: "3:12-3:24" },
    { code: "import asyncio\nclass A:\n    async def go(self):\n        asyncio.run(self.work())\n", at: "4:9-4:33" },
    { code: "import asyncio\nasync def main():\n    with ctx():\n        asyncio.run(x())\n", at: "4:9-4:25" },
  ],
});

import check from "../../checks/concurrency/blocking-open-in-async.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "def f(path):\n    with open(path) as fh:\n        return fh.read()\n",
    "import asyncio\nasync def f(path):\n    return await asyncio.to_thread(read, path)\n",
    "async def f(path):\n    def read():\n        with open(path) as fh:\n            return fh.read()\n    return read\n",
    "async def f(path, open):\n    return open(path)\n",
    "import os\nasync def f(path):\n    return os.open(path, os.O_RDONLY)\n",
    "from pathlib import Path\nasync def f(p: Path):\n    return p.open()\n",
    "async def f(store, key):\n    return store.open(key)\n",
    "import anyio\nasync def f(path):\n    async with await anyio.open_file(path) as fh:\n        return await fh.read()\n",
    {
      code: "import os\nasync def test_readinto(tmp_path):\n    with open(os.path.join(tmp_path, 'n.txt'), 'wb') as fp:\n        fp.write(b'1')\n",
      path: "tests/test_windows.py",
      ruffDiffers: "test files are not checked: the test's own loop serves only the test",
    },
  ],
  invalid: [
    {
      code: "import trio\nasync def f(path):\n    with open(path) as fh:\n        return fh.read()\n",
      at: "3:10-3:14",
      message: "use `await trio.to_thread.run_sync(...)`",
    },
    {
      code: "async def f(path):\n    with open(path) as fh:\n        return fh.read()\n",
      at: "2:10-2:14",
      message: /blocking file I\/O/,
    },
    { code: "import io\nasync def f(path):\n    return io.open(path, 'rb')\n", at: "3:12-3:19" },
    { code: "from pathlib import Path\nasync def f(name):\n    return Path(name).open()\n", at: "3:12-3:27" },
    {
      code: "import pathlib\nasync def f(name):\n    p = pathlib.Path(name)\n    with p.open() as fh:\n        pass\n",
      at: "4:10-4:16",
    },
    {
      code: "import builtins\nclass A:\n    async def m(self):\n        builtins.open(self.path).close()\n",
      at: "4:9-4:22",
    },
    { code: "async def f(paths):\n    return [open(p) for p in paths]\n", at: "2:13-2:17" },
  ],
});

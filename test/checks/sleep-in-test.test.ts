import check from "../../checks/testing/sleep-in-test.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";

runCheckTable(check, {
  valid: [
    {
      code: "import time\ndef test_names(files):\n    a = read_bytes('.test.*')\n    time.sleep(1)\n    for fn in files:\n        with open(fn, 'ab') as f:\n            f.write(b'x')\n    assert read_bytes('.test.*') != a\n",
      path,
    },
    {
      code: "import time\ndef test_sample(client, ms):\n    with ms.sample('foo', measure='managed', interval=0.1):\n        client.submit(inc, 1).result()\n        time.sleep(0.5)\n    assert ms.samples['foo'][0][1] == 0\n",
      path,
    },
    { code: "import asyncio\nasync def test_a():\n    await asyncio.sleep(1)\n", path },
    // Polling with a deadline, a thread target, `sleep(0)`, a timing test, a patched sleep.
    { code: "import time\ndef test_a():\n    while not done():\n        time.sleep(0.1)\n    assert done()\n", path },
    { code: "import time\ndef test_a():\n    def work():\n        time.sleep(0.1)\n    run_in_thread(work)\n", path },
    { code: "import time\ndef test_a():\n    time.sleep(0)\n    assert x\n", path },
    {
      code: "import time\ndef test_a():\n    start = time.monotonic()\n    time.sleep(0.1)\n    assert time.monotonic() - start >= 0.1\n",
      path,
    },
    {
      code: "import time\nfrom unittest import mock\n@mock.patch('time.sleep')\ndef test_a(sleep):\n    time.sleep(5)\n",
      path,
    },
    {
      code: "import time\ndef test_cache_entry_expires():\n    cache.put('k', 1, ttl=0.1)\n    time.sleep(0.2)\n    assert 'k' not in cache\n",
      path,
    },
    { code: "import time\ndef helper():\n    time.sleep(1)\n", path },
    {
      code: "import time\nclass TestTimedRotation:\n    def test_rollover(self):\n        handler.emit(a)\n        time.sleep(1.1)\n        handler.emit(b)\n",
      path,
    },
    { code: "import time\ndef test_a():\n    time.sleep(1)\n" },
    {
      code: "import time\ndef test_rmtree(self):\n    try:\n        shutil.rmtree(path)\n    except OSError:\n        # its lock on these files is not guaranteed to be released. Sleep and try again (once).\n        time.sleep(1)\n        shutil.rmtree(path)\n",
      path,
    },
    {
      code: "import time\ndef test_b():\n    run()\n    time.sleep(1)  # the OS needs a tick to release the port\n",
      path,
    },
  ],
  invalid: [
    {
      code: "import time\ndef test_a(path):\n    start_writer(path)\n    time.sleep(1)\n    with open(path) as f:\n        assert f.read() == 'done'\n",
      path,
      at: "4:5-4:15",
    },
    {
      code: "import time\ndef test_a(worker):\n    worker.start()\n    time.sleep(1)\n    worker.join(timeout=5)\n    assert worker.done\n",
      path,
      at: "4:5-4:15",
    },
    {
      code: "import time\ndef test_a():\n    start_worker()\n    time.sleep(1)\n    assert worker.done\n",
      path,
      at: "4:5-4:15",
      message: "`time.sleep()` in a test",
    },
    { code: "from time import sleep\ndef test_a():\n    sleep(0.5)\n", path, at: "3:5-3:10" },
    {
      code: "import time as t\nimport pytest\n@pytest.fixture\ndef server():\n    s = start()\n    t.sleep(2)\n    return s\n",
      path,
      at: "6:5-6:12",
    },
    {
      code: "import time\nimport unittest\nclass TestA(unittest.TestCase):\n    def setUp(self):\n        time.sleep(1)\n    def test_a(self):\n        if slow:\n            time.sleep(1)\n",
      path,
      at: ["5:9-5:19", "8:13-8:23"],
    },
    {
      code: "import time\nclass TestA:\n    async def test_a(self):\n        time.sleep(1)\n",
      path,
      at: "4:9-4:19",
    },
  ],
});

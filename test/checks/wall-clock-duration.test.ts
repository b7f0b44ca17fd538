import check from "../../checks/performance/wall-clock-duration.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import textwrap, time\ndef run(suite):\n    t = time.time()\n    result = suite.run()\n    elapsed = time.time() - t\n    print(textwrap.dedent('''\n        | tests | %3s | %.2fs |\n        ''' % (result.testsRun, elapsed)))\n    print('Ran %s tests in %.3fs' % (result.testsRun, elapsed + 0))\n",
    "from time import time\ndef f():\n    t0 = time()\n    work()\n    t1 = time()\n    print(t1 - t0)\n",
    "import time\nstart = time.time()\nmain()\nprint('took', time.time() - start)\n",
    "import time\ndef test_speed():\n    for k in range(2, 9):\n        start_time = time.time()\n        run(k)\n        print(k, time.time() - start_time)\n",
    "import logging, time\nlog = logging.getLogger(__name__)\ndef f():\n    t0 = time.time()\n    work()\n    log.info('took %.1fs', time.time() - t0)\n    print(f'{round(time.time() - t0, 2)}s')\n",
    "import time\ndef f():\n    start = time.perf_counter()\n    work()\n    return time.perf_counter() - start\n",
    "import time\ndef f(mtime):\n    return time.time() - mtime\n",
    "import time\ndef f(record):\n    return time.time() - record.created\n",
    "import time\nSTART = time.time()\ndef f():\n    return time.time() - START\n",
    "import time\ndef f(start):\n    start = start or time.time()\n    return time.time() - start\n",
    "import time\ndef f():\n    deadline = time.time() + 5\n    return deadline - time.time()\n",
    "def f(time):\n    start = time.time()\n    return time.time() - start\n",
    "import time\ndef f(x):\n    start = time.time()\n    if x:\n        start = x\n    return time.time() - start\n",
  ],
  invalid: [
    {
      code: "import time\ndef f():\n    t = time.time()\n    work()\n    elapsed = time.time() - t\n    print(elapsed)\n    return elapsed < 5\n",
      at: "5:15-5:30",
    },
    {
      code: "import time\ndef f():\n    start = time.time()\n    work()\n    return time.time() - start\n",
      at: "5:12-5:31",
      message: /time\.perf_counter\(\)/,
    },
    {
      code: "from time import time\ndef f():\n    t0 = time()\n    work()\n    t1 = time()\n    total = t1 - t0\n    return total\n",
      at: "6:13-6:20",
    },
    {
      code: "import time as t\nclass A:\n    def run(self):\n        begin = t.time()\n        self.work()\n        self.elapsed = (t.time() - begin) * 1000\n",
      at: "6:25-6:41",
    },
    { code: "import time\nstart = time.time()\nmain()\nreport(time.time() - start)\n", at: "4:8-4:27" },
    {
      code: "import time\ndef f():\n    start = time.time()\n    while time.time() - start < 5:\n        poll()\n",
      at: "4:11-4:30",
    },
  ],
});

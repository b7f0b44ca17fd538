import check from "../../checks/concurrency/lock-without-with.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import threading\nlock = threading.Lock()\ndef f():\n    with lock:\n        work()\n",
    "import threading\nlock = threading.Lock()\ndef f():\n    lock.acquire()\n    try:\n        work()\n    finally:\n        lock.release()\n",
    "import threading\nlock = threading.Lock()\ndef f():\n    try:\n        lock.acquire()\n        work()\n    finally:\n        lock.release()\n",
    "import threading\nclass A:\n    def __init__(self):\n        self._lock = threading.RLock()\n    def __enter__(self):\n        self._lock.acquire()\n        return self\n    def __exit__(self, *exc):\n        self._lock.release()\n",
    "def f(lock):\n    lock.acquire()\n    work()\n    lock.release()\n",
    "import threading\nlock = threading.Lock()\ndef f():\n    if lock.acquire(blocking=False):\n        work()\n        lock.release()\n",
    "import threading\nlock = threading.Lock()\nlock = make_lock()\ndef f():\n    lock.acquire()\n    work()\n    lock.release()\n",
    "import threading\nclass A:\n    def __init__(self, lock):\n        self._lock = lock or threading.Lock()\n    def f(self):\n        self._lock.acquire()\n        work()\n        self._lock.release()\n",
    "import threading\nlock = threading.Lock()\ndef f():\n    lock.acquire()\n    try:\n        work()\n    except BaseException:\n        lock.release()\n        raise\n    lock.release()\n",
    "import threading\nlock = threading.Lock()\ndef wait_free():\n    lock.acquire()\n    lock.release()\n",
    "import threading\ndef f():\n    done = threading.Lock()\n    done.acquire()\n    def worker():\n        work()\n        done.release()\n    start(worker)\n    done.acquire()\n",
    "import threading\nclass Barrier:\n    def __init__(self):\n        self.a = threading.Lock()\n        self.b = threading.Lock()\n    def enter(self):\n        self.a.acquire()\n        self.n += 1\n        if self.n == self.size:\n            self.b.release()\n            return\n        self.a.release()\n",
    {
      code: "import threading\nlock = threading.Lock()\ndef test_lock():\n    lock.acquire()\n    work()\n    lock.release()\n",
      path: "tests/test_lock.py",
    },
  ],
  invalid: [
    {
      code: "import threading\nlock = threading.Lock()\ndef f():\n    lock.acquire()\n    work()\n    lock.release()\n",
      at: "4:5-4:19",
      message: /use `with lock:`/,
    },
    {
      code: "import threading\nclass A:\n    def __init__(self):\n        self._lock = threading.RLock()\n    def f(self):\n        self._lock.acquire()\n        self.n += 1\n        self._lock.release()\n",
      at: "6:9-6:29",
    },
    {
      code: "import asyncio\nclass A:\n    lock = asyncio.Lock()\n    async def f(self):\n        await self.lock.acquire()\n        await work()\n        self.lock.release()\n",
      at: "5:15-5:34",
      message: /async with self\.lock/,
    },
    {
      code: "from threading import Semaphore\ndef f(items):\n    sem = Semaphore(4)\n    for item in items:\n        sem.acquire()\n        work(item)\n        sem.release()\n",
      at: "5:9-5:22",
    },
    {
      code: "import threading as t\ncond = t.Condition()\ndef f():\n    cond.acquire()\n    try:\n        work()\n    except ValueError:\n        pass\n    cond.release()\n",
      at: "4:5-4:19",
    },
    {
      code: "import threading\nlock = threading.Lock()\ndef f(x):\n    lock.acquire()\n    if x:\n        raise ValueError(x)\n    lock.release()\n",
      at: "4:5-4:19",
    },
    {
      code: "import threading\nlock = threading.Lock()\ndef f(xs):\n    lock.acquire()\n    for x in xs:\n        if x:\n            break\n    lock.release()\n",
      at: "4:5-4:19",
    },
  ],
});

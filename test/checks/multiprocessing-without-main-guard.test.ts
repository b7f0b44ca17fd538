import check from "../../checks/concurrency/multiprocessing-without-main-guard.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from multiprocessing import Pool\nif __name__ == '__main__':\n    with Pool() as p:\n        p.map(f, xs)\n",
    "import multiprocessing\ndef main():\n    multiprocessing.Process(target=work).start()\n",
    "from multiprocessing.pool import ThreadPool\nwith ThreadPool(4) as p:\n    p.map(f, xs)\n",
    "import multiprocessing\np = multiprocessing.Process(target=work)\n",
    "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor()\n",
    "import threading\nthreading.Thread(target=work).start()\n",
    "import multiprocessing\nclass Runner:\n    pool = None\n    def start(self):\n        self.pool = multiprocessing.Pool()\n",
    "import multiprocessing as mp\nif '__main__' == __name__:\n    p = mp.Process(target=work)\n    p.start()\n",
  ],
  invalid: [
    {
      code: "from multiprocessing import Pool\nwith Pool() as p:\n    p.map(f, xs)\n",
      at: "2:6-2:12",
      message: /re-imports this module/,
    },
    {
      code: "import multiprocessing as mp\nfor i in range(4):\n    p = mp.Process(target=work, args=(i,))\n    p.start()\n",
      at: "4:5-4:14",
    },
    { code: "import multiprocessing\nmultiprocessing.Process(target=work).start()\n", at: "2:1-2:45" },
    {
      code: "from concurrent.futures import ProcessPoolExecutor\nex = ProcessPoolExecutor()\nresults = list(ex.map(f, xs))\npool2 = ProcessPoolExecutor()\n",
      at: "2:6-2:27",
    },
    {
      code: "import multiprocessing\ntry:\n    manager = multiprocessing.Manager()\nexcept OSError:\n    manager = None\n",
      at: "3:15-3:40",
    },
  ],
});

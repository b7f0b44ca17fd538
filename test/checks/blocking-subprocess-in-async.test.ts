import check from "../../checks/concurrency/blocking-subprocess-in-async.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import subprocess\ndef f():\n    subprocess.run(['ls'], check=True)\n",
    "import asyncio\nasync def f():\n    p = await asyncio.create_subprocess_exec('ls')\n    await p.wait()\n",
    "import subprocess\nasync def f():\n    await asyncio.to_thread(subprocess.run, ['ls'])\n",
    "import os\nasync def f(pid):\n    os.waitpid(pid, os.WNOHANG)\n",
    "async def f(subprocess):\n    subprocess.run(['ls'])\n",
    "import subprocess\nasync def f():\n    def g():\n        return subprocess.check_output(['ls'])\n    return g\n",
    "import os\nasync def f():\n    os.execv('/bin/ls', ['ls'])\n",
  ],
  invalid: [
    {
      code: "import subprocess\nasync def f():\n    subprocess.run(['make'], check=True)\n",
      at: "3:5-3:19",
      message: /until the process exits/,
    },
    { code: "from subprocess import check_output\nasync def f():\n    return check_output(['ls'])\n", at: "3:12-3:24" },
    { code: "import os\nasync def f(cmd):\n    os.system(cmd)\n", at: "3:5-3:14", message: /until the process exits/ },
    {
      code: "import subprocess as sp\nclass A:\n    async def m(self):\n        return sp.Popen(['ls'], stdout=sp.PIPE)\n",
      at: "4:16-4:24",
      message: /pipes/,
    },
    { code: "import os\nasync def f(cmd):\n    return os.popen(cmd).read()\n", at: "3:12-3:20", message: /pipes/ },
    {
      code: "import os\nasync def f():\n    os.spawnl(os.P_NOWAIT, '/bin/ls', 'ls')\n    os.spawnl(os.P_WAIT, '/bin/ls', 'ls')\n",
      at: ["3:5-3:14", "4:5-4:14"],
    },
    {
      code: "import os\nasync def f():\n    mode = os.P_WAIT\n    os.spawnv(mode, '/bin/ls', ['ls'])\n",
      at: "4:5-4:14",
      message: /until the process exits/,
    },
  ],
});

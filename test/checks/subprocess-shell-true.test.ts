import check from "../../checks/security/subprocess-shell-true.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "# a test\nimport subprocess\n\nsubprocess.run(f'tar czf {name}.tgz {path}', shell=True)\n",
      path: "tests/test_x.py",
      ruffDiffers: "test files are not checked",
    },
    "import subprocess\nsubprocess.run(['ls', path])\n",
    "import subprocess\nsubprocess.Popen(cmd, shell=False)\n",
    {
      code: "import subprocess\nsubprocess.run('ls -l', shell=True)\n",
      ruffDiffers: "a literal command carries no outside input",
    },
    {
      code: "import subprocess\nsubprocess.run(['make', 'all'], shell=True)\n",
      ruffDiffers: "a literal command carries no outside input",
    },
    "import subprocess\nsubprocess.run(cmd)\n",
    {
      code: "import subprocess\ndef getstatusoutput(cmd, *, encoding=None):\n    data = subprocess.check_output(cmd, shell=True, text=True, encoding=encoding)\n    return data\n",
      ruffDiffers: "a documented shell API: the caller's command line",
    },
    {
      code: "import os, subprocess\ncmd = os.environ.get('PAGER', 'more')\nproc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE)\n",
      ruffDiffers: "the user's own configured command line",
    },
    {
      code: "import subprocess\n# the user's hook is a shell command line by design\nsubprocess.run(f'{hook} {path}', shell=True)\n",
      ruffDiffers: "a comment explains the shell",
    },
  ],
  invalid: [
    {
      code: "import subprocess\ndef edit(editor, filename):\n    cmd = f'{editor} \"{filename}\"'\n    subprocess.call(cmd, shell=True)\n",
      at: "4:5-4:20",
    },
    { code: "import subprocess\nsubprocess.check_output(f'git log {ref}', shell=True)\n", at: "2:1-2:24" },
    { code: "from subprocess import Popen\nPopen('rm -rf ' + path, shell=True)\n", at: "2:1-2:6" },
    { code: "foo('ls ' + d, shell=True)\n", at: "1:1-1:4" },
    { code: "import subprocess\nsubprocess.run(' '.join(args), shell=True)\n", at: "2:1-2:15" },
    {
      code: "import subprocess as sp\ndef f(name):\n    return sp.call('echo %s' % name, shell=True)\n",
      at: "3:12-3:19",
    },
  ],
});

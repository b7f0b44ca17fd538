import check from "../../checks/security/eval-exec.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    { code: "# a test\nvalue = eval(text)\n", path: "tests/test_x.py", ruffDiffers: "test files are not checked" },
    "import ast\nast.literal_eval(s)\n",
    "def eval(x):\n    return x\neval(1)\n",
    "model.eval()\n",
    "s = 'eval(x)'\n",
    "from mylib import exec\nexec(q)\n",
    { code: "eval('1')\n", ruffDiffers: "constant code: no outside input" },
    { code: 'exec("""def f(*, a):\n    return a\n""")\n', ruffDiffers: "a syntax-compatibility shim" },
  ],
  invalid: [
    { code: "eval(expr)\n", at: "1:1-1:11", message: /eval/ },
    { code: "exec(f'x={value}')\n", at: "1:1-1:5", message: /exec/ },
    { code: "import builtins\nbuiltins.eval(x)\n", at: "2:1-2:17" },
    { code: "def f(s):\n    return eval(s, {}, {})\n", at: "2:12-2:27" },
    { code: "exec(compile(src, 'f', 'exec'))\n", at: "1:1-1:5" },
  ],
});

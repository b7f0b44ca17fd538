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
    // Code the program compiled itself.
    { code: "exec(compile(tree, '<generated>', 'exec'))\n", ruffDiffers: "code the program compiled" },
    {
      code: "import ast\ndef build(tree, ns):\n    code = compile(ast.fix_missing_locations(tree), '<ast>', 'exec')\n    exec(code, ns)\n",
      ruffDiffers: "an AST the program built, compiled in the same function",
    },
    { code: "exec(func.__code__, namespace)\n", ruffDiffers: "a code object" },
    // Builtins fenced off.
    {
      code: "def calc(expr, names):\n    return eval(expr, {'__builtins__': {}}, names)\n",
      ruffDiffers: "a restricted namespace",
    },
    {
      code: "def run(src):\n    env = {}\n    env['__builtins__'] = SAFE_BUILTINS\n    exec(src, env)\n",
      ruffDiffers: "a namespace restricted before the call",
    },
  ],
  invalid: [
    {
      code: "import sys\nvalue = eval(sys.stdin.read())\n",
      at: "2:9-2:31",
      message:
        "`eval()` runs arbitrary code: parse JSON text with `json.loads`, Python literals with `ast.literal_eval`",
    },
    { code: "eval(expr)\n", at: "1:1-1:11", message: /eval/ },
    { code: "exec(f'x={value}')\n", at: "1:1-1:5", message: /exec/ },
    { code: "import builtins\nbuiltins.eval(x)\n", at: "2:1-2:17" },
    { code: "def f(s):\n    return eval(s, {}, {})\n", at: "2:12-2:27" },
    { code: "exec(open(path).read(), namespace)\n", at: "1:1-1:5", message: "`exec()` runs arbitrary code" },
  ],
});

import check from "../../checks/idioms/useless-expression.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "def f(resp):\n    resp.content  # consume the body\n",
      ruffDiffers: "a property read the comment explains",
    },
    {
      code: "def g(r):\n    # Consume content and release the connection.\n    r.content\n    r.close()\n",
      ruffDiffers: "explained above",
    },
    {
      code: "try:\n    WindowsError\nexcept NameError:\n    pass\n",
      ruffDiffers: "a probe for whether the name exists",
    },
    {
      code: "import socket\ndef test_constant():\n    socket.CAN_BCM\n",
      path: "tests/test_socket.py",
      ruffDiffers: "a test that the attribute exists",
    },
    // Any handler: a property or `__getattr__` may raise what it catches.
    {
      code: "try:\n    value.total\nexcept ValueError:\n    pass\n",
      ruffDiffers: "an attribute read in a try is a probe for what it raises",
    },
    {
      code: "try:\n    import termios\n    termios.tcgetattr, termios.tcsetattr\nexcept (ImportError, AttributeError):\n    pass\n",
      ruffDiffers: "a probe for both attributes",
    },
    {
      code: "try:\n    WindowsError\nexcept:\n    WindowsError = OSError\n",
      ruffDiffers: "a bare except catches the NameError",
    },
    {
      code: "def __getstate__(self):\n    # Consume everything; accessing the content attribute makes\n    # sure the content has been fully read.\n    if not self._content_consumed:\n        self.content\n",
      ruffDiffers: "the comment above the `if` explains the read",
    },
    {
      code: "def load(result, lookup):\n    # If immediate lookup was desired, trigger lookups now.\n    if lookup:\n        for f in result:\n            f.line\n",
      ruffDiffers: "explained above the blocks the read opens",
    },
    {
      code: "def test_touch(mock):\n    mock.a, mock.b\n",
      path: "tests/test_mock.py",
      ruffDiffers: "a test touching attributes",
    },
    '"docstring"\n',
    "...\n",
    "f(x)\n",
    "x[0]\n",
    "x = 1\n",
    "await_me = None\nasync def f():\n    await g()\n",
    // Displays whose parts run code are not useless (as Ruff).
    "[print(1)]\n",
    "(x := 1, 2)\n",
    "{1: f()}\n",
    "C(0).x, len\n",
    "[x[0], y]\n",
    { code: "not ready\n", ruffDiffers: "peptalk does not flag operators used as statements" },
  ],
  invalid: [
    { code: "def h(r):\n    r.close()\n    r.content\n", at: "3:5-3:14" },
    { code: "def test_headers():\n    ('content-type', 'text/plain'),\n", path: "tests/test_h.py", at: "2:5-2:35" },
    { code: "try:\n    ValueError\nexcept ValueError:\n    pass\n", at: "2:5-2:15" },
    { code: "def f(x):\n    # Compute the total.\n    if x:\n        y = 1\n        x.total\n", at: "5:9-5:16" },
    { code: "x\n", at: "1:1-1:2" },
    { code: "self.value\n", at: "1:1-1:11" },
    { code: "[1, 2]\n", at: "1:1-1:7" },
    { code: "def f():\n    None\n", at: "2:5-2:9" },
    { code: "-1\n", at: "1:1-1:3" },
    { code: "b'x'\n", at: "1:1-1:5" },
    { code: "termios.tcgetattr, termios.tcsetattr\n", at: "1:1-1:37" },
    { code: "(a, 'label')\n", at: "1:1-1:13" },
    { code: "{'k': v, **rest}\n", at: "1:1-1:17" },
  ],
});

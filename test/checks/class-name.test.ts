import check from "../../checks/naming/class-name.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "class Test_parse_v2:\n    pass\n",
      path: "tests/test_parse.py",
      ruffDiffers: "test files are not checked",
    },
    {
      code: "import ctypes\nclass sockaddr_in(ctypes.Structure):\n    _fields_ = []\n",
      ruffDiffers: "mirrors the C type",
    },
    "class UserProfile:\n    pass\n",
    "class _Private:\n    pass\n",
    "class HTTPServer:\n    pass\n",
    "class A1:\n    pass\n",
    "class __Hidden:\n    pass\n",
  ],
  invalid: [
    { code: "class my_class:\n    pass\n", at: "1:7-1:15" },
    { code: "class user:\n    pass\n", at: "1:7-1:11" },
    { code: "class User_Profile:\n    pass\n", at: "1:7-1:19" },
    { code: "class _private_thing:\n    pass\n", at: "1:7-1:21" },
    { code: "def f():\n    class inner:\n        pass\n", at: "2:11-2:16" },
  ],
});

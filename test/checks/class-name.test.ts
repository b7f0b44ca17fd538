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
    {
      code: "class suppress:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\n",
      ruffDiffers: "a context manager may be named like a function (PEP 8)",
    },
    {
      code: "class cached:\n    def __init__(self, func):\n        self.func = func\n    def __get__(self, obj, owner=None):\n        return self.func(obj)\n",
      ruffDiffers: "a descriptor used as a decorator may be named like a function (PEP 8)",
    },
    {
      code: "class abstractstaticmethod(staticmethod):\n    pass\n",
      ruffDiffers: "a subclass of a lower_case class follows its family's naming",
    },
    {
      code: "class memoize:\n    def __init__(self, f):\n        self.f = f\n\n@memoize\ndef g():\n    pass\n",
      ruffDiffers: "a class applied as a decorator may be named like a function (PEP 8)",
    },
    {
      code: "class _safe_key:\n    def __init__(self, obj):\n        self.obj = obj\n\nsorted([], key=_safe_key)\n",
      ruffDiffers: "a class that wraps a call (a key function) may be named like a function (PEP 8)",
    },
    {
      code: "from _ctypes import _SimpleCData\nclass c_bool(_SimpleCData):\n    _type_ = '?'\n",
      ruffDiffers: "a ctypes type mirrors the C type's name",
    },
    {
      code: "from distutils.core import Command\nclass build_py(Command):\n    pass\n",
      ruffDiffers: "a distutils command is named for the command line",
    },
    {
      code: "from sqlalchemy.types import TypeDecorator\nclass Range(TypeDecorator):\n    class comparator_factory(TypeDecorator.Comparator):\n        pass\n",
      ruffDiffers: "a nested class overriding the base's attribute of that name",
    },
  ],
  invalid: [
    { code: "class my_class:\n    pass\n", at: "1:7-1:15" },
    { code: "class user:\n    pass\n", at: "1:7-1:11" },
    { code: "class User_Profile:\n    pass\n", at: "1:7-1:19" },
    { code: "class _private_thing:\n    pass\n", at: "1:7-1:21" },
    { code: "def f():\n    class inner:\n        pass\n", at: "2:11-2:16" },
    { code: "class user_profile(object):\n    pass\n", at: "1:7-1:19" },
    { code: "class Profile:\n    class fake_code:\n        pass\n", at: "2:11-2:20" },
    { code: "class my_encoder:\n    pass\n\ndump(x, cls=my_encoder)\n", at: "1:7-1:17" },
    {
      code: "class my_base:\n    pass\n\nclass my_child(my_base):\n    pass\n",
      at: "1:7-1:14",
      ruffDiffers: "my_child follows its lower_case base, which is reported once",
    },
  ],
});

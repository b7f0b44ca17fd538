import check from "../../checks/naming/function-name.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "class Handler:\n    def do_GET(self):\n        pass\n\n    def startElement(self, name, attrs):\n        pass\n",
      ruffDiffers: "names http.server and xml.sax dictate",
    },
    {
      code: "class Copier:\n    def RunCommand(self):\n        pass\n\n    def CopyObject(self):\n        pass\n\n    def _ParseArgs(self):\n        pass\n\n    def close(self):\n        pass\n",
      ruffDiffers: "mixedCase is the module's prevailing style (PEP 8 allows it)",
    },
    "def load_config():\n    pass\n",
    "class T(unittest.TestCase):\n    def setUp(self):\n        pass\n    def tearDown(self):\n        pass\n",
    "from typing import override\nclass A(B):\n    @override\n    def MyM(self):\n        pass\n",
    "def __getattr__(name):\n    pass\n",
    {
      code: "class V(ast.NodeVisitor):\n    def visit_Name(self, node):\n        pass\n",
      ruffDiffers: "NodeVisitor dictates visit_<NodeType>",
    },
    {
      code: "import logging\nclass H(logging.Handler):\n    def handleError(self, record):\n        pass\n",
      ruffDiffers: "an override of a base class's method: the base dictates the name",
    },
    {
      code: "import unittest\nclass R(unittest.TestResult):\n    def addFailure(self, test, err):\n        pass\n",
      ruffDiffers: "an override of unittest's camelCase API",
    },
    {
      code: "from helpers import Base\nclass Sub(Base):\n    def runTask(self):\n        pass\n",
      ruffDiffers: "the base is not defined in the file and may dictate the name",
    },
    { code: "def test_Add_is_zero():\n    pass\n", ruffDiffers: "`Add` is a class's name, not camelCase" },
    {
      code: "class ElementTestCase:\n    def assertEqualElements(self, a, b):\n        pass\n",
      ruffDiffers: "an assertion helper spelled like the unittest API it extends",
    },
    {
      code: "class BaseContext:\n    def Event(self):\n        from .synchronize import Event\n        return Event(ctx=self)\n",
      ruffDiffers: "a factory named as the class it builds",
    },
  ],
  invalid: [
    {
      code: "def load():\n    pass\n\ndef save():\n    pass\n\ndef close():\n    pass\n\ndef ReadAll():\n    pass\n",
      at: "10:5-10:12",
    },
    { code: "def MyFunc():\n    pass\n", at: "1:5-1:11" },
    { code: "def loadConfig():\n    pass\n", at: "1:5-1:15" },
    { code: "class A:\n    def GetValue(self):\n        pass\n", at: "2:9-2:17" },
    { code: "async def FetchAll():\n    pass\n", at: "1:11-1:19" },
    { code: "def test_fooBar():\n    pass\n", at: "1:5-1:16" },
    {
      code: "class Base:\n    def doThing(self):\n        pass\n\nclass Sub(Base):\n    def doThing(self):\n        pass\n",
      at: "2:9-2:16",
      ruffDiffers: "the override in Sub follows its base, which is reported once",
    },
    { code: "class Base:\n    pass\n\nclass Sub(Base):\n    def doThing(self):\n        pass\n", at: "5:9-5:16" },
    { code: "class A(object):\n    def getValue(self):\n        pass\n", at: "2:9-2:17" },
    { code: "def Manager():\n    return make_manager()\n", at: "1:5-1:12" },
  ],
});

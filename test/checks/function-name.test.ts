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
  ],
});

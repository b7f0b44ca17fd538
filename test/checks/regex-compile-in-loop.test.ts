import check from "../../checks/performance/regex-compile-in-loop.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import re\nWORD = re.compile(r'\\w+')\ndef f(lines):\n    for line in lines:\n        WORD.findall(line)\n",
    "import re\ndef f(lines):\n    word = re.compile(r'\\w+')\n    for line in lines:\n        word.findall(line)\n",
    "import re\ndef f(lines):\n    for line in lines:\n        re.findall(r'\\w+', line)\n",
    "import re\ndef f(patterns):\n    for p in patterns:\n        re.compile(p)\n",
    "import re\ndef f(names):\n    for name in names:\n        re.compile(f'^{name}$')\n",
    "import re\ndef f(lines):\n    for line in lines:\n        def g():\n            return re.compile('x')\n",
    "import re\ndef f(flags):\n    for line in lines:\n        re.compile('x', flags)\n",
    "import regex as re\ndef f(lines):\n    for line in lines:\n        re.compile('x')\n",
    "import re\ndef f():\n    for m in re.compile('a').finditer(s):\n        pass\n",
  ],
  invalid: [
    {
      code: "import re\ndef f(lines):\n    for line in lines:\n        m = re.compile(r'(\\d+)-(\\d+)').match(line)\n",
      at: "4:13-4:39",
      message: /compile it once/,
    },
    { code: "from re import compile\nwhile True:\n    compile('x+')\n", at: "3:5-3:18" },
    {
      code: "import re as regex\ndef f(lines):\n    return [regex.compile('a' 'b', regex.I | regex.M).search(l) for l in lines]\n",
      at: "3:13-3:54",
    },
    {
      code: "import re\nclass A:\n    def m(self, xs):\n        for x in xs:\n            if re.compile(b'\\x00', flags=re.ASCII).search(x):\n                return x\n",
      at: "5:16-5:51",
    },
    { code: "import re\nfor a in b:\n    for c in d:\n        re.compile(pattern='[a-z]')\n", at: "4:9-4:36" },
  ],
});

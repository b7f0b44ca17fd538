import check from "../../checks/security/unsafe-pickle.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "# a test\nimport pickle\n\nsession = pickle.loads(cookie)\n",
      path: "tests/test_x.py",
      ruffDiffers: "test files are not checked",
    },
    "import pickle\npickle.dumps(x)\n",
    "import json\njson.loads(s)\n",
    "loads(b)\n",
    "import pickle\npickle.dump(x, f)\n",
    "from mylib import load\nload(f)\n",
  ],
  invalid: [
    { code: "import pickle\npickle.loads(b)\n", at: "2:1-2:16" },
    { code: "import pickle\npickle.load(f)\n", at: "2:1-2:15" },
    { code: "from pickle import loads\nloads(b)\n", at: "2:1-2:9" },
    { code: "import pickle as pk\nobj = pk.Unpickler(f).load()\n", at: "2:7-2:22" },
    { code: "import pickle\ndef restore(b):\n    return pickle.loads(b)\n", at: "3:12-3:27" },
  ],
});

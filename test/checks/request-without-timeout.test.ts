import check from "../../checks/security/request-without-timeout.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "# a test\nimport requests\n\nresponse = requests.get(url)\n",
      path: "tests/test_x.py",
      ruffDiffers: "test files are not checked",
    },
    "import requests\nrequests.get(u, timeout=5)\n",
    "import requests\nrequests.post(u, json=d, timeout=(3, 10))\n",
    "import httpx\nhttpx.get(u)\n",
    { code: "import requests\nrequests.get(u, **opts)\n", ruffDiffers: "`**opts` may carry the timeout" },
    "session.get(u)\n",
  ],
  invalid: [
    { code: "import requests\nrequests.get(u)\n", at: "2:1-2:13" },
    { code: "import requests\nrequests.get(u, timeout=None)\n", at: "2:17-2:29" },
    { code: "import requests\nrequests.request('GET', u)\n", at: "2:1-2:17" },
    { code: "from requests import post\npost(u, data=d)\n", at: "2:1-2:5" },
    { code: "import requests as r\ndef f(u):\n    return r.delete(u).status_code\n", at: "3:12-3:20" },
  ],
});

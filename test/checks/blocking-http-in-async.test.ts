import check from "../../checks/concurrency/blocking-http-in-async.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import requests\ndef f(url):\n    return requests.get(url, timeout=5)\n",
    "import httpx\nasync def f(url):\n    async with httpx.AsyncClient() as c:\n        return await c.get(url)\n",
    "import requests\nasync def f(url):\n    def g():\n        return requests.get(url, timeout=5)\n    return await asyncio.to_thread(g)\n",
    "async def f(requests, url):\n    requests.get(url)\n",
    "import requests\nasync def f(url):\n    return requests.Session().get(url)\n",
    "import requests\nasync def f(url):\n    class A:\n        r = requests.get(url)\n",
    "import httpx\nasync def f(url):\n    async with httpx.stream('GET', url) as r:\n        pass\n",
    "import requests\nasync def f(urls):\n    return map(lambda u: requests.get(u), urls)\n",
  ],
  invalid: [
    {
      code: "import requests\nasync def f(url):\n    return requests.get(url)\n",
      at: "3:12-3:24",
      message: /blocks the event loop/,
    },
    { code: "from requests import post\nasync def f(url):\n    post(url, json={})\n", at: "3:5-3:9" },
    { code: "import urllib.request\nasync def f(url):\n    urllib.request.urlopen(url).read()\n", at: "3:5-3:27" },
    { code: "import httpx as hx\nclass A:\n    async def m(self, url):\n        hx.delete(url)\n", at: "4:9-4:18" },
    {
      code: "from urllib.request import urlopen\nasync def f(urls):\n    return [urlopen(u) for u in urls]\n",
      at: "3:13-3:20",
    },
    { code: "import requests\nasync def f(url):\n    requests.request('PUT', url)\n", at: "3:5-3:21" },
  ],
});

import check from "../../checks/idioms/utcnow.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from datetime import datetime, timezone\nx = datetime.now(timezone.utc)\n",
    "x = clock.utcnow()\n",
    "import arrow\nx = arrow.utcnow()\n",
    "from datetime import datetime\ndef f(datetime):\n    return datetime.utcnow()\n",
    "s = 'datetime.utcnow()'\n",
  ],
  invalid: [
    { code: "import datetime\nx = datetime.datetime.utcnow()\n", at: "2:5-2:31" },
    { code: "from datetime import datetime\nx = datetime.utcnow()\n", at: "2:5-2:22" },
    { code: "from datetime import datetime as dt\nx = dt.utcnow()\n", at: "2:5-2:16" },
    { code: "import datetime as d\nx = d.datetime.utcnow().isoformat()\n", at: "2:5-2:24" },
    { code: "from datetime import datetime\ndef stamp():\n    return datetime.utcnow()\n", at: "3:12-3:29" },
  ],
});

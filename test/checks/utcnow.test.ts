import check from "../../checks/idioms/utcnow.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "from datetime import datetime, timezone\nx = datetime.now(timezone.utc)\n",
    "x = clock.utcnow()\n",
    "import arrow\nx = arrow.utcnow()\n",
    "from datetime import datetime\ndef f(datetime):\n    return datetime.utcnow()\n",
    "s = 'datetime.utcnow()'\n",
    {
      code: "from datetime import datetime\ndef fresh(date):\n    date = datetime.utcfromtimestamp(date)\n    now = datetime.utcnow()\n    return date > now\n",
      ruffDiffers: "compared with a naive datetime: the aware value raises TypeError",
    },
    {
      code: "from datetime import datetime, timedelta\ndef cookie(parsed):\n    expires = datetime.utcnow() + timedelta(days=10)\n    return expires - datetime(*parsed[:6])\n",
      ruffDiffers: "subtracted from a naive datetime",
    },
    {
      code: "from datetime import datetime\ndef zone_name(tzinfo, dt=None):\n    return tzinfo.tzname(dt or datetime.utcnow())\n",
      ruffDiffers: "pytz tzname takes a naive datetime",
    },
  ],
  invalid: [
    { code: "import datetime\nx = datetime.datetime.utcnow()\n", at: "2:5-2:31" },
    { code: "from datetime import datetime\nx = datetime.utcnow()\n", at: "2:5-2:22" },
    { code: "from datetime import datetime as dt\nx = dt.utcnow()\n", at: "2:5-2:16" },
    { code: "import datetime as d\nx = d.datetime.utcnow().isoformat()\n", at: "2:5-2:24" },
    {
      code: "from datetime import datetime\ndef stamp():\n    return datetime.utcnow()\n",
      at: "3:12-3:29",
      message: "aware values cannot be compared with naive ones",
    },
    {
      code: "from datetime import datetime, timezone\ndef stamp(event):\n    event.at = datetime.utcnow()\n    event.zone = datetime(2020, 1, 1, tzinfo=timezone.utc)\n",
      at: "3:16-3:33",
    },
  ],
});

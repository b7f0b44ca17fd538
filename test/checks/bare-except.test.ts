import check from "../../checks/idioms/bare-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept Exception:\n    pass\n",
    "try:\n    x()\nexcept:\n    cleanup()\n    raise\n",
    "try:\n    x()\nexcept BaseException:\n    pass\n",
    "try:\n    x()\nexcept (ValueError, TypeError) as e:\n    print(e)\n",
    "s = 'try: x()\\nexcept: pass'\n",
  ],
  invalid: [
    { code: "try:\n    x()\nexcept:\n    pass\n", at: "3:1-3:7" },
    { code: "try:\n    x()\nexcept :\n    log()\n", at: "3:1-3:8" },
    { code: "try:\n    x()\nexcept ValueError:\n    pass\nexcept:\n    pass\n", at: "5:1-5:7" },
    {
      code: "def f():\n    try:\n        x()\n    except:  # noqa-free comment\n        return None\n",
      at: "4:5-4:11",
    },
    { code: "try:\n    x()\nexcept:\n    def g():\n        raise\n", at: "3:1-3:7" },
    { code: "try:\n    x()\nexcept:\n    if not quiet:\n        raise\n", at: "3:1-3:7" },
  ],
});

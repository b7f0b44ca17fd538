import check from "../../checks/idioms/silent-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept ValueError:\n    pass\n",
    "try:\n    x()\nexcept Exception:\n    log()\n",
    "try:\n    x()\nexcept Exception:\n    ...\n",
    "try:\n    x()\nexcept Exception:\n    pass\n    log()\n",
    "Exception = ValueError\ntry:\n    x()\nexcept Exception:\n    pass\n",
  ],
  invalid: [
    { code: "try:\n    x()\nexcept Exception:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept (Exception) as e:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept (ValueError, BaseException):\n    pass  # best effort\n", at: "3:1-4:9" },
    {
      code: "import builtins\ntry:\n    x()\nexcept builtins.Exception:\n    pass\n",
      at: "4:1-5:9",
      ruffDiffers: "Ruff does not resolve `builtins.Exception`",
    },
  ],
});

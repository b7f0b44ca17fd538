import check from "../../checks/idioms/useless-try-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept ValueError:\n    log()\n    raise\n",
    "try:\n    x()\nexcept (ValueError, KeyError):\n    raise\nexcept Exception:\n    handle()\n",
    "try:\n    x()\nexcept ValueError as e:\n    raise TypeError() from e\n",
    "try:\n    x()\nexcept ValueError as e:\n    raise other\n",
    "try:\n    x()\nfinally:\n    cleanup()\n",
    {
      code: "try:\n    x()\nexcept ValueError:\n    raise  # keep going\n",
      ruffDiffers: "a comment in the handler",
    },
    {
      code: "try:\n    s = text.encode(enc)\nexcept UnicodeError:\n    # TODO - add error checking\n    raise\n",
      ruffDiffers: "a placeholder with a TODO",
    },
  ],
  invalid: [
    { code: "try:\n    x()\nexcept ValueError:\n    raise\n", at: "3:1-4:10" },
    { code: "try:\n    x()\nexcept ValueError as e:\n    raise e\n", at: "3:1-4:12" },
    {
      code: "try:\n    x()\nexcept ValueError:\n    raise\nexcept KeyError:\n    raise\n",
      at: ["3:1-4:10", "5:1-6:10"],
    },
    {
      code: "def f():\n    try:\n        return g()\n    except OSError:\n        raise\n    finally:\n        close()\n",
      at: "4:5-5:14",
    },
    {
      code: "def f(cursor):\n    try:\n        val = cursor.fetchone()[0]\n    except:\n        raise\n    else:\n        return bool(val)\n    finally:\n        cursor.close()\n",
      at: "4:5-5:14",
      message: "move the `else:` body to the end of the `try:` body",
    },
    { code: "try:\n    x()\nexcept ValueError as e:\n    raise (e)\n", at: "3:1-4:14" },
    { code: "try:\n    x()\nexcept ValueError:\n    raise\n    cleanup()\n", at: "3:1-5:14" },
  ],
});

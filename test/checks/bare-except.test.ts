import check from "../../checks/idioms/bare-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept Exception:\n    pass\n",
    "try:\n    x()\nexcept:\n    cleanup()\n    raise\n",
    "try:\n    x()\nexcept BaseException:\n    pass\n",
    "try:\n    x()\nexcept (ValueError, TypeError) as e:\n    print(e)\n",
    "s = 'try: x()\\nexcept: pass'\n",
    {
      code: "try:\n    x()\nexcept:\n    if not quiet:\n        raise\n",
      ruffDiffers: "re-raises, one level down",
    },
    {
      code: "try:\n    conn.commit()\nexcept:\n    with util.safe_reraise():\n        transaction.rollback()\n",
      ruffDiffers: "cleanup then re-raise",
    },
    {
      code: "def __enter__(self):\n    try:\n        return self.start()\n    except:\n        if not self.__exit__(*sys.exc_info()):\n            raise\n",
      ruffDiffers: "re-raises unless suppressed",
    },
    {
      code: "try:\n    result = fn()\nexcept:\n    future_set_exc_info(f, sys.exc_info())\n",
      ruffDiffers: "forwards the exception",
    },
    {
      code: "try:\n    self.finish_request(request)\nexcept:\n    self.handle_error(request)\n    os._exit(127)\n",
      ruffDiffers: "a forked child must not return",
    },
    {
      code: "try:\n    self.close()\nexcept:  # ignore everything, as we're shutting down\n    pass\n",
      ruffDiffers: "the comment says why",
    },
  ],
  invalid: [
    { code: "try:\n    x()\nexcept:\n    pass\n", at: "3:1-3:7" },
    { code: "try:\n    x()\nexcept :\n    log()\n", at: "3:1-3:8" },
    { code: "try:\n    x()\nexcept ValueError:\n    pass\nexcept:\n    pass\n", at: "5:1-5:7" },
    { code: "def f():\n    try:\n        x()\n    except:\n        return None\n", at: "4:5-4:11" },
    { code: "try:\n    x()\nexcept:\n    log(sys.exc_info)\n", at: "3:1-3:7" },
    { code: "try:\n    x()\nexcept:\n    def g():\n        raise\n", at: "3:1-3:7" },
  ],
});

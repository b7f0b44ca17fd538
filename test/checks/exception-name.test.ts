import check from "../../checks/naming/exception-name.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    { code: "class Boom(Exception):\n    pass\n", path: "tests/test_x.py", ruffDiffers: "test files are not checked" },
    "class ConfigError(ValueError):\n    pass\n",
    "class BoomWarning(Warning):\n    pass\n",
    "class Plain:\n    pass\n",
    "class StopIt(StopIteration):\n    pass\n",
    "class Base(object):\n    pass\n",
    "class NotFound(errors.HTTPError):\n    pass\n",
    "class Clamped(DecimalException):\n    pass\n",
  ],
  invalid: [
    { code: "class Missing(KeyError):\n    pass\n", at: "1:7-1:14" },
    { code: "class MyException(Exception):\n    pass\n", at: "1:7-1:18" },
    { code: "class Boom(ValueError):\n    pass\n", at: "1:7-1:11" },
    { code: "class Boom(MyError):\n    pass\n", at: "1:7-1:11" },
    { code: "class Timeout(OSError, RuntimeError):\n    pass\n", at: "1:7-1:14" },
  ],
});

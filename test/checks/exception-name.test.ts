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
    { code: "class StopTokenizing(Exception):\n    pass\n", ruffDiffers: "a control-flow exception, not an error" },
    { code: "class BdbQuit(Exception):\n    pass\n", ruffDiffers: "a control-flow exception, not an error" },
    { code: "class Return(Exception):\n    pass\n", ruffDiffers: "a control-flow exception, not an error" },
    { code: "class ParsingInterrupted(Exception):\n    pass\n", ruffDiffers: "a control-flow exception, not an error" },
    {
      code: "class _Found(Exception):\n    pass\n\ndef find(xs):\n    try:\n        for x in xs:\n            raise _Found\n    except _Found:\n        return True\n",
      ruffDiffers: "a private signal raised and caught in the same file",
    },
    {
      code: "class FlowError(BaseException):\n    pass\n\nclass Jumped(FlowError):\n    pass\n",
      ruffDiffers: "derives from BaseException, not Exception: control flow, not an error",
    },
  ],
  invalid: [
    { code: "class Missing(KeyError):\n    pass\n", at: "1:7-1:14" },
    { code: "class MyException(Exception):\n    pass\n", at: "1:7-1:18" },
    { code: "class Boom(ValueError):\n    pass\n", at: "1:7-1:11" },
    { code: "class Boom(MyError):\n    pass\n", at: "1:7-1:11" },
    { code: "class Timeout(OSError, RuntimeError):\n    pass\n", at: "1:7-1:14" },
    { code: "class BadLocalReturn(Exception):\n    pass\n", at: "1:7-1:21" },
    { code: "class _Missing(Exception):\n    pass\n\nraise _Missing\n", at: "1:7-1:15" },
    {
      code: "class InvalidVersion(ValueError):\n    pass\n\ntry:\n    raise InvalidVersion\nexcept InvalidVersion:\n    pass\n",
      at: "1:7-1:21",
    },
  ],
});

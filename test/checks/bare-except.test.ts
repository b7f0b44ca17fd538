import check from "../../checks/idioms/bare-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept Exception:\n    pass\n",
    {
      code: "try:\n    x()\nexcept (KeyboardInterrupt, SystemExit):\n    raise\nexcept:\n    log()\n",
      ruffDiffers: "Ctrl-C and sys.exit() are handled by the earlier clause",
    },
    {
      code: "try:\n    x()\nexcept KeyboardInterrupt:\n    raise\nexcept builtins.SystemExit:\n    sys.exit(1)\nexcept:\n    log()\n",
      ruffDiffers: "both handled earlier, one clause each",
    },
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
    {
      code: "import sys, traceback\n\n\ndef _make_failed_import_test(name):\n    message = 'Failed to import test module: %s\\n%s' % (name, traceback.format_exc())\n    return FailedTest(name), message\n\n\nclass Loader:\n    def _get_module_from_name(self, name):\n        __import__(name)\n        return sys.modules[name]\n\n    def find(self, name):\n        try:\n            module = self._get_module_from_name(name)\n        except:\n            error_case, message = _make_failed_import_test(name)\n            self.errors.append(message)\n            return error_case\n        return module\n",
      ruffDiffers: "test discovery: a test module's SystemExit becomes one failed import",
    },
    {
      code: "try:\n    plugin = importlib.import_module(name)\nexcept:\n    logger.exception('cannot load plugin %s', name)\n",
      ruffDiffers: "loads code it does not control and logs any failure",
    },
    {
      code: "try:\n    import settings\nexcept:\n    traceback.print_exc()\n    settings = None\n",
      ruffDiffers: "imports user configuration and prints any failure",
    },
    {
      code: "def get_exc_info():\n    try:\n        try:\n            test.fail('foo')\n        except:\n            raise ValueError(42)\n    except:\n        return sys.exc_info()\n",
      ruffDiffers: "the inner raise reaches an outer handler that catches everything and forwards it",
    },
  ],
  invalid: [
    { code: "try:\n    x()\nexcept:\n    pass\n", at: "3:1-3:7" },
    {
      code: "try:\n    x()\nexcept KeyboardInterrupt:\n    raise\nexcept:\n    log()\n",
      at: "5:1-5:7",
      message: "Bare `except:` also catches `SystemExit`",
    },
    {
      code: "try:\n    x()\nexcept (SystemExit, ValueError):\n    raise\nexcept:\n    log()\n",
      at: "5:1-5:7",
      message: "Bare `except:` also catches `KeyboardInterrupt`",
    },
    { code: "try:\n    x()\nexcept :\n    log()\n", at: "3:1-3:8" },
    { code: "try:\n    x()\nexcept ValueError:\n    pass\nexcept:\n    pass\n", at: "5:1-5:7" },
    { code: "def f():\n    try:\n        x()\n    except:\n        return None\n", at: "4:5-4:11" },
    { code: "try:\n    x()\nexcept:\n    log(sys.exc_info)\n", at: "3:1-3:7" },
    { code: "try:\n    x()\nexcept:\n    def g():\n        raise\n", at: "3:1-3:7" },
    { code: "try:\n    import json\nexcept:\n    json = None\n", at: "3:1-3:7" },
    { code: "try:\n    mod = importlib.import_module(name)\nexcept:\n    pass\n", at: "3:1-3:7" },
    { code: "try:\n    run()\nexcept:\n    traceback.print_exc()\n", at: "3:1-3:7" },
    { code: "try:\n    rank = important_items(rows)\nexcept:\n    traceback.print_exc()\n", at: "3:1-3:7" },
    {
      code: "def load(name):\n    return registry[name]\n\n\ntry:\n    load(x)\nexcept:\n    traceback.print_exc()\n",
      at: "7:1-7:7",
    },
    { code: "try:\n    x()\nexcept:\n    raise ValueError(42)\n", at: "3:1-3:7" },
    {
      code: "def f():\n    try:\n        try:\n            x()\n        except:\n            raise ValueError(42)\n    except Exception:\n        return sys.exc_info()\n",
      at: "5:9-5:15",
    },
    {
      code: "def f():\n    try:\n        x()\n    except:\n        raise ValueError(42)\n    finally:\n        try:\n            y()\n        except:\n            raise\n",
      at: "4:5-4:11",
    },
  ],
});

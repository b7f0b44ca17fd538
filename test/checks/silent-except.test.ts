import check from "../../checks/idioms/silent-except.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept ValueError:\n    pass\n",
    "try:\n    x()\nexcept Exception:\n    log()\n",
    "try:\n    x()\nexcept Exception:\n    ...\n",
    "try:\n    x()\nexcept Exception:\n    pass\n    log()\n",
    "Exception = ValueError\ntry:\n    x()\nexcept Exception:\n    pass\n",
    // Best-effort cleanup.
    { code: "try:\n    self.close()\nexcept:\n    pass\n", ruffDiffers: "best-effort close" },
    {
      code: "import os\ndef tearDown(self):\n    try:\n        os.unlink(self.path)\n    except Exception:\n        pass\n",
      ruffDiffers: "best-effort removal",
    },
    {
      code: "try:\n    sock.shutdown(2)\n    sock.close()\nexcept Exception:\n    pass\n",
      ruffDiffers: "best-effort shutdown",
    },
    {
      code: "class Pool:\n    def __del__(self):\n        try:\n            self._flush()\n        except Exception:\n            pass\n",
      ruffDiffers: "inside __del__, at interpreter exit",
    },
    {
      code: "try:\n    with tarfile.open(name, 'w') as tar:\n        raise Exception\nexcept:\n    pass\n",
      ruffDiffers: "the body raises on purpose",
    },
    // Explained by a comment.
    { code: "try:\n    x()\nexcept Exception:\n    pass  # best effort\n", ruffDiffers: "explained in the handler" },
    {
      code: "for name in names:\n    try:\n        out.append(lookup(name))\n    except:\n        # some widgets are unknown, e.g. the border\n        pass\n",
      ruffDiffers: "explained in the handler",
    },
    {
      code: "# Errors may occur if multiprocessing has not finished loading yet.\ntry:\n    name = current_process().name\nexcept Exception:  # pragma: no cover\n    pass\n",
      ruffDiffers: "explained right above the try",
    },
  ],
  invalid: [
    // A failed flush is lost data, not cleanup.
    { code: "try:\n    out.flush()\nexcept:\n    pass\n", at: "3:1-4:9" },
    {
      code: "try:\n    def check():\n        raise ValueError\n    run(check)\nexcept Exception:\n    pass\n",
      at: "5:1-6:9",
    },
    { code: "try:\n    x()\nexcept Exception:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept (Exception) as e:\n    pass\n", at: "3:1-4:9" },
    { code: "try:\n    x()\nexcept (ValueError, BaseException):\n    pass\n", at: "3:1-4:9" },
    // A tool directive explains nothing; a comment two lines up is about something else.
    { code: "try:\n    x()\nexcept Exception:  # pragma: no cover\n    pass\n", at: "3:1-4:9" },
    { code: "# load the plugin\n\ntry:\n    load()\nexcept Exception:\n    pass\n", at: "5:1-6:9" },
    { code: "try:\n    f.close()\n    publish(f.name)\nexcept Exception:\n    pass\n", at: "4:1-5:9" },
    {
      code: "import builtins\ntry:\n    x()\nexcept builtins.Exception:\n    pass\n",
      at: "4:1-5:9",
      ruffDiffers: "Ruff does not resolve `builtins.Exception`",
    },
  ],
});

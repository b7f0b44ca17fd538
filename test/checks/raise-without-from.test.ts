import check from "../../checks/idioms/raise-without-from.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "try:\n    x()\nexcept ValueError as e:\n    raise TypeError('x') from e\n",
    "try:\n    x()\nexcept ValueError:\n    raise TypeError('x') from None\n",
    "try:\n    x()\nexcept ValueError:\n    raise\n",
    "try:\n    x()\nexcept ValueError as e:\n    raise e\n",
    "try:\n    x()\nexcept ValueError:\n    def f():\n        raise KeyError\n",
    "raise TypeError('outside any handler')\n",
    "try:\n    x()\nexcept ValueError:\n    try:\n        raise KeyError\n    except KeyError:\n        pass\n",
    "try:\n    x()\nexcept ValueError:\n    for v in vs:\n        break\n    else:\n        raise KeyError\n",
    "try:\n    x()\nexcept ValueError:\n    try:\n        y()\n    except KeyError:\n        pass\n    else:\n        raise TypeError\n",
    "try:\n    x()\nexcept ValueError as e:\n    raise (e)\n",
    {
      code: "try:\n    read()\nexcept Exception as e:\n    try:\n        import zlib\n        if isinstance(e, zlib.error):\n            raise ReadError(f'zlib error: {e}') from None\n        else:\n            raise e\n    except ImportError:\n        raise e\n",
      ruffDiffers: "re-raises the exception being handled, from a nested handler",
    },
    {
      code: "try:\n    x()\nexcept ValueError as e:\n    raise SystemExit(e)\n",
      ruffDiffers: "SystemExit prints only the message",
    },
    {
      code: "try:\n    copy()\nexcept Exception as err:\n    raise _GiveupOnFastCopy(err)\n",
      ruffDiffers: "private control-flow signal caught by the caller",
    },
    {
      code: "class D:\n    def run(self):\n        try:\n            x()\n        except IOError as error:\n            raise self.severe('Problem with directive:\\n%s' % error)\n",
      ruffDiffers: "becomes a system message, not a traceback",
    },
    {
      code: "async def f(it):\n    try:\n        return next(it)\n    except StopIteration:\n        # PEP 479: a StopIteration cannot leave a coroutine\n        raise StopAsyncIteration\n",
      ruffDiffers: "translation explained by a comment",
    },
    {
      code: "def test_chain(self):\n    try:\n        raise OSError\n    except OSError:\n        raise ValueError\n",
      path: "unittest/test/test_assertions.py",
      ruffDiffers: "a test builds an exception context on purpose",
    },
  ],
  invalid: [
    { code: "try:\n    x()\nexcept ValueError:\n    raise TypeError('x')\n", at: "4:5-4:25" },
    { code: "try:\n    x()\nexcept ValueError:\n    if y:\n        raise KeyError\n", at: "5:9-5:23" },
    { code: "try:\n    x()\nexcept ValueError as e:\n    raise RuntimeError(str(e))\n", at: "4:5-4:31" },
    {
      code: "def f():\n    try:\n        x()\n    except (KeyError, IndexError):\n        raise LookupError('missing')\n",
      at: "5:9-5:37",
    },
    { code: "try:\n    x()\nexcept Exception as e:\n    for h in hs:\n        raise h.wrap(e)\n", at: "5:9-5:24" },
    { code: "try:\n    x()\nexcept KeyError:\n    raise errors.ConfigError('missing')\n", at: "4:5-4:40" },
    {
      code: "try:\n    x()\nexcept Exception as e:\n    try:\n        y()\n    except KeyError as missing:\n        raise LookupError(e)\n",
      at: "7:9-7:29",
    },
    {
      code: "class C:\n    def f(self):\n        try:\n            x()\n        except KeyError:\n            raise self.Error('missing')\n",
      at: "6:13-6:40",
    },
  ],
});

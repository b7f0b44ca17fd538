import check from "../../checks/idioms/mutable-default-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "from typing import List\ndef check_once(done: List[int] = []) -> None:\n    if done:\n        return\n    setup()\n    done.append(1)\n",
      ruffDiffers: "a memo: looked up before it is changed, never handed on",
    },
    {
      code: "def _getsvnversion(ver=[]):\n    try:\n        return ver[0]\n    except IndexError:\n        v = compute()\n        ver.append(v)\n        return v\n",
      ruffDiffers: "a memo: looked up before it is changed, never handed on",
    },
    {
      code: "def FixedOffset(offset, _tzinfos={}):\n    info = _tzinfos.get(offset)\n    if info is None:\n        info = _tzinfos.setdefault(offset, make(offset))\n    return info\ndef importxml(cache=[]):\n    if not cache:\n        cache.extend([1, 2])\n    return cache\n",
      ruffDiffers: "a memo: looked up before it is changed, never handed on",
    },
    "def f(a=None, b=(), c=frozenset(), d=0, e='x'):\n    pass\n",
    {
      code: "class A:\n    def __init__(self, choices=[]):\n        self.choices = choices\n",
      ruffDiffers: "kept on the instance and never changed here: on real code such defaults were read-only",
    },
    "from typing import Sequence\ndef f(a: Sequence[int] = []):\n    pass\n",
    "def list():\n    return []\ndef f(a=list()):\n    pass\n",
    "lambda a=[]: a\n",
    "def f(a=tuple([1, 2])):\n    pass\n",
    "x = []\ndef f(a=x):\n    pass\n",
    {
      code: "def f(a=[]) -> None: ...\n",
      path: "pkg/module.pyi",
      ruffDiffers: "the oracle cannot tell Ruff the file is a stub; Ruff skips B006 in `.pyi` files too",
    },
    "from typing import Optional, Sequence\ndef f(a: Optional[Sequence[int]] = []):\n    pass\n",
    "from collections.abc import Mapping\ndef f(a: Mapping[str, int] | None = {}):\n    pass\n",
    {
      code: "def _make_key(args, kwds, typed, kwd_mark=(object(),), fasttypes={int, str}, tuple=tuple, type=type, len=len):\n    if len(args) == 1 and type(args[0]) in fasttypes:\n        return args[0]\n    return tuple(args)\n",
      ruffDiffers: "bind-as-local idiom: the default is only read",
    },
    {
      code: "def request(self, method, url, body=None, headers={}, *, encode_chunked=False):\n    for name, value in headers.items():\n        self.putheader(name, value)\n    self.send(len(headers))\n",
      ruffDiffers: "the default is only read: never changed",
    },
    {
      code: "def formatargspec(args, kwonlydefaults={}, annotations={}):\n    if kwonlydefaults and args[0] in kwonlydefaults:\n        return ', '.join(annotations)\n    return str(annotations.get('return'))\n",
      ruffDiffers: "the defaults are only read",
    },
    {
      code: "class Printer:\n    def __init__(self, settings={}):\n        super().__init__(settings)\n        self.funcs = dict(settings.get('user_functions', {}))\n",
      ruffDiffers: "only handed to a call that reads it",
    },
    {
      code: "def __new__(cls, base_dims, dimensional_dependencies={}):\n    dimensional_dependencies = dict(dimensional_dependencies)\n    dimensional_dependencies[cls] = 1\n    return dimensional_dependencies\n",
      ruffDiffers: "copied first: later uses are the copy",
    },
    {
      code: "def evalf_sum(term0):\n    def summand(k, _term=[term0]):\n        _term[0] *= k\n        return _term[0]\n    return summand\n",
      ruffDiffers: "a nested def's default is a per-call accumulator",
    },
    {
      code: "def _respond(self, answers=[], authority=[]):\n    for section, data in [(self.answers, answers), (self.authority, authority)]:\n        for item in data:\n            section.append(item)\n",
      ruffDiffers: "only read through a container looped over at once",
    },
    {
      code: "def reduce(inequalities, symbols=[]):\n    if not iterable(symbols):\n        symbols = [symbols]\n    old = symbols\n    return solve(inequalities, set(old))\n",
      ruffDiffers: "rebound and aliased, never mutated",
    },
    {
      code: "def substitution(system, symbols, result=[{}], known_symbols=[]):\n    old_result = result\n\n    def _new_order_result(result, eq):\n        first = [res for res in result if eq.subs(res) == 0]\n        if first:\n            return first\n        return result\n\n    def _solve(result):\n        result = [dict(res) for res in _new_order_result(result, system[0])]\n        result.remove({})\n        return result\n\n    return _solve(old_result)\n",
      ruffDiffers: "the nested functions return and change their own `result`, never the default",
    },
  ],
  invalid: [
    {
      code: "def collect(items=[]):\n    def add(x):\n        items.append(x)\n    add(1)\n",
      at: "1:19-1:21",
    },
    {
      code: "def collect(items=[]):\n    def add(x):\n        total = 0\n        items.append(x)\n    add(1)\n",
      at: "1:19-1:21",
    },
    {
      code: "def add(item, items=[]):\n    if item not in items:\n        items.append(item)\n    return items\ndef take(y, items=[]):\n    if not y in items:\n        return items.pop()\n",
      at: ["1:21-1:23", "5:19-5:21"],
    },
    {
      code: "def walk(node, seen=set()):\n    if node in seen:\n        return\n    seen.add(node)\n    for child in node.children:\n        walk(child, seen)\n",
      at: "1:21-1:26",
    },
    {
      code: "def indented_block(expr, stack, backup=[]):\n    def reset():\n        backup.append(stack[:])\n    def check():\n        if backup:\n            stack[:] = backup[-1]\n    return expr, reset, check\n",
      at: "1:40-1:42",
    },
    {
      code: "def get_default_values(parsed, default_values={}):\n    if not isinstance(parsed, list):\n        return default_values\n    default_values[parsed[0]] = 1\n    return default_values\n",
      at: "1:47-1:49",
    },
    { code: "def f(a=[]):\n    a.append(1)\n", at: "1:9-1:11" },
    { code: "def f(a, b={}, *, c=set()):\n    b[a] = 1\n    return c\n", at: ["1:12-1:14", "1:21-1:26"] },
    {
      code: "def f(a=[x for x in range(3)], b=dict(k=1)):\n    a += [1]\n    b.clear()\n",
      at: ["1:9-1:30", "1:34-1:43"],
    },
    {
      code: "import collections\ndef f(a=collections.defaultdict(list)):\n    a[1].append(2)\n    return a\n",
      at: "2:9-2:38",
    },
    {
      code: "from collections import deque\nclass A:\n    async def m(self, q=deque()):\n        self.q = q\n        q.append(1)\n",
      at: "3:25-3:32",
    },
    { code: "def f(a: list = []):\n    b = a\n    b.append(1)\n", at: "1:17-1:19" },
    {
      code: "from typing import Sequence, Union\ndef f(a: Union[Sequence[int], list] = ([])):\n    yield a\n",
      at: "2:40-2:42",
    },
  ],
});

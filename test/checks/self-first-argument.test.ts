import check from "../../checks/naming/self-first-argument.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "class T:\n    @jump_test(1, 3)\n    def test_jump(output):\n        output.append(1)\n",
      ruffDiffers: "a decorator that may change what the function receives",
    },
    {
      code: "class F:\n    def __neg__(a):\n        return F(-a.n)\n    def __pos__(a):\n        return F(a.n)\n    def __abs__(a):\n        return F(abs(a.n))\n",
      ruffDiffers: "the class's deliberate convention",
    },
    {
      code: "class DFA:\n    def unpack(cls, string):\n        return cls(string)\n    unpack = classmethod(unpack)\n",
      ruffDiffers: "the pre-decorator classmethod spelling",
    },
    {
      code: "class Lexer:\n    def callback(lexer, match):\n        yield match\n    tokens = {'root': [('<', callback)]}\n",
      ruffDiffers: "a callback the class body uses as a plain function",
    },
    "class A:\n    def m(self):\n        pass\n",
    "class A:\n    @staticmethod\n    def s(x):\n        pass\n    @classmethod\n    def c(cls):\n        pass\n",
    "class A:\n    def __new__(cls):\n        pass\n    def __init_subclass__(cls):\n        pass\n",
    "class Meta(type):\n    def m(cls):\n        pass\n",
    "def f(x):\n    pass\n",
    "class A:\n    def m():\n        pass\n",
    {
      code: "class T:\n    def test(self):\n        class Proto:\n            def made(proto, tr):\n                self.seen = tr\n        return Proto\n",
      ruffDiffers: "the method uses the enclosing method's self, so its own first parameter has another name",
    },
    {
      code: "from enum import Enum\nclass Color(Enum):\n    def _generate_next_value_(name, start, count, last_values):\n        return name\n",
      ruffDiffers: "Enum's documented hook is called without an instance",
    },
    {
      code: "class _Base(type):\n    pass\n\nclass _Factory(_Base):\n    def __call__(cls, *args):\n        return cls\n",
    },
    "class Meta(type):\n    def m(mcs):\n        pass\n",
    {
      code: "class classproperty(property):\n    def __get__(desc, self, cls):\n        return desc.fget(cls)\n",
      ruffDiffers: "a later parameter is named self on purpose",
    },
    {
      code: "from twisted import Interface\nclass IServer(Interface):\n    def gotVersion(version):\n        return {}\n",
      ruffDiffers: "a zope interface declares methods without self",
    },
    {
      code: "class T:\n    def get_single(f):\n        return f\n    for f in ['a', 'b']:\n        locals()['test_' + f] = get_single(f)\n",
      ruffDiffers: "a helper the class body calls while it is built",
    },
    {
      code: "class T:\n    def test(self):\n        class C:\n            def __init__(self_):\n                pass\n        return C\n",
      ruffDiffers: "a variant of the enclosing method's self, renamed so as not to shadow it",
    },
    {
      code: "class C:\n    def invoke(__self, *args, **kwargs):\n        pass\n",
      ruffDiffers: "`__self` keeps `self` free for **kwargs",
    },
    {
      code: 'from zope.interface import Interface\nclass IThing(Interface):\n    def do(x):\n        """Do x."""\n',
      ruffDiffers: "a zope interface declares methods without self",
    },
    {
      code: "class T:\n    def wrap(func):\n        return func\n    @wrap\n    def m(self):\n        pass\n",
      ruffDiffers: "a decorator the class body applies to its methods",
    },
    {
      code: "from sympy.core.assumptions import ManagedProperties\nclass PredicateMeta(ManagedProperties):\n    def __doc__(cls):\n        return cls.__name__\n",
      ruffDiffers: "a metaclass (named so) whose base is imported",
    },
    {
      code: 'class IMetadataProvider:\n    def has_metadata(name):\n        """Does the package\'s distribution contain the named metadata?"""\n',
      ruffDiffers: "an interface declaration without self",
    },
  ],
  invalid: [
    {
      code: "import abc\nclass A:\n    @abc.abstractmethod\n    def run(this):\n        pass\n",
      at: "4:13-4:17",
    },
    { code: "class A:\n    def m(x):\n        pass\n", at: "2:11-2:12" },
    { code: "class A:\n    def n(cls):\n        pass\n", at: "2:11-2:14" },
    { code: "class A:\n    def m(this, x):\n        pass\n", at: "2:11-2:15" },
    { code: "class A:\n    @property\n    def p(me):\n        return 1\n", at: "3:11-3:13" },
    { code: "class A:\n    async def m(s):\n        pass\n", at: "2:17-2:18" },
    { code: "class A:\n    def m(  # the instance\n        this, x):\n        pass\n", at: "3:9-3:13" },
    {
      code: "from things import IThing\nclass IOther(IThing):\n    def do(x):\n        return x\n",
      at: "3:12-3:13",
    },
    {
      code: "class T:\n    def test(self):\n        class Proto:\n            def made(proto, tr):\n                proto.seen = tr\n        return Proto\n",
      at: "4:22-4:27",
    },
  ],
});

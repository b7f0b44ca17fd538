import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { MUTABLE_CALLS } from "../../src/engine/classes.js";

// Calls whose result is immutable (or deliberately shared), like Ruff's B008 allow-list.
const IMMUTABLE_CALLS = new Set([
  "tuple",
  "frozenset",
  "bytes",
  "int",
  "float",
  "complex",
  "str",
  "bool",
  "range",
  "operator.attrgetter",
  "operator.itemgetter",
  "operator.methodcaller",
  "types.MappingProxyType",
  "re.compile",
  "decimal.Decimal",
  "fractions.Fraction",
  "pathlib.Path",
  "pathlib.PurePath",
  "pathlib.PosixPath",
  "pathlib.PurePosixPath",
  "datetime.date",
  "datetime.datetime",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
  "ipaddress.ip_address",
  "ipaddress.ip_network",
  "ipaddress.ip_interface",
  "uuid.UUID",
  "collections.namedtuple",
  "typing.NamedTuple",
  "typing.TypeVar",
  "typing.NewType",
]);
// Mutable constructors (MUTABLE_CALLS) are mutable-default-argument's (B006) business.

function isFlaggedCall(ctx: CheckContext, value: SyntaxNode): SyntaxNode | null {
  const node = unparenthesize(value);
  // A call inside a tuple default is evaluated once all the same.
  if (node.type === "tuple") {
    for (const element of node.namedChildren) {
      const found = isFlaggedCall(ctx, element);
      if (found) return found;
    }
    return null;
  }
  if (node.type !== "call") return null;
  const fn = node.childForFieldName("function");
  if (!fn) return null;
  const name = ctx.qualifiedName(fn);
  if (name && (IMMUTABLE_CALLS.has(name) || MUTABLE_CALLS.has(name))) return null;
  // Dataclass `field(...)` and similar declarative helpers are not evaluated-once surprises.
  if (name === "dataclasses.field" || fn.text === "field" || fn.text === "Depends" || fn.text.endsWith(".Depends"))
    return null;
  return node;
}

export default defineCheck({
  id: "function-call-default-argument",
  codes: ["B008"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A function call as a parameter default: evaluated once, when `def` runs.",
    why: "`def log(when=datetime.now())` freezes the time the module was imported, and `def f(cache=Cache())` shares one object between all calls. Default to `None` and call inside the function, or name a module-level constant to make sharing explicit.",
    bad: "import time\n\ndef stamp(when=time.time()):\n    return when\n",
    good: "import time\n\ndef stamp(when=None):\n    return time.time() if when is None else when\n",
  },
  create(ctx) {
    const visit = (def: SyntaxNode): void => {
      for (const param of def.childForFieldName("parameters")?.namedChildren ?? []) {
        if (param.type !== "default_parameter" && param.type !== "typed_default_parameter") continue;
        const value = param.childForFieldName("value");
        const call = value && isFlaggedCall(ctx, value);
        if (!call) continue;
        const callee = call.childForFieldName("function")?.text ?? "a function";
        ctx.report({
          node: call,
          message: `Call to \`${callee}\` in a parameter default: it runs once, when the function is defined`,
        });
      }
    };
    return { function_definition: visit, lambda: visit };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { walk } from "../../src/engine/ast.js";
import { MUTABLE_CALLS } from "../../src/engine/classes.js";
import { hasImmutableAnnotation } from "../../src/engine/defaults.js";

// Calls whose result is immutable, like Ruff's B008 allow-list.
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
  "datetime.date",
  "datetime.datetime",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
]);
// Immutable value types Ruff does not know: a shared instance of these cannot surprise anyone.
const IMMUTABLE_VALUE_CALLS = new Set([
  "pathlib.PurePath",
  "pathlib.PurePosixPath",
  "pathlib.PureWindowsPath",
  "pathlib.PosixPath",
  "pathlib.WindowsPath",
  "ipaddress.ip_address",
  "ipaddress.ip_network",
  "ipaddress.ip_interface",
  "ipaddress.IPv4Address",
  "ipaddress.IPv6Address",
  "ipaddress.IPv4Network",
  "ipaddress.IPv6Network",
  "uuid.UUID",
  // A unique sentinel (`missing=object()`) is made once on purpose; it has no state to share.
  "object",
  "builtins.object",
  // `selfref=ref(self)`: a weak reference bound at definition time, on purpose.
  "weakref.ref",
  "_weakref.ref",
  "six.b",
  "six.u",
]);

/**
 * Lazy translation proxies (`gettext_lazy("Name")`, `lazy_gettext`, `_lazy`, Django's `lazy(f, str)`):
 * they translate when read, in the active language, so defining them once is their point.
 */
const LAZY_TRANSLATIONS = new Set([
  "django.utils.translation.gettext_lazy",
  "django.utils.translation.ugettext_lazy",
  "django.utils.translation.pgettext_lazy",
  "django.utils.translation.npgettext_lazy",
  "django.utils.translation.ngettext_lazy",
  "django.utils.translation.ungettext_lazy",
  "django.utils.functional.lazy",
  "django.utils.functional.lazystr",
  "flask_babel.lazy_gettext",
  "flask_babel.lazy_pgettext",
  "flask_babel.lazy_ngettext",
  "flask_babelex.lazy_gettext",
  "babel.support.LazyProxy",
  "speaklater.make_lazy_string",
  "speaklater.make_lazy_gettext",
]);
/** A callee spelled as a lazy proxy: `gettext_lazy`, `_lazy`, `lazy_gettext`, `lazy`, `LazyProxy`. */
const LAZY_NAME = /^(?:_?lazy(?:_\w+)?|\w+_lazy|Lazy\w*)$/;
// Mutable constructors (MUTABLE_CALLS) are mutable-default-argument's (B006) business.

/** FastAPI's and Typer's parameter markers (`Depends(get_db)`, `typer.Option(...)`): declarations, read by the framework. */
function isFrameworkMarker(name: string): boolean {
  return name.startsWith("fastapi.") || name.startsWith("typer.");
}

/** Every call in a default expression that runs once at `def` time (not those inside a lambda body). */
function flaggedCalls(ctx: CheckContext, value: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(value, (node) => {
    // A lambda's body runs at call time.
    if (node.type === "lambda") return false;
    if (node.type !== "call") return;
    const fn = node.childForFieldName("function");
    const name = fn && ctx.qualifiedName(fn);
    const last = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
    if ((name && LAZY_TRANSLATIONS.has(name)) || (last && LAZY_NAME.test(last))) return;
    if (
      name &&
      (IMMUTABLE_CALLS.has(name) ||
        IMMUTABLE_VALUE_CALLS.has(name) ||
        MUTABLE_CALLS.has(name) ||
        isFrameworkMarker(name))
    )
      return;
    out.push(node);
  });
  return out;
}

export default defineCheck({
  id: "function-call-default-argument",
  codes: ["B008"],
  category: "idioms",
  // Off by default: on mature code its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A function call as a parameter default: evaluated once, when `def` runs.",
    why: "`def log(when=datetime.now())` freezes the time the module was imported, and `def f(cache=Cache())` shares one object between all calls. Default to `None` and call inside the function, or name a module-level constant to make sharing explicit.",
    bad: "import time\n\ndef stamp(when=time.time()):\n    return when\n",
    good: "import time\n\ndef stamp(when=None):\n    return time.time() if when is None else when\n",
    differences:
      "Beyond Ruff's allow-list, peptalk also accepts calls that build immutable values (`PurePath`, `PosixPath`, the `ipaddress` types, `uuid.UUID`) and FastAPI/Typer parameter markers (`Depends(...)`, `Query(...)`, `typer.Option(...)`, resolved through imports), which Ruff users allow with `extend-immutable-calls`; and, unlike Ruff, a sentinel `object()`, a `weakref.ref(...)` bound on purpose, and lazy translation proxies (`gettext_lazy(...)`, `lazy_gettext(...)`, `_lazy(...)`, `lazy(...)`), which translate when read. `.pyi` stubs are not checked: their defaults never run.",
  },
  create(ctx): Visitors {
    // Stub defaults are never evaluated.
    if (ctx.path.endsWith(".pyi")) return {};
    const visit = (def: SyntaxNode): void => {
      for (const param of def.childForFieldName("parameters")?.namedChildren ?? []) {
        if (param.type !== "default_parameter" && param.type !== "typed_default_parameter") continue;
        const value = param.childForFieldName("value");
        // `timeout: float = default_timeout()`: an immutable annotation says the shared value is fine.
        if (!value || hasImmutableAnnotation(ctx, param)) continue;
        for (const call of flaggedCalls(ctx, value)) {
          const fn = call.childForFieldName("function");
          // A long callee (`g(x)()`, a call on a call) is named by its shape, not quoted whole.
          const callee = fn && fn.text.length <= 40 && !fn.text.includes("\n") ? `\`${fn.text}\`` : "a function";
          ctx.report({
            node: call,
            message: `Call to ${callee} in a parameter default: it runs once, when the function is defined`,
          });
        }
      }
    };
    return { function_definition: visit, lambda: visit };
  },
});

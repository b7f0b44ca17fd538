import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { owningClass } from "../../src/engine/definitions.js";
import { classesByName, mayInherit, someAncestor } from "../../src/engine/inheritance.js";

// Bases whose subclasses take their name from something outside Python: ctypes types mirror the
// C type (`class sockaddr_in(ctypes.Structure)`), distutils/setuptools commands the command line.
const MIRRORED_BASE =
  /^(?:_?ctypes\.(?:Structure|Union|BigEndianStructure|LittleEndianStructure|_SimpleCData|_Pointer|c_\w+)|distutils\.(?:cmd|core)\.Command|setuptools\.Command)$/;
// Protocols that make an instance (or the class) a callable: a context manager, a descriptor,
// a callable object. PEP 8 lets such classes be named like the function they stand for.
const CALLABLE_PROTOCOL = new Set(["__call__", "__get__", "__enter__", "__aenter__"]);
const CONTEXT_MANAGER_BASE = /^contextlib\.(?:AbstractContextManager|AbstractAsyncContextManager|ContextDecorator)$/;

function methodNames(klass: SyntaxNode): string[] {
  return (klass.childForFieldName("body")?.namedChildren ?? []).flatMap((s) => {
    const def = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    return def?.type === "function_definition" ? [def.childForFieldName("name")?.text ?? ""] : [];
  });
}

/** The last segment of a base expression's name (`contextlib.suppress` → `suppress`). */
function baseName(base: SyntaxNode): string {
  const target = base.type === "subscript" ? base.childForFieldName("value") : base;
  return target?.text.replace(/^.*\./s, "") ?? "";
}

/**
 * The class is used as a callable, for which PEP 8 allows a function-style name: it implements
 * a callable protocol (itself or through a base in the file), derives from a lower_case class
 * (`class abstractstaticmethod(staticmethod)`: the family's naming), is applied as a decorator
 * (`@name`), or is passed as a function (`key=name`).
 */
function usedAsCallable(ctx: CheckContext, klass: SyntaxNode, name: string): boolean {
  const classes = classesByName(ctx.tree.rootNode);
  const implementsProtocol = (c: SyntaxNode): boolean => methodNames(c).some((m) => CALLABLE_PROTOCOL.has(m));
  if (implementsProtocol(klass)) return true;
  const viaBase = someAncestor(klass, (base) => {
    const named = baseName(base);
    if (/^_*[a-z]/.test(named) && named !== "object") return true;
    if (CONTEXT_MANAGER_BASE.test(ctx.qualifiedName(base) ?? "")) return true;
    return (classes.get(base.text) ?? []).some(implementsProtocol);
  });
  if (viaBase) return true;
  const escaped = name.replace(/\W/g, "");
  const asFunction = "(?:key|default_factory|callback|target|func|function|hook|factory)";
  return new RegExp(`^[ \\t]*@${escaped}\\b|\\b${asFunction}[ \\t]*=[ \\t]*${escaped}[ \\t]*[,)]`, "m").test(
    ctx.source,
  );
}

export default defineCheck({
  id: "class-name",
  codes: ["N801"],
  pylint: ["invalid-name"],
  category: "naming",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "taste",
  houseStyle: { counted: "class names use CapWords" },
  fix: "never",
  // Test classes and fixtures (`Test_parse_v2`, `class dict3(dict)`) are named for the case.
  appliesTo: "non-tests",
  docs: {
    summary: "A class name that is not CapWords.",
    why: "PEP 8 names classes in CapWords so that `Thing()` reads as construction and `thing()` as a call; mixing the styles makes readers guess.",
    bad: "class user_profile:\n    pass\n",
    good: "class UserProfile:\n    pass\n",
    differences:
      'Test files are not checked (test classes are named for the case they cover), nor are ctypes types, which mirror the C type\'s name (`class sockaddr_in(ctypes.Structure)`), and distutils/setuptools commands, named for the command line. Following PEP 8 ("the naming convention for functions may be used instead in cases where the interface is documented and used primarily as a callable"), classes used as callables are not reported either: context managers (`__enter__`), descriptors (`__get__`), callable objects (`__call__`), subclasses of a lower_case class (`class abstractstaticmethod(staticmethod)`), and classes applied as a decorator or passed as a function (`key=_safe_key`). Nor is a class nested in a class whose base may define that name (`class comparator_factory(...)` overriding an attribute of the base). Ruff reports all of these.',
  },
  create(ctx) {
    return {
      class_definition(node) {
        const id = node.childForFieldName("name");
        if (!id) return;
        const name = id.text.replace(/^_+/, "");
        if (name === "") return;
        if (/^[A-Z]/.test(name) && !name.includes("_")) {
          ctx.follows(node);
          return;
        }
        if (someAncestor(node, (b) => MIRRORED_BASE.test(ctx.qualifiedName(b) ?? ""))) return;
        if (usedAsCallable(ctx, node, id.text)) return;
        // A class attribute the base defines (`comparator_factory`): the base dictates the name.
        const outer = owningClass(node);
        if (outer && mayInherit(ctx, outer, id.text)) return;
        ctx.report({ node: id, message: `Class name \`${id.text}\` should use CapWords` });
      },
    };
  },
});

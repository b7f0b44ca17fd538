import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { decorators, nameOf, owningClass } from "../../src/engine/definitions.js";
import { someAncestor } from "../../src/engine/inheritance.js";

// Called on the class, not an instance: their first parameter is the class. And documented hooks
// called without an instance: Enum's `_generate_next_value_(name, start, count, last_values)`
// (a staticmethod in all but decorator), Pygments' `analyse_text(text)` (made static by LexerMeta).
const NOT_INSTANCE_METHODS = new Set([
  "__new__",
  "__init_subclass__",
  "__class_getitem__",
  "_generate_next_value_",
  "analyse_text",
]);
// A metaclass's instances are classes: its methods name the first parameter after that.
const METACLASS_FIRST_NAMES = new Set(["cls", "mcs", "mcls", "metacls"]);

// Decorators after which the function is still an instance method receiving the instance.
const METHOD_PRESERVING =
  /^(?:(?:abc\.)?abstractmethod|property|(?:functools\.)?(?:cached_property|cache|lru_cache|wraps)|(?:typing(?:_extensions)?\.)?(?:override|final|overload|no_type_check)|(?:contextlib\.)?(?:async)?contextmanager|\w+\.(?:setter|getter|deleter))$/;

/** Three or more methods of the class use the same first name: a deliberate convention (`def __neg__(a)`). */
function isClassConvention(klass: SyntaxNode, name: string): boolean {
  const body = klass.childForFieldName("body");
  if (!body) return false;
  const pattern = new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+\\w+[ \\t]*\\([ \\t]*${name}\\b`, "gm");
  return (body.text.match(pattern)?.length ?? 0) >= 3;
}

/**
 * The class body itself wraps or uses the function as a plain function, not a method:
 * `unpack = classmethod(unpack)` (the pre-decorator spelling) or a reference in the body such
 * as a callback table (`tokens = {"root": [(r"<", callback)]}`).
 */
function usedAsPlainFunction(klass: SyntaxNode, name: string): boolean {
  const body = klass.childForFieldName("body");
  if (!body) return false;
  const text = body.text;
  if (new RegExp(`\\b${name}\\s*=\\s*\\w*(?:classmethod|staticmethod)\\s*\\(\\s*${name}\\s*\\)`).test(text))
    return true;
  // A helper the class body applies as a decorator to its other methods (`@waitpid_mocks`).
  if (new RegExp(`^[ \\t]*@${name}\\b`, "m").test(text)) return true;
  // References outside any def of the class body (an assignment, a loop filling `locals()`):
  // the function value itself is used there.
  return body.namedChildren.some(
    (statement) =>
      statement.type !== "function_definition" &&
      statement.type !== "decorated_definition" &&
      statement.type !== "comment" &&
      new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(statement.text),
  );
}

/**
 * The method belongs to a class defined inside a function whose own first parameter (the outer
 * method's `self`) the method's body uses, or whose name it varies (`inner_self`): its first
 * parameter is renamed so as not to shadow that one.
 */
function usesEnclosingSelf(method: SyntaxNode, klass: SyntaxNode, first: string): boolean {
  let outer: SyntaxNode | null = klass.parent;
  while (outer && outer.type !== "function_definition") outer = outer.parent;
  const outerFirst = outer?.childForFieldName("parameters")?.namedChildren.find((p) => p.type !== "comment");
  if (outerFirst?.type !== "identifier") return false;
  if (first.includes(outerFirst.text)) return true;
  const body = method.childForFieldName("body");
  return !!body && body.descendantsOfType("identifier").some((i) => i.text === outerFirst.text);
}

/**
 * A metaclass whose base is imported: named so (`PredicateMeta`), or with a metaclass's methods
 * (`__instancecheck__`, `__prepare__`, `__new__(mcs, name, bases, namespace)`).
 */
function looksLikeMetaclass(klass: SyntaxNode): boolean {
  if (/(Meta|Metaclass|Type)$/.test(nameOf(klass))) return true;
  const body = klass.childForFieldName("body")?.text ?? "";
  return /\bdef[ \t]+(?:__(?:instancecheck|subclasscheck|prepare)__\b|__(?:new|init|call)__[ \t]*\(\s*\w+\s*,\s*\w+\s*,\s*bases\b)/.test(
    body,
  );
}

/**
 * A method of a zope-style interface, declared without `self`: in a subclass of `Interface`, or
 * a bare declaration (docstring, `pass`) under a base named like one (`IResource`).
 */
function isInterfaceDeclaration(ctx: CheckContext, method: SyntaxNode, klass: SyntaxNode): boolean {
  const lastName = (b: SyntaxNode): string => b.text.replace(/^.*\./s, "");
  if (someAncestor(klass, (b) => lastName(b) === "Interface" || ctx.qualifiedName(b) === "zope.interface.Interface"))
    return true;
  if (!/^I[A-Z][a-z]/.test(nameOf(klass)) && !someAncestor(klass, (b) => /^I[A-Z][a-z]/.test(lastName(b))))
    return false;
  const statements = method.childForFieldName("body")?.namedChildren.filter((s) => s.type !== "comment") ?? [];
  return statements.every(
    (s) =>
      s.type === "pass_statement" ||
      (s.type === "expression_statement" && ["string", "ellipsis"].includes(s.namedChild(0)?.type ?? "")),
  );
}

export default defineCheck({
  id: "self-first-argument",
  codes: ["N805"],
  pylint: ["no-self-argument"],
  category: "naming",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "taste",
  houseStyle: { counted: "methods name their first parameter `self`" },
  fix: "never",
  docs: {
    summary: "An instance method whose first parameter is not named `self`.",
    why: "The first parameter of an instance method is the instance; every Python reader and tool expects it to be called `self`. Naming it `cls` or `this` suggests a classmethod or another language.",
    bad: "class Counter:\n    def bump(this):\n        this.value += 1\n",
    good: "class Counter:\n    def bump(self):\n        self.value += 1\n",
    differences:
      "A function the class body itself uses as a plain function is not a method: `unpack = classmethod(unpack)` (the pre-decorator spelling) and callbacks referenced in class-level tables are not reported, nor are methods under a decorator that may change what they receive (anything but `abstractmethod`, `property` and its setters, `functools` caches, `override`, `overload`, `contextmanager`), nor classes where three or more methods share the same first name on purpose (`fractions.Fraction`'s `def __neg__(a)`). Nor are: helpers the class body applies as decorators or calls while it is built; methods of a class nested in a method that use the enclosing `self` or name theirs after it (`self_`, `inner_self`); documented hooks called without an instance (Enum's `_generate_next_value_`, Pygments' `analyse_text`); zope interface declarations; `__self` (kept apart from a `self` keyword in `**kwargs`) and signatures where a later parameter is named `self` (`def __get__(desc, self, owner)`); metaclasses whose base ends in `Type` or is a `.__class__`, or named so (`PredicateMeta`) or with a metaclass's methods (`__instancecheck__`, `__new__(mcs, name, bases, ns)`). Ruff reports all of these.",
  },
  create(ctx) {
    return {
      function_definition(node) {
        const klass = owningClass(node);
        if (!klass || NOT_INSTANCE_METHODS.has(nameOf(node))) return;
        // A decorator may change what the function receives (`@jump_test(...)`, a registry):
        // only decorators known to keep an instance method one leave it to judge.
        if (decorators(node).some((d) => !METHOD_PRESERVING.test(d.replace(/\s*\(.*$/s, "")))) return;
        // (A comment may sit before the first parameter: `def f(  # noqa\n self)`.)
        const params = node.childForFieldName("parameters")?.namedChildren.filter((p) => p.type !== "comment") ?? [];
        const first = params[0];
        if (!first || first.type !== "identifier") return;
        if (first.text === "self") {
          ctx.follows(node);
          return;
        }
        // `__self`: the instance kept out of the way of a `self` keyword argument in `**kwargs`.
        if (/^_*self$/.test(first.text)) return;
        // In a metaclass (a subclass of `type`, here or through a base in the file) the instance is a class.
        const isMetaclass =
          someAncestor(klass, (b) => /((^|\.)type|Meta|Type|\.__class__)$/.test(b.text)) || looksLikeMetaclass(klass);
        if (isMetaclass && METACLASS_FIRST_NAMES.has(first.text)) return;
        if (usedAsPlainFunction(klass, nameOf(node)) || isClassConvention(klass, first.text)) return;
        if (usesEnclosingSelf(node, klass, first.text) || isInterfaceDeclaration(ctx, node, klass)) return;
        // `def __get__(desc, self, owner)`: `self` is taken by a later parameter on purpose.
        if (params.some((p) => p.text === "self")) return;
        ctx.report({ node: first, message: `First argument of method \`${nameOf(node)}\` should be named \`self\`` });
      },
    };
  },
});

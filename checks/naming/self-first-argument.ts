import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { decorators, nameOf, owningClass } from "../../src/engine/definitions.js";

// Called on the class, not an instance: their first parameter is the class.
const IMPLICIT_CLASSMETHODS = new Set(["__new__", "__init_subclass__", "__class_getitem__"]);

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
  // References outside any def of the class body: the function value itself is used there.
  return body.namedChildren.some(
    (statement) =>
      statement.type === "expression_statement" && new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(statement.text),
  );
}

export default defineCheck({
  id: "self-first-argument",
  codes: ["N805"],
  pylint: ["no-self-argument"],
  category: "naming",
  severity: "error",
  type: "taste",
  houseStyle: { counted: "methods name their first parameter `self`" },
  fix: "never",
  docs: {
    summary: "An instance method whose first parameter is not named `self`.",
    why: "The first parameter of an instance method is the instance; every Python reader and tool expects it to be called `self`. Naming it `cls` or `this` suggests a classmethod or another language.",
    bad: "class Counter:\n    def bump(this):\n        this.value += 1\n",
    good: "class Counter:\n    def bump(self):\n        self.value += 1\n",
    differences:
      "A function the class body itself uses as a plain function is not a method: `unpack = classmethod(unpack)` (the pre-decorator spelling) and callbacks referenced in class-level tables are not reported, nor are methods under a decorator that may change what they receive (anything but `abstractmethod`, `property` and its setters, `functools` caches, `override`, `overload`, `contextmanager`), nor classes where three or more methods share the same first name on purpose (`fractions.Fraction`'s `def __neg__(a)`); Ruff reports them.",
  },
  create(ctx) {
    return {
      function_definition(node) {
        const klass = owningClass(node);
        if (!klass || IMPLICIT_CLASSMETHODS.has(nameOf(node))) return;
        // A decorator may change what the function receives (`@jump_test(...)`, a registry):
        // only decorators known to keep an instance method one leave it to judge.
        if (decorators(node).some((d) => !METHOD_PRESERVING.test(d.replace(/\s*\(.*$/s, "")))) return;
        const first = node.childForFieldName("parameters")?.namedChildren[0];
        if (!first || first.type !== "identifier") return;
        if (first.text === "self") {
          ctx.follows(node);
          return;
        }
        // In a metaclass (a subclass of `type`) the instance is a class: `cls` is the convention.
        const isMetaclass = (klass.childForFieldName("superclasses")?.namedChildren ?? []).some((b) =>
          /((^|\.)type|Meta|EnumType)$/.test(b.text),
        );
        if (isMetaclass && first.text === "cls") return;
        if (usedAsPlainFunction(klass, nameOf(node)) || isClassConvention(klass, first.text)) return;
        ctx.report({ node: first, message: `First argument of method \`${nameOf(node)}\` should be named \`self\`` });
      },
    };
  },
});

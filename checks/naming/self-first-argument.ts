import { defineCheck } from "../../src/engine/check.js";
import { decorators, nameOf, owningClass } from "../../src/engine/definitions.js";

// Called on the class, not an instance: their first parameter is the class.
const IMPLICIT_CLASSMETHODS = new Set(["__new__", "__init_subclass__", "__class_getitem__"]);

export default defineCheck({
  id: "self-first-argument",
  codes: ["N805"],
  pylint: ["no-self-argument"],
  category: "naming",
  severity: "error",
  fix: "never",
  docs: {
    summary: "An instance method whose first parameter is not named `self`.",
    why: "The first parameter of an instance method is the instance; every Python reader and tool expects it to be called `self`. Naming it `cls` or `this` suggests a classmethod or another language.",
    bad: "class Counter:\n    def bump(this):\n        this.value += 1\n",
    good: "class Counter:\n    def bump(self):\n        self.value += 1\n",
  },
  create(ctx) {
    return {
      function_definition(node) {
        const klass = owningClass(node);
        if (!klass || IMPLICIT_CLASSMETHODS.has(nameOf(node))) return;
        // Any decorator may change the binding (classmethod, staticmethod, property setters are fine but rare).
        const decos = decorators(node);
        if (decos.some((d) => /(^|\.)(classmethod|staticmethod|abstractclassmethod|abstractstaticmethod)\b/.test(d)))
          return;
        const first = node.childForFieldName("parameters")?.namedChildren[0];
        if (!first || first.type !== "identifier" || first.text === "self") return;
        // In a metaclass (a subclass of `type`) the instance is a class: `cls` is the convention.
        const isMetaclass = (klass.childForFieldName("superclasses")?.namedChildren ?? []).some((b) =>
          /((^|\.)type|Meta|EnumType)$/.test(b.text),
        );
        if (isMetaclass && first.text === "cls") return;
        ctx.report({ node: first, message: `First argument of method \`${nameOf(node)}\` should be named \`self\`` });
      },
    };
  },
});

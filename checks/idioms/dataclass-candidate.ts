import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { decoratorsOf } from "../../src/engine/classes.js";

/**
 * Methods that take over what `@dataclass` relies on (attribute setting, construction, its own
 * hooks), or that make the class a behaviour object rather than a record: a callable wrapper,
 * context manager, iterator or descriptor is not a bundle of fields.
 */
const CONFLICTING = new Set([
  "__new__",
  "__setattr__",
  "__delattr__",
  "__getattr__",
  "__getattribute__",
  "__post_init__",
  "__init_subclass__",
  "__class_getitem__",
  "__call__",
  "__enter__",
  "__exit__",
  "__aenter__",
  "__aexit__",
  "__iter__",
  "__next__",
  "__aiter__",
  "__anext__",
  "__get__",
  "__set__",
  "__delete__",
  "__del__",
]);

function isDocstring(s: SyntaxNode): boolean {
  return s.type === "expression_statement" && s.namedChildCount === 1 && s.namedChild(0)?.type === "string";
}

/** Plain parameter names of `__init__` after `self`, or null when any is unusual (*args, **kw, defaults are fine). */
function initParameters(init: SyntaxNode): string[] | null {
  const params = init.childForFieldName("parameters")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  const names: string[] = [];
  for (const [i, p] of params.entries()) {
    if (i === 0) {
      if (p.type !== "identifier" || p.text !== "self") return null;
      continue;
    }
    if (p.type === "identifier") names.push(p.text);
    else if (p.type === "typed_parameter" && p.namedChild(0)?.type === "identifier") names.push(p.namedChild(0)!.text);
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter")
      names.push(p.childForFieldName("name")?.text ?? "");
    else return null;
  }
  return names;
}

export default defineCheck({
  id: "dataclass-candidate",
  codes: [],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "A class whose `__init__` only stores three or more of its parameters as same-named attributes.",
    why: "That boilerplate is what `@dataclass` writes for you, together with a useful `__repr__` and `__eq__`; the field list then documents the class at a glance. (`@dataclass` makes instances compare by value and unhashable: use `@dataclass(eq=False)` where instances are hashed by identity.)",
    bad: "class Point:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
    good: "from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: float\n    y: float\n    z: float\n",
    differences:
      "Flagged only when all of this holds: the class has no decorators, no base classes (or only `object`) and no metaclass; its body holds only a docstring and methods (no class attributes); `__init__` takes `self` and three or more plain parameters (defaults and annotations allowed; no `*args`, `**kwargs`, `*` or `/`) and its body is nothing but a docstring and `self.name = name` for each parameter, once each; no other method has a parameter's name, is one `@dataclass` would collide with (`__new__`, `__setattr__`, `__delattr__`, `__getattr__`, `__getattribute__`, `__post_init__`, `__init_subclass__`, `__class_getitem__`), or makes the class a behaviour object rather than a record (`__call__`, `__enter__`/`__exit__` and their async forms, `__iter__`/`__next__` and their async forms, `__get__`/`__set__`/`__delete__`, `__del__`). Ordinary methods, properties and `__repr__`/`__eq__` are fine. Any validation, conversion, `super().__init__()` call or other statement in `__init__` makes it not a candidate.",
  },
  create(ctx) {
    return {
      class_definition(klass) {
        if (decoratorsOf(klass).length > 0) return;
        const bases = klass.childForFieldName("superclasses")?.namedChildren ?? [];
        if (bases.some((b) => b.text !== "object")) return;
        const statements = klass.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        let init: SyntaxNode | null = null;
        const methods: string[] = [];
        for (const [i, s] of statements.entries()) {
          if (i === 0 && isDocstring(s)) continue;
          // Methods only (decorated ones too); class attributes or other statements are not plain storage.
          const def = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
          if (def?.type !== "function_definition") return;
          const name = def.childForFieldName("name")?.text ?? "";
          if (name === "__init__") {
            if (init || s.type === "decorated_definition") return;
            init = def;
          } else methods.push(name);
        }
        if (!init) return;
        const params = initParameters(init);
        if (!params || params.length < 3 || new Set(params).size !== params.length) return;
        if (methods.some((m) => CONFLICTING.has(m) || params.includes(m))) return;
        const body = init.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (body.length > 0 && isDocstring(body[0]!)) body.shift();
        if (body.length !== params.length) return;
        const stored = new Set<string>();
        for (const s of body) {
          const a = s.type === "expression_statement" && s.namedChildCount === 1 ? s.namedChild(0) : null;
          if (a?.type !== "assignment") return;
          const target = a.childForFieldName("left");
          const value = a.childForFieldName("right");
          if (target?.type !== "attribute" || target.childForFieldName("object")?.text !== "self") return;
          const attribute = target.childForFieldName("attribute")?.text ?? "";
          if (value?.type !== "identifier" || attribute !== value.text || !params.includes(attribute)) return;
          stored.add(attribute);
        }
        if (stored.size !== params.length) return;
        const id = klass.childForFieldName("name")!;
        ctx.report({
          node: id,
          message: `\`${id.text}.__init__\` only stores its ${params.length} parameters: consider \`@dataclass\``,
        });
      },
    };
  },
});

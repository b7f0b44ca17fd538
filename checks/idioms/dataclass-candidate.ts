import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { decoratorsOf } from "../../src/engine/classes.js";

/** Plain parameter names of `__init__` after `self`, or null when any is unusual (*args, **kw, defaults are fine). */
function initParameters(init: SyntaxNode): string[] | null {
  const params = init.childForFieldName("parameters")?.namedChildren ?? [];
  const names: string[] = [];
  for (const [i, p] of params.entries()) {
    if (i === 0) {
      if (p.type !== "identifier" || p.text !== "self") return null;
      continue;
    }
    if (p.type === "identifier") names.push(p.text);
    else if (p.type === "typed_parameter") names.push(p.namedChild(0)?.text ?? "");
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
  fix: "never",
  docs: {
    summary: "A class whose `__init__` only stores three or more of its parameters as same-named attributes.",
    why: "That boilerplate is what `@dataclass` writes for you, together with a useful `__repr__` and `__eq__`; the field list then documents the class at a glance.",
    bad: "class Point:\n    def __init__(self, x, y, z):\n        self.x = x\n        self.y = y\n        self.z = z\n",
    good: "from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: float\n    y: float\n    z: float\n",
    differences:
      "Flagged only when: the class has no decorators and no base classes (or only `object`); `__init__`'s body is nothing but `self.name = name` for each parameter, in order, at least three of them; the class defines no other method besides `__repr__`/`__eq__`; and it has no class attributes. Any validation, conversion, `super().__init__()` call or other statement makes it not a candidate.",
  },
  create(ctx) {
    return {
      class_definition(klass) {
        if (decoratorsOf(klass).length > 0) return;
        const bases = klass.childForFieldName("superclasses")?.namedChildren ?? [];
        if (bases.some((b) => b.text !== "object")) return;
        const statements = klass.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        let init: SyntaxNode | null = null;
        for (const [i, s] of statements.entries()) {
          // A docstring is fine; class attributes, other methods or decorated methods are not.
          if (i === 0 && s.type === "expression_statement" && s.namedChild(0)?.type === "string") continue;
          if (s.type !== "function_definition") return;
          const name = s.childForFieldName("name")?.text;
          if (name === "__init__") init = s;
          else if (name !== "__repr__" && name !== "__eq__") return;
        }
        if (!init) return;
        const params = initParameters(init);
        if (!params || params.length < 3) return;
        const body = init.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (body.length !== params.length) return;
        for (const [i, s] of body.entries()) {
          const a = s.type === "expression_statement" ? s.namedChild(0) : null;
          if (a?.type !== "assignment" || a.childForFieldName("type")) return;
          const target = a.childForFieldName("left");
          const value = a.childForFieldName("right");
          if (target?.type !== "attribute" || target.childForFieldName("object")?.text !== "self") return;
          if (target.childForFieldName("attribute")?.text !== params[i] || value?.text !== params[i]) return;
        }
        const id = klass.childForFieldName("name")!;
        ctx.report({
          node: id,
          message: `\`${id.text}.__init__\` only stores its ${params.length} parameters: consider \`@dataclass\``,
        });
      },
    };
  },
});

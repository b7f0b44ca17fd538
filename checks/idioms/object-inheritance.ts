import { defineCheck } from "../../src/engine/check.js";
import { hasComment } from "../../src/engine/ast.js";

export default defineCheck({
  id: "object-inheritance",
  codes: ["UP004"],
  pylint: ["useless-object-inheritance"],
  category: "idioms",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "classes without a base list none, rather than `object`" },
  fix: "sometimes",
  docs: {
    summary: "A class lists `object` as an explicit base.",
    why: "Every Python 3 class already derives from `object`. Naming it is a Python 2 leftover: it adds noise and suggests a base class that is not really there.",
    bad: "class Point(object):\n    x: int\n",
    good: "class Point:\n    x: int\n",
    fixSafety:
      "Safe, as in Ruff when no comment is removed: removes `(object)` only when it is the sole base and the parentheses hold no comment; every Python 3 class already derives from `object`.",
  },
  create(ctx) {
    return {
      class_definition(node) {
        const bases = node.childForFieldName("superclasses");
        // The house style: a class with no base lists none, rather than `object`.
        if (!bases || bases.namedChildren.every((c) => c.type === "comment")) {
          ctx.follows(node);
          return;
        }
        for (const base of bases.namedChildren) {
          // Matches `object` and `builtins.object`, not a module-level rebinding.
          if (!ctx.isBuiltin(base, "object")) continue;
          const alone = bases.namedChildren.filter((c) => c.type !== "comment").length === 1;
          ctx.report({
            node: base,
            message: `Class \`${node.childForFieldName("name")?.text}\` inherits from \`object\`, which every class already does`,
            fix: alone && !hasComment(bases) ? { title: "Remove `(object)`", edits: [ctx.edits.remove(bases)] } : null,
          });
        }
      },
    };
  },
});

import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { hasComment, insideComprehension } from "../../src/engine/ast.js";

export default defineCheck({
  id: "super-with-arguments",
  codes: ["UP008"],
  pylint: ["super-with-arguments"],
  category: "idioms",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "`super()` calls take no arguments" },
  fix: "sometimes",
  docs: {
    summary: "`super(Class, self)` inside `Class`'s own method.",
    why: "Since Python 3, `super()` finds the class and instance itself. Spelling them out repeats the class name, which goes stale when the class is renamed or the method is copied elsewhere.",
    bad: "class Child(Base):\n    def __init__(self):\n        super(Child, self).__init__()\n",
    good: "class Child(Base):\n    def __init__(self):\n        super().__init__()\n",
    fixSafety:
      "Only in a method defined directly in a module-level class, with its first parameter as the second argument, and without comments in the arguments; not in classes created with `@dataclass(slots=True)`, where argument-less `super()` fails. Safe there, as Ruff's preview classifies it (stable Ruff marks it unsafe only because its fix may drop comments). Unsafe when the class is decorated: a decorator may return another class, and then `super(Name, self)` (the name's new value) and `super()` (the class being defined) differ.",
  },
  create(ctx): Visitors {
    if (!/\bsuper\(\s*\w/.test(ctx.source)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        const args = call.childForFieldName("arguments");
        if (!fn || !ctx.isBuiltin(fn, "super") || args?.type !== "argument_list") return;
        if (args.namedChildren.length === 0) {
          ctx.follows(call);
          return;
        }
        const [cls, inst, ...rest] = args.namedChildren;
        if (!cls || !inst || rest.length > 0 || cls.type !== "identifier" || inst.type !== "identifier") return;
        // The call must sit in a def (not a nested def or lambda) directly in the class body.
        let def = call.parent;
        while (def && def.type !== "function_definition" && def.type !== "lambda" && def.type !== "class_definition")
          def = def.parent;
        // In a comprehension (its own function before 3.12) argument-less super() has no `self`.
        if (def?.type !== "function_definition" || insideComprehension(call, def)) return;
        let owner = def.parent;
        if (owner?.type === "decorated_definition") owner = owner.parent;
        const klass = owner?.type === "block" ? owner.parent : null;
        if (klass?.type !== "class_definition" || klass.childForFieldName("name")?.text !== cls.text) return;
        // Only a module-level class (possibly under if/try) is reachable by its bare name in its methods.
        let holder = klass.parent;
        while (
          holder &&
          holder.type !== "module" &&
          holder.type !== "function_definition" &&
          holder.type !== "class_definition"
        )
          holder = holder.parent;
        if (holder?.type !== "module") return;
        const first = def.childForFieldName("parameters")?.namedChildren[0];
        const firstName =
          first?.type === "identifier" ? first.text : first?.namedChildren.find((c) => c.type === "identifier")?.text;
        if (firstName !== inst.text) return;
        const decorators = klass.parent?.type === "decorated_definition" ? klass.parent.text : "";
        if (/slots\s*=\s*True/.test(decorators)) return;
        // Decorators known to return the class they are given; any other may return another class.
        const replacingDecorator =
          klass.parent?.type === "decorated_definition" &&
          klass.parent.namedChildren.some(
            (d) =>
              d.type === "decorator" &&
              !/^@\s*(?:[\w.]*\.)?(?:dataclass|total_ordering|final|unique|runtime_checkable)\s*(?:\(|$)/.test(d.text),
          );
        ctx.report({
          node: args,
          message: `Use \`super()\` instead of \`super(${cls.text}, ${inst.text})\``,
          fix: hasComment(args)
            ? null
            : {
                title: "Remove the arguments",
                edits: [ctx.edits.replace(args, "()")],
                ...(replacingDecorator
                  ? {
                      safety: "unsafe" as const,
                      unsafeReason: `a class decorator may replace \`${cls.text}\`: \`super()\` would then start from the class as defined, not from the name's new value`,
                    }
                  : {}),
              },
        });
      },
    };
  },
});

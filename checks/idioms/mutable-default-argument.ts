import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { isMutableValue } from "../../src/engine/classes.js";
import { hasImmutableAnnotation } from "../../src/engine/defaults.js";

export default defineCheck({
  id: "mutable-default-argument",
  codes: ["B006"],
  pylint: ["dangerous-default-value"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A mutable value (list, dict, set, ...) as a parameter default.",
    why: "Defaults are evaluated once, when `def` runs, and shared by every call: appending to a default list in one call changes it for all later calls. Default to `None` and create the value inside the function.",
    bad: "def add(item, items=[]):\n    items.append(item)\n    return items\n",
    good: "def add(item, items=None):\n    if items is None:\n        items = []\n    items.append(item)\n    return items\n",
  },
  create(ctx): Visitors {
    // Stub defaults are never evaluated (Ruff skips B006 in `.pyi` files too).
    if (ctx.path.endsWith(".pyi")) return {};
    return {
      function_definition(def) {
        const params = def.childForFieldName("parameters");
        if (!params) return;
        for (const param of params.namedChildren) {
          if (param.type !== "default_parameter" && param.type !== "typed_default_parameter") continue;
          const value = param.childForFieldName("value");
          if (!value || !isMutableValue(ctx, value)) continue;
          // A parameter annotated as Sequence/Mapping/tuple promises not to mutate its default.
          if (hasImmutableAnnotation(ctx, param)) continue;
          ctx.report({
            node: unparenthesize(value),
            message: "Mutable default value: it is created once and shared by every call",
          });
        }
      },
    };
  },
});

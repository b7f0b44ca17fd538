import { defineCheck } from "../../src/engine/check.js";
import { enclosingDef } from "../../src/engine/ast.js";

export default defineCheck({
  id: "return-in-init",
  codes: ["PLE0101"],
  pylint: ["return-in-init"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`return <value>` in `__init__`.",
    why: "`__init__` must return `None`; returning anything else raises `TypeError` when the class is instantiated. Store the value on `self`, or build it in a factory classmethod.",
    bad: "class Config:\n    def __init__(self, path):\n        self.path = path\n        return load(path)\n",
    good: "class Config:\n    def __init__(self, path):\n        self.path = path\n        self.data = load(path)\n",
    differences:
      "`return super().__init__(...)` (or `return Base.__init__(self, ...)`) is not reported: it returns what the base `__init__` returned, which is `None` (PyGObject's overrides do this). Ruff reports it.",
  },
  requires: ["__init__", "return"],
  create(ctx) {
    return {
      return_statement(node) {
        const value = node.namedChildren.find((c) => c.type !== "comment");
        if (!value || value.type === "none") return;
        // `return super().__init__()`: the base `__init__` returned None, or the call raised first.
        const fn = value.type === "call" ? value.childForFieldName("function") : null;
        if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "__init__") return;
        const def = enclosingDef(node);
        if (def?.childForFieldName("name")?.text !== "__init__") return;
        // Only a method: `__init__` directly in a class body.
        const holder = def.parent?.type === "decorated_definition" ? def.parent.parent : def.parent;
        if (holder?.parent?.type !== "class_definition") return;
        ctx.report({ node, message: "`__init__` returns a value: it must return `None`" });
      },
    };
  },
});

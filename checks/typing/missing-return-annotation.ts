import { typedByComment } from "../../src/engine/annotations.js";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import {
  decorators,
  isDunder,
  isOverloadImplementation,
  isPublicDefinition,
  nameOf,
} from "../../src/engine/definitions.js";

export default defineCheck({
  id: "missing-return-annotation",
  codes: ["ANN201"],
  category: "typing",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "public functions have a return annotation", askedByStrictTyping: true },
  fix: "never",
  // Test functions are called by the runner, not by code a type checker follows.
  appliesTo: "non-tests",
  docs: {
    summary: "A public function or method without a return annotation.",
    why: "The return type is the most useful annotation a public function can have: callers, IDEs and type checkers rely on it, and without it every caller's types degrade to `Any`.",
    bad: "def load(path: str):\n    return path.upper()\n",
    good: "def load(path: str) -> str:\n    return path.upper()\n",
    differences:
      "A def marked `# type: ignore`, or typed by a PEP 484 type comment, is not reported. Test files are not checked: `def test_x(self) -> None` tells no caller anything; nor is a module with a sibling `.pyi` stub, where its types live. Ruff's ANN201 checks both.",
  },
  create(ctx): Visitors {
    // A sibling `.pyi` stub holds this module's types: type checkers read it, not this file.
    if (ctx.path.endsWith(".py") && ctx.project?.hasPath(`${ctx.path}i`)) return {};
    const overloads = ctx.source.includes("overload");
    return {
      function_definition(node) {
        const name = nameOf(node);
        // Dunders are ANN204's (special methods); overload stubs carry no body to annotate.
        if (isDunder(name) || !isPublicDefinition(node, ctx.path)) return;
        if (typedByComment(ctx, node)) return;
        // Class and static methods are ANN206/ANN205 in Ruff: another rule, not this one.
        // Property setters/deleters return nothing by protocol.
        if (decorators(node).some((d) => /(^|\.)(overload|classmethod|staticmethod|setter|deleter)$/.test(d))) return;
        if (overloads && isOverloadImplementation(node)) return;
        if (node.childForFieldName("return_type")) {
          ctx.follows(node);
          return;
        }
        ctx.report({
          node: node.childForFieldName("name")!,
          message: `Public function \`${name}\` has no return annotation`,
        });
      },
    };
  },
});

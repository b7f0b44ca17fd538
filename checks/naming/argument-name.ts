import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { decorators, mixedCasePrevails, nameOf, owningClass } from "../../src/engine/definitions.js";
import { mayInherit } from "../../src/engine/inheritance.js";

// unittest-style hooks passed by name (`FunctionTestCase(setUp=...)`), spelled as the API does.
const FRAMEWORK_NAMES = new Set(["setUp", "tearDown", "setUpClass", "tearDownClass"]);

export default defineCheck({
  id: "argument-name",
  codes: ["N803"],
  pylint: ["invalid-name"],
  category: "naming",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "taste",
  houseStyle: { counted: "parameter names are lower_case" },
  fix: "never",
  docs: {
    summary: "A parameter name that is not lower_case.",
    why: "Parameters are variables: PEP 8 spells them lower_case, which also keeps keyword arguments at call sites consistent (`load(file_path=...)`).",
    bad: "def load(FilePath):\n    pass\n",
    good: "def load(file_path):\n    pass\n",
    differences:
      "In a module whose functions are mostly mixedCase (at least half of four or more), mixedCase is the prevailing style PEP 8 allows, and arguments are not reported; nor are private parameters with a default (`_ECHILD=errno.ECHILD`, a constant bound as a local, never passed), nor the parameters of a method that may override a base class's (a base in the file that defines it, or any base not defined in the file), whose names callers pass by keyword. Ruff reports both.",
  },
  create(ctx): Visitors {
    // A codebase whose functions are mixedCase names their arguments so too (PEP 8's prevailing style).
    if (!/[A-Z]/.test(ctx.source) || mixedCasePrevails(ctx.source)) return {};
    const visit = (node: SyntaxNode): void => {
      if (node.type === "function_definition") {
        if (decorators(node).some((d) => /(^|\.)override$/.test(d))) return;
        // An override keeps the base method's parameter names: callers pass them by keyword.
        const klass = owningClass(node);
        if (klass && mayInherit(ctx, klass, nameOf(node))) return;
      }
      for (const param of node.childForFieldName("parameters")?.namedChildren ?? []) {
        const id =
          param.type === "identifier"
            ? param
            : (param.childForFieldName("name") ?? param.namedChildren.find((c) => c.type === "identifier") ?? null);
        if (id?.type !== "identifier" || FRAMEWORK_NAMES.has(id.text)) continue;
        if (id.text === id.text.toLowerCase()) {
          ctx.follows(id);
          continue;
        }
        // `_ECHILD=errno.ECHILD`: a constant bound as a local for speed, never passed by callers.
        if (id.text.startsWith("_") && param.type.endsWith("default_parameter")) continue;
        ctx.report({ node: id, message: `Argument name \`${id.text}\` should be lower_case` });
      }
    };
    return { function_definition: visit, lambda: visit };
  },
});

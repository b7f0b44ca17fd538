import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { decorators } from "../../src/engine/definitions.js";

// unittest-style hooks passed by name (`FunctionTestCase(setUp=...)`), spelled as the API does.
const FRAMEWORK_NAMES = new Set(["setUp", "tearDown", "setUpClass", "tearDownClass"]);

export default defineCheck({
  id: "argument-name",
  codes: ["N803"],
  pylint: ["invalid-name"],
  category: "naming",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A parameter name that is not lower_case.",
    why: "Parameters are variables: PEP 8 spells them lower_case, which also keeps keyword arguments at call sites consistent (`load(file_path=...)`).",
    bad: "def load(FilePath):\n    pass\n",
    good: "def load(file_path):\n    pass\n",
  },
  create(ctx) {
    const visit = (node: SyntaxNode): void => {
      if (node.type === "function_definition" && decorators(node).some((d) => /(^|\.)override$/.test(d))) return;
      for (const param of node.childForFieldName("parameters")?.namedChildren ?? []) {
        const id =
          param.type === "identifier"
            ? param
            : (param.childForFieldName("name") ?? param.namedChildren.find((c) => c.type === "identifier") ?? null);
        if (id?.type !== "identifier" || id.text === id.text.toLowerCase() || FRAMEWORK_NAMES.has(id.text)) continue;
        ctx.report({ node: id, message: `Argument name \`${id.text}\` should be lower_case` });
      }
    };
    return { function_definition: visit, lambda: visit };
  },
});

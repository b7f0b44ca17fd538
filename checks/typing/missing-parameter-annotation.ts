import type { SyntaxNode } from "tree-sitter";
import { typedByComment } from "../../src/engine/annotations.js";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import {
  decorators,
  isOverload,
  isOverloadImplementation,
  isPublicDefinition,
  owningClass,
} from "../../src/engine/definitions.js";

export default defineCheck({
  id: "missing-parameter-annotation",
  codes: ["ANN001"],
  category: "typing",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "public functions annotate their parameters", askedByStrictTyping: true },
  fix: "never",
  // Test functions are called by the runner, not by code a type checker follows.
  appliesTo: "non-tests",
  docs: {
    summary: "A parameter of a public function without a type annotation.",
    why: "Parameter annotations are the contract callers read first; without them type checkers cannot catch wrong calls and IDEs cannot help.",
    bad: "def greet(name, times: int = 1) -> str:\n    return name * times\n",
    good: "def greet(name: str, times: int = 1) -> str:\n    return name * times\n",
    differences:
      "A def marked `# type: ignore`, or typed by a PEP 484 type comment, is not reported. Only public functions and methods are checked (not `_private` ones, nested functions or methods of private classes); Ruff's ANN001 checks every function. Test files are not checked: the runner calls tests, not code a type checker follows; nor is a module with a sibling `.pyi` stub, where its types live; nor the `self` of a module-level function that becomes a method elsewhere. `*args`/`**kwargs` are ANN002/ANN003, not this check. A function gets one finding, on its first unannotated parameter, naming all of them (Ruff reports each parameter).",
  },
  create(ctx): Visitors {
    // A sibling `.pyi` stub holds this module's types: type checkers read it, not this file.
    if (ctx.path.endsWith(".py") && ctx.project?.hasPath(`${ctx.path}i`)) return {};
    const overloads = ctx.source.includes("overload");
    return {
      function_definition(node) {
        if (!isPublicDefinition(node, ctx.path) || isOverload(node)) return;
        if (overloads && isOverloadImplementation(node)) return;
        if (typedByComment(ctx, node)) return;
        // (A comment may sit among the parameters: `def f(  # noqa\n self, x)`.)
        const params = node.childForFieldName("parameters")?.namedChildren.filter((p) => p.type !== "comment") ?? [];
        // A `@classmethod` outside a class is a method attached to one later (`Cls.from_dict = from_dict`).
        const isMethod =
          (owningClass(node) !== null && !decorators(node).some((d) => /(^|\.)staticmethod$/.test(d))) ||
          decorators(node).some((d) => /(^|\.)classmethod$/.test(d));
        let annotated = 0;
        const missing: SyntaxNode[] = [];
        params.forEach((param, index) => {
          // `self` / `cls`: the first parameter of a method is never annotated; nor is a
          // module-level function's `self`, a method defined outside its class (`Message.walk = walk`).
          if (index === 0 && (isMethod || param.text === "self")) return;
          if (param.type === "typed_parameter" || param.type === "typed_default_parameter") annotated++;
          const id =
            param.type === "identifier"
              ? param
              : param.type === "default_parameter"
                ? param.childForFieldName("name")
                : null;
          if (id) missing.push(id);
        });
        if (missing.length === 0) {
          if (annotated > 0) ctx.follows(node);
          return;
        }
        // One comment per function, as a reviewer writes it (and the house style counts functions).
        const names = missing.map((id) => `\`${id.text}\``);
        const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
        ctx.report({
          node: missing[0]!,
          message:
            missing.length === 1
              ? `Parameter ${list} has no type annotation`
              : `Parameters ${list} have no type annotation`,
          construct: node,
        });
      },
    };
  },
});

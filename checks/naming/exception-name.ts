import { defineCheck } from "../../src/engine/check.js";

export default defineCheck({
  id: "exception-name",
  codes: ["N818"],
  category: "naming",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "exception classes end in `Error`" },
  fix: "never",
  // A test's local `class E(Exception)` exists only to be raised and caught there.
  appliesTo: "non-tests",
  docs: {
    summary: "An exception class whose name does not end in `Error`.",
    why: "PEP 8 asks exception classes that are errors to end in `Error` (`ConfigError`, not `BadConfig`), so `except` clauses and tracebacks say at a glance what went wrong.",
    bad: "class BadConfig(ValueError):\n    pass\n",
    good: "class ConfigError(ValueError):\n    pass\n",
    differences:
      "Test files are not checked: a test's local exception class exists only to be raised and caught there. Ruff reports it.",
  },
  create(ctx) {
    return {
      class_definition(node) {
        const id = node.childForFieldName("name");
        if (!id) return;
        // A class deriving from an exception: a base spelled `...Error` or `...Exception`.
        const bases = node.childForFieldName("superclasses")?.namedChildren ?? [];
        // (Ruff's reading: a base ending in `Error`, or `Exception` itself.)
        const isException = bases.some(
          (b) => b.type === "identifier" && (b.text.endsWith("Error") || b.text === "Exception"),
        );
        if (!isException) return;
        if (id.text.endsWith("Error")) {
          ctx.follows(node);
          return;
        }
        ctx.report({ node: id, message: `Exception name \`${id.text}\` should end in \`Error\`` });
      },
    };
  },
});

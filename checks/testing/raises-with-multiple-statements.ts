import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { statementsOf } from "./_pytest.js";

const COMPOUND = new Set([
  "if_statement",
  "for_statement",
  "while_statement",
  "try_statement",
  "with_statement",
  "match_statement",
  "function_definition",
  "class_definition",
  "decorated_definition",
]);

/** Ruff's PT012 reading of the body of a `with pytest.raises(...)` block. */
function tooComplex(body: SyntaxNode | null): boolean {
  const statements = statementsOf(body);
  if (statements.length !== 1) return true;
  const only = statements[0]!;
  switch (only.type) {
    case "with_statement": {
      const inner = statementsOf(only.childForFieldName("body"));
      return inner.length !== 1 || COMPOUND.has(inner[0]!.type);
    }
    // Definitions test decorators; an empty `for` drains an iterator.
    case "function_definition":
    case "class_definition":
    case "decorated_definition":
      return false;
    case "for_statement": {
      const inner = statementsOf(only.childForFieldName("body"));
      if (inner.length !== 1) return true;
      const statement = inner[0]!;
      if (statement.type === "pass_statement") return false;
      return !(statement.type === "expression_statement" && statement.namedChild(0)?.type === "ellipsis");
    }
    default:
      return COMPOUND.has(only.type);
  }
}

export default defineCheck({
  id: "raises-with-multiple-statements",
  codes: ["PT012"],
  category: "testing",
  severity: "warning",
  type: "bug",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "A `with pytest.raises(...)` block holding more than one simple statement.",
    why: "The block passes as soon as any statement in it raises the exception: a setup line that raises passes the test before the code under test runs, and statements after the raising call never run. Keep only the call that should raise inside the block.",
    bad: "import pytest\n\ndef test_withdraw():\n    with pytest.raises(ValueError, match='insufficient'):\n        account = open_account(balance=10)\n        account.withdraw(20)\n",
    good: "import pytest\n\ndef test_withdraw():\n    account = open_account(balance=10)\n    with pytest.raises(ValueError, match='insufficient'):\n        account.withdraw(20)\n",
    differences:
      "Ruff reports this in any file; peptalk looks at test files only (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`).",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("raises")) return {};
    return {
      with_statement(statement) {
        const clause = statement.namedChildren.find((c) => c.type === "with_clause");
        if (!clause) return;
        // `with (a, b):` parses as one item holding a tuple: its elements are the items.
        const values = clause.namedChildren.flatMap((item) => {
          const value = item.type === "with_item" ? item.childForFieldName("value") : null;
          if (!value) return [];
          return value.type === "tuple" ? value.namedChildren : [value];
        });
        const raises = values.some((v) => {
          let value: SyntaxNode | null = v;
          if (value.type === "as_pattern") value = value.namedChild(0);
          const call = value && unparenthesize(value);
          const fn = call?.type === "call" ? call.childForFieldName("function") : null;
          return !!fn && fn.text.endsWith("raises") && ctx.qualifiedName(fn) === "pytest.raises";
        });
        if (!raises || !tooComplex(statement.childForFieldName("body"))) return;
        const colon = statement.children.find((c) => c.type === ":");
        const end = colon ? colon.startIndex : clause.endIndex;
        ctx.report({
          range: { start: statement.startIndex, end: ctx.source.slice(0, end).trimEnd().length },
          message:
            "`pytest.raises()` block holds more than one statement: any of them raising passes the test, and code after the raising call never runs",
        });
      },
    };
  },
});

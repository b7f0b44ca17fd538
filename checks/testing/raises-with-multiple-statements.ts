import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments, unparenthesize } from "../../src/engine/ast.js";
import { statementsOf } from "./_pytest.js";

/** Exceptions a failing `assert` would itself satisfy: the assertion may be the expected raise. */
const CATCHES_ASSERTION = new Set(["AssertionError", "Exception", "BaseException"]);

/**
 * `assert x`, `self.assertEqual(...)`, `mock.assert_called_once()`: a check of what came before.
 * `assert False, "should have raised"` is a guard that belongs there: it is not one.
 */
function isAssertion(statement: SyntaxNode): boolean {
  if (statement.type === "assert_statement") {
    const condition = statement.namedChildren.find((c) => c.type !== "comment");
    return !(condition && ["false", "none"].includes(condition.type)) && !/^0+$/.test(condition?.text ?? "");
  }
  const call = statement.type === "expression_statement" ? statement.namedChild(0) : null;
  const fn = call?.type === "call" ? call.childForFieldName("function") : null;
  return fn?.type === "attribute" && /^assert/.test(fn.childForFieldName("attribute")?.text ?? "");
}

/** The callee text of `f(...)` / `await f(...)` as a whole statement, else null. */
function calledFunction(statement: SyntaxNode): string | null {
  let expr = statement.type === "expression_statement" ? statement.namedChild(0) : null;
  if (expr?.type === "await") expr = expr.namedChild(0);
  return expr?.type === "call" ? (expr.childForFieldName("function")?.text ?? null) : null;
}

/**
 * What in the block cannot do its job, as a message; null when the block is a call with its setup
 * before it. Statements that build the input and then one call that raises are how many suites
 * write these tests (networkx: `G = nx.Graph(); G.add_node(1); f(G)`), and a `with` whose exit
 * raises (a trio nursery) must hold the whole body: neither is a defect, so neither is reported.
 */
function defect(body: SyntaxNode | null, expected: readonly string[]): string | null {
  const statements = statementsOf(body);
  const last = statements[statements.length - 1];
  if (!last) return null;
  if (statements.length >= 2) {
    // If an earlier statement raises as expected, the assertion never runs; if none does, the
    // assertion would have to raise the expected exception itself.
    if (isAssertion(last) && !expected.some((name) => CATCHES_ASSERTION.has(name)))
      return "`pytest.raises()` block ends with an assertion that never runs once the call before it raises: move the assertion after the block";
    const callees = statements.map(calledFunction);
    if (callees.every((callee) => callee !== null && callee === callees[0]))
      return `\`pytest.raises()\` block calls \`${callees[0]}()\` ${statements.length} times: once one call raises, the calls after it never run; keep only the call that should raise in the block (a block per such call)`;
    return null;
  }
  // `for value in [a, b]: f(value)`: the loop ends at the first value that raises.
  if (last.type === "for_statement") {
    const values = last.childForFieldName("right");
    const literal = values && unparenthesize(values);
    if (literal && ["list", "tuple", "set"].includes(literal.type) && literal.namedChildren.length >= 2) {
      const inner = statementsOf(last.childForFieldName("body"));
      const drains = inner.length === 1 && inner[0]!.type === "pass_statement";
      if (!drains)
        return "`pytest.raises()` block loops over several values: the loop stops at the first one that raises, so the others are never tested; parametrize the test or give each value its own block";
    }
  }
  return null;
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
    summary:
      "A `with pytest.raises(...)` block with code that never runs once the expected exception is raised: an assertion after the call, the same call made several times, a loop over several values.",
    why: "The block ends at the first statement that raises the exception: an assertion after the raising call never runs, and of several calls (or loop values) that should each raise, only the first is tested. Keep one raising call per block and check its result after the block.",
    bad: "import pytest\n\ndef test_withdraw():\n    account = open_account(balance=10)\n    with pytest.raises(ValueError, match='insufficient'):\n        account.withdraw(20)\n        assert account.balance == 10\n",
    good: "import pytest\n\ndef test_withdraw():\n    account = open_account(balance=10)\n    with pytest.raises(ValueError, match='insufficient'):\n        account.withdraw(20)\n    assert account.balance == 10\n",
    differences:
      "Ruff reports this in any file; peptalk looks at test files only (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`). Ruff reports every block with more than one statement or a compound statement; peptalk only code that cannot run or cannot be tested: an assertion (`assert`, `self.assert*()`, `mock.assert_*()`; not `assert False`, a guard) ending the block after other statements, every statement a call to the same function, or a `for` over a literal list/tuple/set of several values. Setup statements before the one call that raises (`G = nx.Graph(); G.add_node(1); f(G)`), an `if`/`try`/`while` around the raising code, and a `with` whose exit raises (a trio nursery holding several tasks) are not reported: the test is right, only the setup could have been outside.",
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
        const raisesCall = values
          .map((v) => unparenthesize(v.type === "as_pattern" ? (v.namedChild(0) ?? v) : v))
          .find((call) => {
            const fn = call.type === "call" ? call.childForFieldName("function") : null;
            return !!fn && fn.text.endsWith("raises") && ctx.qualifiedName(fn) === "pytest.raises";
          });
        if (!raisesCall) return;
        const { positional, keywords } = callArguments(raisesCall);
        const exception = positional[0] ?? keywords.get("expected_exception");
        const target = exception && unparenthesize(exception);
        const expected = (target?.type === "tuple" ? target.namedChildren : target ? [target] : []).map(
          (e) => ctx.qualifiedName(e) ?? e.text,
        );
        const message = defect(statement.childForFieldName("body"), expected);
        if (!message) return;
        const colon = statement.children.find((c) => c.type === ":");
        const end = colon ? colon.startIndex : clause.endIndex;
        ctx.report({ range: { start: statement.startIndex, end: ctx.source.slice(0, end).trimEnd().length }, message });
      },
    };
  },
});

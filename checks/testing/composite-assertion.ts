import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { indentationAt, unparenthesize } from "../../src/engine/ast.js";

function operator(node: SyntaxNode): string | null {
  return node.type === "boolean_operator" ? (node.childForFieldName("operator")?.type ?? null) : null;
}

/** `a and (b and c)` → [a, b, c] (a parenthesized group with a comment stays one operand). */
function chain(node: SyntaxNode, op: string): SyntaxNode[] {
  if (node.type === "parenthesized_expression" && node.descendantsOfType("comment").length === 0) {
    const inner = unparenthesize(node);
    if (operator(inner) === op) return chain(inner, op);
  }
  if (operator(node) !== op) return [node];
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  return left && right ? [...chain(left, op), ...chain(right, op)] : [node];
}

type Composition = { kind: "and" | "not-or"; parts: SyntaxNode[] } | { kind: "mixed" } | null;

/** Ruff's PT018 reading: `a and b`, or `not (a or b)` (mixed when an operand is an `and`). */
function composition(test: SyntaxNode): Composition {
  const expr = unparenthesize(test);
  if (operator(expr) === "and") return { kind: "and", parts: chain(expr, "and") };
  if (expr.type !== "not_operator") return null;
  const argument = expr.childForFieldName("argument");
  const inner = argument && unparenthesize(argument);
  if (!inner || operator(inner) !== "or") return null;
  const parts = chain(inner, "or");
  return parts.some((p) => operator(unparenthesize(p)) === "and") ? { kind: "mixed" } : { kind: "not-or", parts };
}

const BRACKETED = new Set(["parenthesized_expression", "tuple", "list", "dictionary", "set", "call", "subscript"]);

function conditionText(ctx: CheckContext, node: SyntaxNode, negate: boolean): string {
  let text = ctx.text(node);
  const needsParens =
    (text.includes("\n") && !BRACKETED.has(node.type)) ||
    node.type === "named_expression" ||
    node.type === "lambda" ||
    node.type === "conditional_expression" ||
    node.type === "yield";
  if (needsParens) text = `(${text})`;
  return negate ? `not ${text}` : text;
}

/** Nothing but indentation before the statement and nothing at all after it on its last line. */
function aloneOnItsLines(source: string, statement: SyntaxNode): boolean {
  const lineStart = source.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const lineEnd = source.indexOf("\n", statement.endIndex);
  const after = source.slice(statement.endIndex, lineEnd === -1 ? source.length : lineEnd);
  return /^[ \t]*$/.test(source.slice(lineStart, statement.startIndex)) && /^[ \t]*\r?$/.test(after);
}

/** The value a first operand guards: `x` of `x is not None`, `isinstance(x, T)`, `hasattr(x, "a")`. */
function guardedValue(part: SyntaxNode): string | null {
  const n = unparenthesize(part);
  if (n.type === "comparison_operator" && /^[\s\S]+\bis\s+not\s+None$/.test(n.text))
    return n.namedChild(0)?.text ?? null;
  if (n.type === "call" && /^(isinstance|hasattr|callable|len)$/.test(n.childForFieldName("function")?.text ?? ""))
    return n.childForFieldName("arguments")?.namedChild(0)?.text ?? null;
  return null;
}

/** `assert g is not None and g.value == 2`: the guard and the check are one claim. */
function guardThenCheck(parts: SyntaxNode[]): boolean {
  const guarded = parts[0] && guardedValue(parts[0]);
  return !!guarded && parts.slice(1).some((p) => p.text.includes(guarded));
}

/** The `def test*` (or unittest `test*` method) the assertion runs in; null in a helper or a test double. */
function inTestFunction(statement: SyntaxNode): boolean {
  for (let cur = statement.parent; cur; cur = cur.parent)
    if (cur.type === "function_definition") return /^test/.test(cur.childForFieldName("name")?.text ?? "");
  return false;
}

export default defineCheck({
  id: "composite-assertion",
  codes: ["PT018"],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  appliesTo: "tests",
  docs: {
    summary: "`assert a and b` (or `assert not (a or b)`): several conditions in one assertion.",
    why: "When a combined assertion fails, the error points at one line that checks several things, and finding the false condition takes work (outside pytest a bare `AssertionError` does not say at all). One `assert` per condition fails on exactly the condition that does not hold.",
    bad: "def test_user():\n    user = load_user()\n    assert user.active and user.email\n",
    good: "def test_user():\n    user = load_user()\n    assert user.active\n    assert user.email\n",
    fixSafety:
      "Offered for an `and` chain or a `not (a or b)` of plain operands, when the `assert` has no message and no comment and stands alone on its lines. The conditions are checked in the same order and stop at the first false one, as before, but the fix is unsafe, as in Ruff: the failing statement, its line and its message change, which a test of the test output may rely on.",
    differences:
      "Ruff reports this in any file; peptalk looks at test functions (`def test*`) in test files only (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`), not at preconditions in helpers and test doubles, and not at an assertion with a message (the message names one claim) or a guard followed by the check it guards (`assert g is not None and g.x == 1`, which pytest already reports operand by operand). Ruff's fix splits an `and` chain one operand at a time; peptalk splits it completely and leaves a line with a trailing comment alone.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("assert")) return {};
    return {
      assert_statement(statement) {
        const operands = statement.namedChildren.filter((c) => c.type !== "comment");
        const test = operands[0];
        if (!test) return;
        const composite = composition(test);
        if (!composite) return;
        // A message names the claim as one; a precondition in a helper or stub is not a test's check.
        if (operands.length > 1 || !inTestFunction(statement)) return;
        if (composite.kind === "and" && guardThenCheck(composite.parts)) return;
        let fix = null;
        if (
          composite.kind !== "mixed" &&
          operands.length === 1 &&
          statement.descendantsOfType("comment").length === 0 &&
          aloneOnItsLines(ctx.source, statement)
        ) {
          const indent = indentationAt(ctx.source, statement.startIndex);
          const lines = composite.parts.map((p) => `assert ${conditionText(ctx, p, composite.kind === "not-or")}`);
          fix = {
            safety: "unsafe" as const,
            unsafeReason: "the failure is then reported by another statement, on another line, with another message",
            title: "Split into one `assert` per condition",
            edits: [ctx.edits.replace(statement, lines.join(`\n${indent}`))],
          };
        }
        ctx.report({
          node: statement,
          message:
            "Assertion checks several conditions at once: use one `assert` each, so a failure names the one that does not hold",
          fix,
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";

/** `return True` / `return False` → true / false; anything else → null. */
function returnedBool(statement: SyntaxNode | undefined): boolean | null {
  if (statement?.type !== "return_statement") return null;
  const value = statement.namedChildren.filter((c) => c.type !== "comment");
  if (value.length !== 1) return null;
  return value[0]!.type === "true" ? true : value[0]!.type === "false" ? false : null;
}

function onlyStatement(block: SyntaxNode | null | undefined): SyntaxNode | undefined {
  const statements = block?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  return statements.length === 1 ? statements[0] : undefined;
}

/** Expressions that already evaluate to a bool. */
function isBoolExpression(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (n.type === "comparison_operator" || n.type === "not_operator" || n.type === "true" || n.type === "false")
    return true;
  if (n.type === "boolean_operator")
    return isBoolExpression(n.childForFieldName("left")!) && isBoolExpression(n.childForFieldName("right")!);
  if (n.type === "call")
    return ["isinstance", "issubclass", "callable", "hasattr", "bool"].includes(
      n.childForFieldName("function")?.text ?? "",
    );
  return false;
}

export default defineCheck({
  id: "needless-bool",
  codes: ["SIM103"],
  pylint: ["simplifiable-if-statement"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "`if cond: return True` / `else: return False` instead of returning the condition.",
    why: "Branching only to return `True` or `False` restates the condition in four lines. Return it (wrapped in `bool()` when it is not already a bool, or negated with `not`).",
    bad: "def is_adult(age):\n    if age >= 18:\n        return True\n    else:\n        return False\n",
    good: "def is_adult(age):\n    return age >= 18\n",
    fixSafety:
      "Returns the condition itself when it is already a bool (comparisons, `not`, `isinstance`, ...), else `bool(condition)`; no fix when the statement holds a comment.",
  },
  create(ctx) {
    return {
      if_statement(node) {
        const condition = node.childForFieldName("condition");
        const thenValue = returnedBool(onlyStatement(node.childForFieldName("consequence")));
        if (!condition || thenValue === null || node.namedChildren.some((c) => c.type === "elif_clause")) return;
        const elseClause = node.namedChildren.find((c) => c.type === "else_clause");
        let elseReturn: SyntaxNode | undefined;
        if (elseClause) {
          elseReturn = onlyStatement(
            elseClause.childForFieldName("body") ?? elseClause.namedChildren.find((c) => c.type === "block"),
          );
        } else {
          // `if c: return True` followed directly by `return False`.
          let next = node.nextNamedSibling;
          while (next?.type === "comment") next = next.nextNamedSibling;
          elseReturn = next ?? undefined;
        }
        const elseValue = returnedBool(elseReturn);
        if (elseValue === null || elseValue === thenValue || !elseReturn) return;
        const end = elseReturn.endIndex;
        const range = { start: node.startIndex, end };
        const cond = ctx.text(condition);
        const inner = unparenthesize(condition);
        const expression = thenValue
          ? isBoolExpression(condition)
            ? cond
            : `bool(${cond})`
          : `not ${inner.type === "boolean_operator" || inner.type === "conditional_expression" ? `(${cond})` : cond}`;
        const commented = hasComment(node) || ctx.text(range).includes("#");
        ctx.report({
          range,
          message: `Return the condition \`${expression.length > 40 ? "..." : expression}\` directly`,
          fix: commented
            ? null
            : { title: "Return the condition", edits: [ctx.edits.replace(range, `return ${expression}`)] },
        });
      },
    };
  },
});

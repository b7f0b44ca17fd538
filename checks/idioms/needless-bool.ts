import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks } from "../../src/engine/comparisons.js";
import { quoteCode } from "../../src/engine/quote.js";

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

const BOOL_BUILTINS = ["isinstance", "issubclass", "callable", "hasattr", "bool"];
/** Each comparison operator with the one that negates it. */
const NEGATED: Record<string, string> = {
  in: "not in",
  "not in": "in",
  is: "is not",
  "is not": "is",
  "==": "!=",
  "!=": "==",
};
/** Comparisons that always produce a bool: `in` coerces `__contains__`, `is` compares identity. */
const BOOL_OPERATORS = new Set(["in", "not in", "is", "is not"]);

/** Expressions certain to evaluate to a real bool, whatever their operands' dunder methods return. */
function isBoolExpression(ctx: CheckContext, node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (n.type === "not_operator" || n.type === "true" || n.type === "false") return true;
  if (n.type === "comparison_operator") return comparisonLinks(n).every((l) => BOOL_OPERATORS.has(l.operator));
  if (n.type === "boolean_operator")
    return isBoolExpression(ctx, n.childForFieldName("left")!) && isBoolExpression(ctx, n.childForFieldName("right")!);
  if (n.type === "call") {
    const fn = n.childForFieldName("function");
    return !!fn && BOOL_BUILTINS.some((name) => ctx.isBuiltin(fn, name));
  }
  return false;
}

/** The expression `return` gets, and whether that changes nothing (Ruff's SIM103 applicability). */
interface Replacement {
  expression: string;
  unsafeReason?: string;
}

const OVERLOADED = (op: string): string =>
  `\`${op}\` may be overloaded to return something other than a bool (NumPy arrays, ORM columns): the function would return that object instead of \`True\`/\`False\``;

/** The text of `node`, parenthesized when it spans lines (a bare `return` cannot continue a line). */
function expressionText(ctx: CheckContext, node: SyntaxNode): string {
  const text = ctx.text(node);
  return text.includes("\n") ? `(${text})` : text;
}

/** `not <node>`: `x not in y` / `x is not y` for a single membership or identity test (E713/E714). */
function negation(ctx: CheckContext, node: SyntaxNode): Replacement {
  const n = unparenthesize(node);
  const links = n.type === "comparison_operator" ? comparisonLinks(n) : [];
  const link = links.length === 1 ? links[0]! : null;
  if (link && link.operator in NEGATED) {
    const op = link.operatorNode;
    const text =
      ctx.text({ start: n.startIndex, end: op.startIndex }) +
      NEGATED[link.operator]! +
      ctx.text({ start: op.endIndex, end: n.endIndex });
    const expression = text.includes("\n") ? `(${text})` : text;
    // `a != b` is what `not a == b` means only when `__ne__` is the negation of `__eq__`.
    return BOOL_OPERATORS.has(link.operator)
      ? { expression }
      : { expression, unsafeReason: OVERLOADED(NEGATED[link.operator]!) };
  }
  const loose = ["boolean_operator", "conditional_expression", "lambda", "named_expression"].includes(n.type);
  return { expression: `not ${loose ? `(${ctx.text(n)})` : expressionText(ctx, n)}` };
}

/** What `if condition: return <thenValue> else: return <not thenValue>` returns; null: no fix. */
function replacement(ctx: CheckContext, condition: SyntaxNode, thenValue: boolean): Replacement | null {
  const n = unparenthesize(condition);
  if (!thenValue) {
    // `if not x: return False` → `return x`, which is a bool only when `x` is one.
    if (n.type === "not_operator") {
      const argument = n.childForFieldName("argument");
      if (!argument) return null;
      const expression = expressionText(ctx, unparenthesize(argument));
      return isBoolExpression(ctx, argument)
        ? { expression }
        : {
            expression,
            unsafeReason: `\`${argument.text.length > 30 ? "the operand" : argument.text}\` is returned as it is, not as a bool`,
          };
    }
    return negation(ctx, n);
  }
  if (isBoolExpression(ctx, n)) {
    // `not x in y` is returned as `x not in y`, which E713/E714 would ask for anyway.
    const argument = n.type === "not_operator" ? n.childForFieldName("argument") : null;
    if (argument && unparenthesize(argument).type === "comparison_operator" && isBoolExpression(ctx, argument))
      return negation(ctx, argument);
    return { expression: expressionText(ctx, n) };
  }
  if (n.type === "comparison_operator") {
    const op = comparisonLinks(n).find((l) => !BOOL_OPERATORS.has(l.operator))?.operator ?? "==";
    return { expression: expressionText(ctx, n), unsafeReason: OVERLOADED(op) };
  }
  // `bool(...)` must be the builtin where the fix puts it.
  if (ctx.names.lookup("bool", condition) !== undefined) return null;
  return { expression: `bool(${ctx.text(n)})` };
}

/** An `if` that returns early from some branch: one step of a cascade of checks. */
function returnsEarly(statement: SyntaxNode | null): boolean {
  if (statement?.type !== "if_statement") return false;
  return statement.descendantsOfType("return_statement").some((r) => {
    for (let cur = r.parent; cur && cur.id !== statement.id; cur = cur.parent)
      if (cur.type === "function_definition" || cur.type === "lambda" || cur.type === "class_definition") return false;
    return true;
  });
}

/** The code as one line, whitespace runs collapsed, for quoting in a message. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
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
    differences:
      "Ruff's SIM103 also reports the last `if` of a cascade of early returns (`if a: return False` / `if b: return False` / `return True`, whatever the earlier branches return) and branches that hold a comment; peptalk stays quiet there: rewriting the last guard breaks the chain's parallel, and a comment says the branches are spelled out on purpose.",
    fixSafety:
      "Safe, as in Ruff, when the returned expression is certainly a bool: a `not`, an `in`/`is` test (a negated one becomes `x not in y` / `x is not None`, never `not x in y`), a call to the builtin `isinstance`, `issubclass`, `callable`, `hasattr` or `bool`, or `bool(condition)` for anything else. Unsafe when it returns a comparison such as `x > 0` or `a != b` as it is: `==`, `<` and friends may be overloaded to return a non-bool (NumPy arrays, ORM columns), and `!=` need not be the negation of `==`. No fix when the statement holds a comment or `bool` is not the builtin.",
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
        // The last of a cascade of early returns (`if a: return False` / `if b: return x` /
        // `if c: return False` / `return True`): folding it into the return breaks the parallel.
        if (!elseClause) {
          let previous = node.previousNamedSibling;
          while (previous?.type === "comment") previous = previous.previousNamedSibling;
          if (returnsEarly(previous)) return;
        }
        const end = elseReturn.endIndex;
        const range = { start: node.startIndex, end };
        // A comment in the branches explains why it is spelled out (a protocol value, a TODO).
        if (hasComment(node) || ctx.text(range).includes("#")) return;
        const result = replacement(ctx, condition, thenValue);
        const shown = oneLine(result ? result.expression : ctx.text(condition));
        ctx.report({
          range,
          message: `Return the condition directly: ${quoteCode(`return ${shown}`, 120)}`,
          fix: !result
            ? null
            : {
                title: "Return the condition",
                edits: [ctx.edits.replace(range, `return ${result.expression}`)],
                ...(result.unsafeReason ? { safety: "unsafe" as const, unsafeReason: result.unsafeReason } : {}),
              },
        });
      },
    };
  },
});

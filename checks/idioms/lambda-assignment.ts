import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { enclosingScope, hasComment, indentationAt, unparenthesize } from "../../src/engine/ast.js";

/** Nothing but indentation before the statement and nothing but a comment after it (no `;`, no `if c: f = ...`). */
function aloneOnItsLine(source: string, statement: SyntaxNode): boolean {
  const lineStart = source.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const lineEnd = source.indexOf("\n", statement.endIndex);
  const after = source.slice(statement.endIndex, lineEnd === -1 ? source.length : lineEnd);
  return /^[ \t]*$/.test(source.slice(lineStart, statement.startIndex)) && /^[ \t]*(#.*)?\r?$/.test(after);
}

export default defineCheck({
  id: "lambda-assignment",
  codes: ["E731"],
  category: "idioms",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "taste",
  houseStyle: { counted: "one-expression functions are `def`s rather than assigned lambdas" },
  fix: "sometimes",
  docs: {
    summary: "A `lambda` assigned to a name instead of a `def`.",
    why: "`f = lambda x: ...` gives a function without a name (`<lambda>` in tracebacks and profiles), without a docstring and without room for annotations. A `def` says the same in as many lines and keeps all of that.",
    bad: "double = lambda x: 2 * x\n",
    good: "def double(x):\n    return 2 * x\n",
    fixSafety:
      "Unsafe, as in Ruff: rewrites a plain `name = lambda ...: ...` statement (no annotation, no comment, not in a class body) as a `def` returning the same expression, but the function's `__name__`/`__qualname__` change from `<lambda>` (tracebacks, logs, pickling by name), and a name that is assigned again elsewhere becomes a function definition to type checkers.",
  },
  requires: ["lambda"],
  create(ctx) {
    return {
      // The house style: a function a lambda could express (its body one `return`) is a `def`.
      function_definition(node) {
        const statements = node.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (statements.length === 1 && statements[0]!.type === "return_statement") ctx.follows(node);
      },
      assignment(node) {
        const left = node.childForFieldName("left");
        const rhs = node.childForFieldName("right");
        const right = rhs && unparenthesize(rhs);
        if (left?.type !== "identifier" || right?.type !== "lambda") return;
        // Only a whole statement `name = lambda`; chained `a = b = lambda` is left alone.
        if (node.parent?.type !== "expression_statement" || node.parent.namedChildCount !== 1) return;
        const statement = node.parent;
        const params = right.childForFieldName("parameters");
        const body = right.childForFieldName("body");
        if (!body) return;
        // In a class body, even inside an `if`/`try` block there.
        const inClass = enclosingScope(statement)?.type === "class_definition";
        const annotated = !!node.childForFieldName("type");
        // An annotated lambda attribute in a class body is a typed callable field, not a method.
        if (inClass && annotated) return;
        let fix = null;
        if (
          !inClass &&
          !annotated &&
          rhs === right &&
          !hasComment(statement) &&
          !ctx.text(body).includes("\n") &&
          aloneOnItsLine(ctx.source, statement)
        ) {
          const indent = indentationAt(ctx.source, statement.startIndex);
          const unit = indent.includes("\t") ? "\t" : "    ";
          fix = {
            safety: "unsafe" as const,
            unsafeReason: `the function's \`__name__\` becomes \`${left.text}\` instead of \`<lambda>\`, and type checkers read \`${left.text}\` as a function definition`,
            title: `Rewrite \`${left.text}\` as a \`def\``,
            edits: [
              ctx.edits.replace(
                node,
                `def ${left.text}(${params ? ctx.text(params) : ""}):\n${indent}${unit}return ${ctx.text(body)}`,
              ),
            ],
          };
        }
        ctx.report({ node: statement, message: `\`${left.text}\` is a lambda assigned to a name: use a \`def\``, fix });
      },
    };
  },
});

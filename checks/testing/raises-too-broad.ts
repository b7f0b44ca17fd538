import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments, enclosingFunction, unparenthesize } from "../../src/engine/ast.js";

/** Ruff's default `raises-require-match-for`: exceptions too common to expect without a message. */
const BROAD = new Set([
  "BaseException",
  "Exception",
  "ValueError",
  "OSError",
  "IOError",
  "EnvironmentError",
  "socket.error",
]);

/** `match=""`, `match=None`, `match=f""`: no message to match. */
function isEmptyMatch(node: SyntaxNode): boolean {
  const value = unparenthesize(node);
  if (value.type === "none") return true;
  const parts = value.type === "concatenated_string" ? value.namedChildren : [value];
  return parts.every((part) => {
    if (part.type !== "string") return false;
    const prefix = part.child(0)?.text ?? "";
    if (/[bB]/.test(prefix)) return false;
    return part.namedChildren.every((c) => c.type === "string_start" || c.type === "string_end");
  });
}

/**
 * `with pytest.raises(E) as excinfo:` whose `excinfo` the test reads afterwards
 * (`excinfo.value.errno`, `excinfo.match(...)`, `str(excinfo.value)`): it checks which failure it got.
 */
function inspectsExcinfo(call: SyntaxNode): boolean {
  const pattern = call.parent?.type === "as_pattern" ? call.parent : null;
  const alias = pattern?.childForFieldName("alias")?.descendantsOfType("identifier")[0];
  const statement = pattern?.parent?.parent?.parent;
  if (!alias || statement?.type !== "with_statement") return false;
  const scope = enclosingFunction(statement);
  if (!scope) return false;
  return scope
    .descendantsOfType("identifier")
    .some((id) => id.startIndex >= statement.endIndex && id.text === alias.text);
}

export default defineCheck({
  id: "raises-too-broad",
  codes: ["PT011"],
  category: "testing",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "`pytest.raises()` of a broad exception pin the message with `match=`" },
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "`pytest.raises(ValueError)` (or `Exception`, `OSError`, ...) without `match=`.",
    why: "Broad exceptions are raised for many reasons: the test passes when the code fails in a way it did not mean to test, for example a `ValueError` from the setup line instead of the validation under test. `match=` pins the message, or a narrower exception class says which failure is expected.",
    bad: "import pytest\n\ndef test_parse():\n    with pytest.raises(ValueError):\n        parse('1 +')\n",
    good: "import pytest\n\ndef test_parse():\n    with pytest.raises(ValueError, match='unexpected end'):\n        parse('1 +')\n",
    differences:
      "Ruff reports this in any file; peptalk looks at test files only (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`), with Ruff's default `raises-require-match-for` list. A block whose exception the test reads afterwards (`with pytest.raises(OSError) as excinfo:` then `assert excinfo.value.errno == errno.EBADF`) is not reported: the test does check which failure it got. As a taste rule it speaks only where the team asked for PT011 or the file's other broad `pytest.raises()` say `match=`: suites that never do (networkx, trio: hundreds of `pytest.raises(ValueError)` without `match=`) chose not to.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("raises")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !fn.text.endsWith("raises") || ctx.qualifiedName(fn) !== "pytest.raises") return;
        const { positional, keywords, hasStar } = callArguments(call);
        // The `pytest.raises(E, func, *args)` form calls `func` itself.
        if (hasStar || positional.length > 1 || keywords.has("func")) return;
        const exception = positional[0] ?? keywords.get("expected_exception");
        if (!exception) return;
        const target = unparenthesize(exception);
        const name = ctx.qualifiedName(target);
        if (!name || !BROAD.has(name)) return;
        const match = keywords.get("match");
        if ((match && !isEmptyMatch(match)) || inspectsExcinfo(call)) {
          ctx.follows(target);
          return;
        }
        ctx.report({
          node: target,
          message: `\`pytest.raises(${name})\` is too broad: add \`match=\` for the expected message, or expect a narrower exception`,
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { compareVersions } from "../../src/engine/version.js";

// Managers that assert something about the block: nesting the manager under test inside is the test.
// `subTest` scopes are the test's structure (a nested subTest is often what is tested).
const ASSERTING = /(^|\.)(assert\w+|raises|warns|deprecated_call|ExpectLog|subTest)$/;
/** PEP 8 / Ruff's default line length: beyond it a merged `with` needs parentheses (3.10+). */
const LINE_LENGTH = 88;

function clauseOf(statement: SyntaxNode): SyntaxNode | undefined {
  return statement.namedChildren.find((c) => c.type === "with_clause");
}

function managerNames(statement: SyntaxNode): string {
  return (clauseOf(statement)?.namedChildren ?? [])
    .map((item) => {
      let value = item.childForFieldName("value") ?? item.namedChild(0);
      if (value?.type === "as_pattern") value = value.namedChild(0);
      return value?.type === "call" ? (value.childForFieldName("function")?.text ?? "") : "";
    })
    .join(" ");
}

function assertsAboutBlock(statement: SyntaxNode): boolean {
  const items = clauseOf(statement)?.namedChildren ?? [];
  return items.some((item) => {
    let value = item.childForFieldName("value") ?? item.namedChild(0);
    if (value?.type === "as_pattern") value = value.namedChild(0);
    const fn = value?.type === "call" ? value.childForFieldName("function") : null;
    return !!fn && ASSERTING.test(fn.text);
  });
}

function isAsync(node: SyntaxNode): boolean {
  return node.children.some((c) => c.type === "async");
}

export default defineCheck({
  id: "nested-with",
  codes: ["SIM117"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`with a:` whose only statement is `with b:`.",
    why: "`with a, b:` manages both resources with one level of indentation and the same exit order; nesting adds indentation and nothing else.",
    bad: "with open(src) as fin:\n    with open(dst, 'w') as fout:\n        fout.write(fin.read())\n",
    good: "with open(src) as fin, open(dst, 'w') as fout:\n    fout.write(fin.read())\n",
    differences:
      "Ruff's SIM117 also reports an assertion manager (`assertRaises`, `pytest.raises`, `assertWarns`, `assertLogs`, `assertNoStderr`, `ExpectLog`...) or a `subTest` scope wrapping the manager under test, where the nesting is the test's meaning, and, below Python 3.10, pairs whose merged header would not fit on one 88-character line (without parenthesised `with` it would need a backslash); peptalk stays quiet there.",
  },
  create(ctx) {
    return {
      with_statement(outer) {
        const body = outer.childForFieldName("body");
        const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        const inner = statements[0];
        if (statements.length !== 1 || inner?.type !== "with_statement" || isAsync(inner) !== isAsync(outer)) return;
        // In a chain of three or more, only the outermost pair is reported (as Ruff does).
        const parentWith = outer.parent?.parent;
        if (
          parentWith?.type === "with_statement" &&
          outer.parent!.namedChildren.filter((c) => c.type !== "comment").length === 1 &&
          isAsync(parentWith) === isAsync(outer)
        )
          return;
        // A comment between the two headers would have nowhere to go.
        const header = outer.children.find((c) => c.type === ":");
        if (header && ctx.text({ start: header.endIndex, end: inner.startIndex }).includes("#")) return;
        const colon = inner.children.find((c) => c.type === ":");
        if (!colon) return;
        // `with self.assertRaises(E):` around `with manager_under_test:` is what the test means.
        if (assertsAboutBlock(outer) || /(^|\.)subTest$/.test(managerNames(inner))) return;
        // Without parenthesised `with` (3.10), a merged header that does not fit one line is worse.
        if (compareVersions(ctx.python, [3, 10]) < 0) {
          const outerClause = clauseOf(outer);
          const innerClause = clauseOf(inner);
          if (!outerClause || !innerClause) return;
          const merged = `with ${outerClause.text}, ${innerClause.text}:`;
          if (merged.includes("\n") || outer.startPosition.column + merged.length > LINE_LENGTH) return;
        }
        ctx.report({
          range: { start: outer.startIndex, end: colon.endIndex },
          message: "Use a single `with` with several context managers instead of nesting",
        });
      },
    };
  },
});

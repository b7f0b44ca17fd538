import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";

export default defineCheck({
  id: "redefined-loop-variable",
  codes: ["PLW2901"],
  pylint: ["redefined-loop-name"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A `for` (or `with ... as`) variable reassigned inside its own body.",
    why: "Reassigning the loop variable hides the original value for the rest of the iteration, and readers expect it to be the current item. Use a new name for the derived value.",
    bad: "for line in lines:\n    line = line.strip()\n    print(line)\n",
    good: "for raw_line in lines:\n    line = raw_line.strip()\n    print(line)\n",
  },
  create(ctx) {
    const reported = new Set<number>();
    const check = (bound: SyntaxNode[], body: SyntaxNode | null, kind: string): void => {
      if (!body || bound.length === 0) return;
      // `_`-prefixed names are throwaways by convention (Ruff's dummy-variable pattern).
      const names = new Set(bound.map((n) => n.text).filter((n) => !n.startsWith("_")));
      if (names.size === 0) return;
      // Rebinding statements, collected natively; those inside nested functions or classes are skipped.
      const scopes = body
        .descendantsOfType(["function_definition", "class_definition", "lambda"])
        .map((s) => [s.startIndex, s.endIndex]);
      for (const n of body.descendantsOfType(["assignment", "augmented_assignment", "for_statement", "as_pattern"])) {
        const start = n.startIndex;
        if (scopes.some(([s, e]) => s! <= start && start < e!)) continue;
        // `as` targets of a `with` (not of `except` or `case` clauses, as Ruff).
        if (n.type === "as_pattern" && n.parent?.type !== "with_item") continue;
        const target = n.childForFieldName(n.type === "as_pattern" ? "alias" : "left");
        for (const t of target ? targetNames(target) : []) {
          if (!names.has(t.text) || reported.has(t.id)) continue;
          reported.add(t.id);
          ctx.report({ node: t, message: `${kind} variable \`${t.text}\` is overwritten in its own body` });
        }
      }
    };
    return {
      for_statement(loop) {
        const left = loop.childForFieldName("left");
        if (left) check(targetNames(left), loop.childForFieldName("body"), "`for` loop");
      },
      with_statement(node) {
        // Only this statement's own `as` targets, not those of `with` statements nested in its body.
        const clause = node.namedChildren.find((c) => c.type === "with_clause");
        const bound = (clause?.namedChildren ?? []).flatMap((item) => {
          const alias =
            item.namedChild(0)?.type === "as_pattern" ? item.namedChild(0)!.childForFieldName("alias") : null;
          return alias ? targetNames(alias) : [];
        });
        check(bound, node.childForFieldName("body"), "`with` statement");
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { enclosingFunction, hasComment } from "../../src/engine/ast.js";
import { quoteCode } from "../../src/engine/quote.js";

const KINDS = { list_comprehension: "list", set_comprehension: "set", dictionary_comprehension: "dict" } as const;

/** The single plain `for` clause of a comprehension (no `if`, no `async`, no second `for`). */
function onlyClause(node: SyntaxNode): SyntaxNode | null {
  const clauses = node.namedChildren.filter((c) => c.type === "for_in_clause" || c.type === "if_clause");
  if (clauses.length !== 1 || clauses[0]!.type !== "for_in_clause") return null;
  return clauses[0]!.children.some((c) => c.type === "async") ? null : clauses[0]!;
}

export default defineCheck({
  id: "unnecessary-comprehension",
  codes: ["C416"],
  pylint: ["unnecessary-comprehension"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "A comprehension that copies its iterable unchanged: `[x for x in xs]`.",
    why: "`[x for x in xs]` is `list(xs)` in more words (likewise `set(...)` and, for pairs, `dict(...)`); the constructor says what happens at a glance.",
    bad: "names = [name for name in rows]\n",
    good: "names = list(rows)\n",
    differences:
      "Ruff's C416 also reports, in test files, a comprehension over an iterator the same test advances by hand (`next(f)` / `f.__next__()`), where the test is exercising the iteration protocol; peptalk stays quiet there.",
    fixSafety:
      "Rewrites to `list(...)`, `set(...)` or `dict(...)` when that name is the builtin and the comprehension holds no comment. `list(xs)` and `set(xs)` build what the comprehension built, so those fixes are safe (Ruff marks every C416 fix unsafe because its fix may drop comments and because of the `dict` case). The `dict` fix is unsafe: over a mapping the comprehension unpacks each key (`{k: v for k, v in {(1, 2): 3}}` is `{1: 2}`), while `dict(mapping)` copies the mapping.",
  },
  create(ctx) {
    const visit = (node: SyntaxNode): void => {
      const kind = KINDS[node.type as keyof typeof KINDS];
      const clause = onlyClause(node);
      const body = node.childForFieldName("body");
      const left = clause?.childForFieldName("left");
      const right = clause?.childForFieldName("right");
      if (!clause || !body || !left || !right) return;
      if (kind === "dict") {
        // `{k: v for k, v in pairs}` is `dict(pairs)`.
        const names = left.type === "pattern_list" || left.type === "tuple_pattern" ? left.namedChildren : [];
        const key = body.childForFieldName("key");
        const value = body.childForFieldName("value");
        if (
          names.length !== 2 ||
          names.some((n) => n.type !== "identifier") ||
          key?.text !== names[0]!.text ||
          value?.text !== names[1]!.text
        )
          return;
      } else if (left.type !== "identifier" || body.type !== "identifier" || body.text !== left.text) {
        return;
      }
      // The rewrite needs `list`/`set`/`dict` to be the builtins where the comprehension is.
      if (ctx.names.lookup(kind, node)) return;
      // A test driving the iteration protocol by hand (`next(f)`, then `[l for l in f]`) means the loop.
      if (ctx.isTestFile && right.type === "identifier") {
        const scope = enclosingFunction(node);
        const name = right.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (scope && new RegExp(`\\bnext\\(\\s*${name}\\s*[,)]|\\b${name}\\.__next__\\(`).test(scope.text)) return;
      }
      const canFix = !hasComment(node);
      const iterable = ctx.text(right).replace(/\s*\n\s*/g, " ");
      ctx.report({
        node,
        message: `Unnecessary ${kind} comprehension: use ${quoteCode(`${kind}(${iterable})`)}`,
        fix: canFix
          ? {
              title: `Rewrite as \`${kind}()\``,
              edits: [ctx.edits.replace(node, `${kind}(${ctx.text(right)})`)],
              ...(kind === "dict"
                ? {
                    safety: "unsafe" as const,
                    unsafeReason: `if \`${iterable}\` is a mapping, the comprehension unpacks its keys while \`dict()\` copies it`,
                  }
                : {}),
            }
          : null,
      });
    };
    return { list_comprehension: visit, set_comprehension: visit, dictionary_comprehension: visit };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";

const BROAD = new Set(["Exception", "BaseException"]);

/** The clause catches everything: `except:`, `Exception`, `BaseException`, or a tuple holding one. */
function catchesAll(ctx: CheckContext, clause: SyntaxNode): boolean {
  const caught = clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
  if (!caught) return true;
  const expr = unparenthesize(caught.type === "as_pattern" ? (caught.namedChild(0) ?? caught) : caught);
  const members = expr.type === "tuple" ? expr.namedChildren : [expr];
  return members.some((m) => {
    const name = ctx.qualifiedName(unparenthesize(m));
    return !!name && (BROAD.has(name) || BROAD.has(name.replace(/^builtins\./, "")));
  });
}

export default defineCheck({
  id: "silent-except",
  codes: ["S110"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`except Exception:` (or bare `except:`) whose only statement is `pass`.",
    why: "Swallowing every exception without a trace turns bugs into silent wrong results. Catch the specific exception you expect, or at least log it.",
    bad: "try:\n    sync()\nexcept Exception:\n    pass\n",
    good: "try:\n    sync()\nexcept Exception:\n    logger.exception('sync failed')\n",
    differences:
      "Also recognises `builtins.Exception` / `builtins.BaseException` spelled through the `builtins` module, which Ruff does not.",
  },
  create(ctx) {
    return {
      except_clause(clause) {
        const body = clause.namedChildren.find((c) => c.type === "block");
        const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (statements.length !== 1 || statements[0]!.type !== "pass_statement") return;
        if (!catchesAll(ctx, clause)) return;
        // The range ends at the `pass`, not at a trailing comment.
        ctx.report({
          range: { start: clause.startIndex, end: statements[0]!.endIndex },
          message: "Every exception is swallowed with `pass`: catch what you expect or log it",
        });
      },
    };
  },
});

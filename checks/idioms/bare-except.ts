import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

/** `except:` whose body re-raises with a bare `raise` (as one of its own statements) hands the exception on. */
function reraises(clause: SyntaxNode): boolean {
  const body = clause.namedChildren.find((c) => c.type === "block");
  return !!body?.namedChildren.some((s) => s.type === "raise_statement" && s.namedChildCount === 0);
}

export default defineCheck({
  id: "bare-except",
  codes: ["E722"],
  pylint: ["bare-except"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A bare `except:` clause.",
    why: "`except:` also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`, so Ctrl-C and `sys.exit()` stop working inside it, and real bugs are hidden. Catch `Exception` (or something narrower).",
    bad: "try:\n    run()\nexcept:\n    log('failed')\n",
    good: "try:\n    run()\nexcept Exception:\n    log('failed')\n",
  },
  create(ctx) {
    return {
      except_clause(clause) {
        // `except:` has no expression between the keyword and the colon.
        const hasType = clause.namedChildren.some((c) => c.type !== "block" && c.type !== "comment");
        if (hasType || reraises(clause)) return;
        const keyword = clause.child(0);
        const colon = clause.children.find((c) => c.type === ":");
        if (!keyword || !colon) return;
        ctx.report({
          range: { start: keyword.startIndex, end: colon.startIndex },
          message: "Bare `except:` also catches `KeyboardInterrupt` and `SystemExit`",
        });
      },
    };
  },
});

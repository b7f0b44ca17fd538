import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

import { SCOPE_TYPES, walk } from "../../src/engine/ast.js";

/**
 * Catching everything is the point when the handler hands the exception on or ends the process:
 * a bare `raise` anywhere in it (`if not self.__exit__(*sys.exc_info()): raise`), a
 * `safe_reraise()` block, forwarding `sys.exc_info()`, or `os._exit()` in a forked child.
 */
function handsOn(clause: SyntaxNode): boolean {
  const body = clause.namedChildren.find((c) => c.type === "block");
  if (!body) return false;
  let found = false;
  walk(body, (n) => {
    if (found || SCOPE_TYPES.has(n.type)) return false;
    if (n.type === "raise_statement" && n.namedChildren.filter((c) => c.type !== "comment").length === 0) found = true;
    else if (n.type === "call") {
      const fn = n.childForFieldName("function")?.text ?? "";
      if (/(^|\.)(safe_reraise|_exit|exc_info)$/.test(fn) && fn !== "exc_info") found = true;
    }
    return !found;
  });
  return found;
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
    differences:
      "Ruff's E722 skips a handler whose own statements include a bare `raise`; peptalk also skips one that re-raises deeper (`if not self.__exit__(*sys.exc_info()): raise`), runs a `safe_reraise()` block, forwards `sys.exc_info()`, ends the process with `os._exit()`, or holds a comment explaining why everything is caught.",
  },
  create(ctx) {
    return {
      except_clause(clause) {
        // `except:` has no expression between the keyword and the colon.
        const hasType = clause.namedChildren.some((c) => c.type !== "block" && c.type !== "comment");
        if (hasType || handsOn(clause)) return;
        // A comment in the handler says why everything is caught ("ignore everything, we're shutting down").
        if (clause.descendantsOfType("comment").length > 0) return;
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

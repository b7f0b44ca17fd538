import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { enclosingDef, unparenthesize } from "../../src/engine/ast.js";

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

/** Calls that release something: failing to release what may already be gone is not worth a trace. */
const CLEANUP = new Set([
  "close",
  "aclose",
  "unlink",
  "remove",
  "rmtree",
  "rmdir",
  "removedirs",
  "shutdown",
  "terminate",
  "kill",
  "cancel",
  "release",
  "disconnect",
  "stop",
  "cleanup",
  "destroy",
  "unregister",
  "__exit__",
]);

/** A statement that only releases something: `f.close()`, `os.unlink(p)`, `await conn.aclose()`, `del cache[k]`. */
function isCleanup(statement: SyntaxNode): boolean {
  if (statement.type === "delete_statement") return true;
  if (statement.type !== "expression_statement") return false;
  let expr = statement.namedChild(0);
  if (expr?.type === "await") expr = expr.namedChild(0);
  if (expr?.type !== "call") return false;
  const fn = expr.childForFieldName("function");
  const name = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
  return !!name && CLEANUP.has(name);
}

/** The `try` body itself raises (outside nested functions): the exception is the point. */
function raisesOnPurpose(tryStatement: SyntaxNode): boolean {
  const body = tryStatement.childForFieldName("body");
  return (
    !!body &&
    body.descendantsOfType("raise_statement").some((raise) => {
      for (let cur = raise.parent; cur && cur.id !== body.id; cur = cur.parent)
        if (cur.type === "function_definition" || cur.type === "class_definition" || cur.type === "lambda")
          return false;
      return true;
    })
  );
}

/** Tool directives are not explanations. */
const DIRECTIVE = /^#\s*(?:pragma|noqa|type:|nosec|pylint:|fmt:|pyright:|mypy:)/i;

function explains(comment: SyntaxNode): boolean {
  return comment.type === "comment" && !DIRECTIVE.test(comment.text);
}

/**
 * The author says why the exception is ignored: a comment in the handler (or on its `except`
 * line), or right above the `try`.
 */
function isExplained(clause: SyntaxNode, tryStatement: SyntaxNode): boolean {
  if (clause.descendantsOfType("comment").some(explains)) return true;
  // A comment on the line right above the `try` (the end of a comment block).
  const previous = tryStatement.previousSibling;
  return !!previous && explains(previous) && previous.endPosition.row === tryStatement.startPosition.row - 1;
}

export default defineCheck({
  id: "silent-except",
  codes: ["S110"],
  category: "idioms",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`except Exception:` (or bare `except:`) whose only statement is `pass`.",
    why: "Swallowing every exception without a trace turns bugs into silent wrong results. Catch the specific exception you expect, or at least log it.",
    bad: "try:\n    sync()\nexcept Exception:\n    pass\n",
    good: "try:\n    sync()\nexcept Exception:\n    logger.exception('sync failed')\n",
    differences:
      "Also recognises `builtins.Exception` / `builtins.BaseException` spelled through the `builtins` module, which Ruff does not. Unlike Ruff, best-effort cleanup is not reported: a `try` that only releases something (`f.close()`, `os.unlink(p)`, `shutil.rmtree(d)`, `sock.shutdown(...)`, `del x[k]`), anything in `__del__`, a `try` whose body raises on purpose, and a handler that a comment explains (in the handler, on its `except` line, or right above the `try`; tool directives such as `# pragma: no cover` do not count).",
  },
  create(ctx) {
    return {
      except_clause(clause) {
        const body = clause.namedChildren.find((c) => c.type === "block");
        const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (statements.length !== 1 || statements[0]!.type !== "pass_statement") return;
        if (!catchesAll(ctx, clause)) return;
        const tryStatement = clause.parent;
        if (tryStatement?.type !== "try_statement") return;
        // Best-effort cleanup: releasing what may already be released, or anything in `__del__`
        // (which runs at interpreter exit, when modules may be half torn down).
        const tried = tryStatement.childForFieldName("body")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (tried.length > 0 && tried.every(isCleanup)) return;
        // `try: raise Exception("caught") / except Exception: pass`: the code raises on purpose, to
        // leave exception state behind or to test what happens on the way out.
        if (raisesOnPurpose(tryStatement)) return;
        if (enclosingDef(clause)?.childForFieldName("name")?.text === "__del__") return;
        if (isExplained(clause, tryStatement)) return;
        // The range ends at the `pass`, not at a trailing comment.
        ctx.report({
          range: { start: clause.startIndex, end: statements[0]!.endIndex },
          message: "Every exception is swallowed with `pass`: catch what you expect or log it",
        });
      },
    };
  },
});

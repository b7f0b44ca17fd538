import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { enclosingFunction } from "../../src/engine/ast.js";

/**
 * Other naive datetimes in the same function: `utcfromtimestamp()`, `strptime()`, a `datetime(...)`
 * built without `tzinfo`, `fromtimestamp()`/`now()` without a zone, `.replace(tzinfo=None)`. An aware
 * `now(timezone.utc)` compared with or subtracted from them raises `TypeError`.
 */
const NAIVE_SOURCES =
  /\butcfromtimestamp\(|\bstrptime\(|\bdatetime\((?![^)]*tzinfo)[^)]*\)|\bfromtimestamp\(\s*[^,)]+\)|\.now\(\s*\)|tzinfo\s*=\s*None|\butcnow\(\)[\s\S]*\butcnow\(\)/;
/** tzinfo methods that take a naive datetime (pytz raises on an aware one). */
const NAIVE_CONSUMERS = /(^|\.)(tzname|utcoffset|dst|localize|normalize)$/;

function meetsNaiveDatetimes(call: SyntaxNode): boolean {
  for (let cur = call.parent; cur; cur = cur.parent) {
    if (cur.type === "call") {
      const fn = cur.childForFieldName("function")?.text ?? "";
      if (NAIVE_CONSUMERS.test(fn)) return true;
    }
    if (cur.type === "function_definition") break;
  }
  const scope = enclosingFunction(call) ?? call.tree.rootNode;
  return NAIVE_SOURCES.test(scope.text);
}

export default defineCheck({
  id: "utcnow",
  codes: ["DTZ003"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`datetime.utcnow()`: a naive datetime that only pretends to be UTC.",
    why: "`utcnow()` returns a datetime without a timezone, which most code then treats as local time; it is deprecated since Python 3.12. Use `datetime.now(timezone.utc)` (or `datetime.now(UTC)` on 3.11+), which is aware.",
    bad: "from datetime import datetime\n\nstamp = datetime.utcnow()\n",
    good: "from datetime import datetime, timezone\n\nstamp = datetime.now(timezone.utc)\n",
    differences:
      "Ruff's DTZ003 reports every call; peptalk stays quiet where the value meets other naive datetimes in the same function (`utcfromtimestamp()`, `strptime()`, a `datetime(...)` without `tzinfo`, `now()` or `fromtimestamp()` without a zone, a second `utcnow()`) or is handed to a tzinfo method that takes a naive value (`tzname`, `utcoffset`, pytz `localize`): there the aware replacement raises `TypeError`/`ValueError` unless the rest changes too.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("utcnow")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "utcnow") return;
        if (ctx.qualifiedName(fn) !== "datetime.datetime.utcnow") return;
        // Next to other naive datetimes the aware replacement raises TypeError: the rewrite is bigger.
        if (meetsNaiveDatetimes(call)) return;
        ctx.report({
          node: call,
          message:
            "`datetime.utcnow()` returns a naive datetime: use `datetime.now(timezone.utc)` (aware values cannot be compared with naive ones, so convert any the result meets)",
        });
      },
    };
  },
});

import { defineCheck, type Visitors } from "../../src/engine/check.js";

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
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("utcnow")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "utcnow") return;
        if (ctx.qualifiedName(fn) !== "datetime.datetime.utcnow") return;
        ctx.report({
          node: call,
          message: "`datetime.utcnow()` returns a naive datetime: use `datetime.now(timezone.utc)`",
        });
      },
    };
  },
});

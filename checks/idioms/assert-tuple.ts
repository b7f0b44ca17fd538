import { defineCheck } from "../../src/engine/check.js";

export default defineCheck({
  id: "assert-tuple",
  codes: ["F631"],
  pylint: ["assert-on-tuple"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`assert (condition, message)`: an assertion that can never fail.",
    why: "The parentheses make one non-empty tuple, which is always true, so the assertion checks nothing. Drop the parentheses: `assert condition, message`.",
    bad: "assert (user.is_admin, 'admins only')\n",
    good: "assert user.is_admin, 'admins only'\n",
  },
  create(ctx) {
    return {
      assert_statement(node) {
        const test = node.namedChildren.find((c) => c.type !== "comment");
        if (test?.type !== "tuple" || test.namedChildCount === 0) return;
        ctx.report({ node, message: "Assertion on a non-empty tuple is always true" });
      },
    };
  },
});

import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";

export default defineCheck({
  id: "printf-formatting",
  codes: ["UP031"],
  pylint: ["consider-using-f-string"],
  category: "idioms",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "string formats use f-strings or `format()` rather than `%`" },
  fix: "never",
  docs: {
    summary: "`'...' % values` string formatting.",
    why: "`%` formatting breaks on a single tuple argument, silently ignores extra dict keys and is hard to read with several values. f-strings (or `str.format`) put each value where it goes.",
    bad: "message = 'Hello, %s! You have %d new messages' % (name, count)\n",
    good: "message = f'Hello, {name}! You have {count} new messages'\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("%")) return {};
    return {
      binary_operator(node) {
        if (node.childForFieldName("operator")?.text !== "%") return;
        const left = unparenthesize(node.childForFieldName("left")!);
        if (left.type !== "string" && left.type !== "concatenated_string") return;
        // Bytes have no f-strings; a string without conversion specifiers is not formatting.
        if (/^[rR]?[bB]/.test(left.text) || !/%[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[sdifrxXoeEgGca(]/.test(left.text)) return;
        // `'%s' % (expr)`: the value might itself be a tuple, so the rewrite is not mechanical (Ruff skips it too).
        if (node.childForFieldName("right")?.type === "parenthesized_expression") return;
        ctx.report({ node, message: "Use an f-string or `format()` instead of `%` formatting" });
      },
      // The house style: f-strings with a placeholder and `"...".format(...)` are the other spellings.
      interpolation(node) {
        const string = node.parent;
        if (string?.type === "string" && string.namedChildren.find((c) => c.type === "interpolation")?.id === node.id)
          ctx.follows(string);
      },
      call(node) {
        const callee = node.childForFieldName("function");
        if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "format") return;
        const object = callee.childForFieldName("object");
        if (object?.type === "string" || object?.type === "concatenated_string") ctx.follows(node);
      },
    };
  },
});

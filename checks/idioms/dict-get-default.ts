import { defineCheck } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks } from "../../src/engine/comparisons.js";
import { quoteCode } from "../../src/engine/quote.js";

const CHEAP_DEFAULTS = new Set([
  "integer",
  "float",
  "string",
  "none",
  "true",
  "false",
  "identifier",
  "list",
  "dictionary",
  "tuple",
]);

export default defineCheck({
  id: "dict-get-default",
  codes: ["SIM401"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "`d[k] if k in d else default` instead of `d.get(k, default)`.",
    why: '`dict.get` says "look up with a fallback" in one call, and looks the key up once instead of twice.',
    bad: "port = config['port'] if 'port' in config else 8080\n",
    good: "port = config.get('port', 8080)\n",
    fixSafety:
      "Only reported when the default is a literal or a name: `get` evaluates its default eagerly, so a call as default would run even when the key exists. The fix is unsafe, as in Ruff: the receiver may not be a dict, and another type's `get` may behave differently from `in` and `[]`, or not exist (a list has none).",
  },
  create(ctx) {
    return {
      conditional_expression(node) {
        const [body, condition, alternative] = node.namedChildren.filter((c) => c.type !== "comment");
        if (!body || !condition || !alternative) return;
        const sub = unparenthesize(body);
        const test = unparenthesize(condition);
        if (sub.type !== "subscript" || test.type !== "comparison_operator") return;
        const links = comparisonLinks(test);
        if (links.length !== 1 || links[0]!.operator !== "in") return;
        const { left: key, right: mapping } = links[0]!;
        const index = sub.childrenForFieldName("subscript");
        if (index.length !== 1 || index[0]!.text !== key.text || sub.childForFieldName("value")?.text !== mapping.text)
          return;
        // A computed default would run eagerly in `get`: not the same code, so not reported (as Ruff).
        if (!CHEAP_DEFAULTS.has(unparenthesize(alternative).type)) return;
        const replacement = `${mapping.text}.get(${key.text}, ${ctx.text(alternative)})`;
        ctx.report({
          node,
          message: `Use ${quoteCode(replacement)} instead of a conditional lookup`,
          fix: !hasComment(node)
            ? {
                title: "Use `dict.get`",
                edits: [ctx.edits.replace(node, replacement)],
                safety: "unsafe",
                unsafeReason: `\`${mapping.text.length > 30 ? "the receiver" : mapping.text}\` may not be a dict: another type's \`get\` may differ from \`in\` and \`[]\`, or not exist`,
              }
            : null,
        });
      },
    };
  },
});

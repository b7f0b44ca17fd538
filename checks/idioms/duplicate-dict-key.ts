import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { stringLiteralValue, unparenthesize } from "../../src/engine/ast.js";

/** A canonical form of a literal key, equal for keys that hash alike (1, 1.0, True); else null. */
function keyOf(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  switch (n.type) {
    case "string": {
      // Two identical f-strings build the same key (their names are read at the same moment).
      if (n.namedChildren.some((c) => c.type === "interpolation")) return `f:${n.text}`;
      const value = stringLiteralValue(n);
      if (value === null || n.text.includes("\\")) return null;
      const bytes = /^[rR]?[bB]/.test(n.text);
      return `${bytes ? "b" : "s"}:${value}`;
    }
    case "integer":
    case "float": {
      const value = Number(n.text.replace(/_/g, ""));
      return Number.isFinite(value) && !/[jJ]$/.test(n.text) ? `n:${value}` : null;
    }
    case "true":
      return "n:1";
    case "false":
      return "n:0";
    case "none":
      return "None";
    default:
      return null;
  }
}

export default defineCheck({
  id: "duplicate-dict-key",
  codes: ["F601"],
  pylint: ["duplicate-key"],
  category: "idioms",
  severity: "error",
  fix: "never",
  docs: {
    summary: "The same literal key twice in one dict display.",
    why: "The later entry silently replaces the earlier one, so one of the two values is dead. `1`, `1.0` and `True` count as the same key because they hash and compare equal.",
    bad: "LIMITS = {'cpu': 2, 'memory': 512, 'cpu': 4}\n",
    good: "LIMITS = {'cpu': 4, 'memory': 512}\n",
  },
  create(ctx) {
    return {
      dictionary(node) {
        const seen = new Map<string, SyntaxNode>();
        for (const pair of node.namedChildren) {
          if (pair.type !== "pair") continue;
          const key = pair.childForFieldName("key");
          const canonical = key && keyOf(key);
          if (!key || !canonical) continue;
          const first = seen.get(canonical);
          if (first)
            ctx.report({
              node: key,
              message: `Dictionary key \`${key.text}\` repeated (first at \`${first.text}\`): the earlier value is lost`,
            });
          else seen.set(canonical, key);
        }
      },
    };
  },
});

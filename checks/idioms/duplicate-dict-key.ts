import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/** The value of one escape sequence (`\n`, `\x41`, `\u00e9`, `\101`), or null for `\N{...}` and the like. */
function unescape(text: string, bytes: boolean): string | null {
  const body = text.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body]!;
  if (/^x[0-9a-fA-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  if (!bytes && /^(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(body))
    return String.fromCodePoint(parseInt(body.slice(1), 16));
  return null;
}

/** `s:`/`b:` and the decoded value of a plain string literal; null for f-strings with fields or odd escapes. */
function stringKey(n: SyntaxNode): string | null {
  const prefix = n.child(0)?.type === "string_start" ? n.child(0)!.text.replace(/['"]+$/, "") : "";
  const bytes = /[bB]/.test(prefix);
  const raw = /[rR]/.test(prefix);
  let value = "";
  for (const part of n.namedChildren) {
    if (part.type === "interpolation") return null;
    if (part.type !== "string_content") continue;
    let at = part.startIndex;
    for (const esc of part.namedChildren) {
      if (esc.type !== "escape_sequence") continue;
      value += part.text.slice(at - part.startIndex, esc.startIndex - part.startIndex);
      const decoded = raw ? esc.text : unescape(esc.text, bytes);
      if (decoded === null) return null;
      value += decoded;
      at = esc.endIndex;
    }
    value += part.text.slice(at - part.startIndex);
  }
  return `${bytes ? "b" : "s"}:${value}`;
}

/** A number's value as a key: equal for `1`, `1.0`, `0x1`, `True`; big integers stay exact. */
function numberKey(text: string): string | null {
  const clean = text.replace(/_/g, "");
  if (/[jJ]$/.test(clean)) return null;
  if (/^(0[xXoObB][0-9a-fA-F]+|[0-9]+)$/.test(clean)) {
    try {
      return `n:${BigInt(/^0[0-9]/.test(clean) ? clean.replace(/^0+(?=\d)/, "") : clean)}`;
    } catch {
      return null;
    }
  }
  const value = Number(clean);
  if (!Number.isFinite(value)) return null;
  return Number.isSafeInteger(value) ? `n:${BigInt(value)}` : `n:f${value}`;
}

/** A canonical form of a literal key, equal for keys that hash alike (1, 1.0, True); else null. */
function keyOf(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  switch (n.type) {
    case "string": {
      // Two identical f-strings build the same key (their names are read at the same moment).
      if (n.namedChildren.some((c) => c.type === "interpolation")) return `f:${n.text}`;
      return stringKey(n);
    }
    case "concatenated_string": {
      const parts = n.namedChildren.map(stringKey);
      if (parts.some((p) => p === null) || new Set(parts.map((p) => p!.slice(0, 2))).size !== 1) return null;
      return parts[0]!.slice(0, 2) + parts.map((p) => p!.slice(2)).join("");
    }
    case "integer":
    case "float":
      return numberKey(n.text);
    case "unary_operator": {
      const arg = n.childForFieldName("argument");
      const op = n.childForFieldName("operator")?.text;
      const inner = arg && (arg.type === "integer" || arg.type === "float") ? numberKey(arg.text) : null;
      if (!inner || (op !== "-" && op !== "+")) return null;
      const value = inner.slice(2);
      return op === "+" || /^f?-?0$/.test(value)
        ? inner
        : value.startsWith("f")
          ? `n:f-${value.slice(1)}`
          : `n:-${value}`;
    }
    case "tuple": {
      const parts = n.namedChildren.map(keyOf);
      return parts.some((p) => p === null) ? null : `t:(${parts.join(",")})`;
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
  type: "bug",
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
          if (first) {
            // `True` repeats `1`: name the spelling of the first when it differs.
            const spelled = first.text === key.text ? "" : ` as \`${first.text}\``;
            const line = first.startPosition.row + 1;
            ctx.report({
              node: key,
              message: `Dictionary key \`${key.text}\` is repeated (first${spelled} on line ${line}): the earlier value is lost`,
            });
          } else seen.set(canonical, key);
        }
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, stringLiteralValue, unparenthesize } from "../../src/engine/ast.js";

const LOOPS = new Set(["for_statement", "while_statement"]);
const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);

/** A plain str/bytes literal, or an implicit concatenation of them (no f-string placeholders). */
function isLiteral(node: SyntaxNode): boolean {
  const expr = unparenthesize(node);
  if (expr.type === "concatenated_string") return expr.namedChildren.every((c) => c.type !== "string" || isLiteral(c));
  return stringLiteralValue(expr) !== null;
}

/** Flags that are constants: `re.I`, `re.I | re.M`, integers. */
function isConstantFlags(ctx: CheckContext, node: SyntaxNode): boolean {
  const expr = unparenthesize(node);
  if (expr.type === "integer") return true;
  if (expr.type === "binary_operator")
    return (
      isConstantFlags(ctx, expr.childForFieldName("left")!) && isConstantFlags(ctx, expr.childForFieldName("right")!)
    );
  return (
    /^re\.[A-Z_]+$/.test(ctx.qualifiedName(expr) ?? "") ||
    /^re\.RegexFlag\.[A-Z_]+$/.test(ctx.qualifiedName(expr) ?? "")
  );
}

/** Whether `node` runs once per iteration of a loop of its own scope: a `for`/`while` body or a comprehension's element. */
function inLoopBody(node: SyntaxNode): boolean {
  for (let cur = node; cur.parent; cur = cur.parent) {
    const parent = cur.parent;
    if (SCOPES.has(parent.type)) return false;
    if (LOOPS.has(parent.type) && parent.childForFieldName("body")?.id === cur.id) return true;
    if (COMPREHENSIONS.has(parent.type) && parent.childForFieldName("body")?.id === cur.id) return true;
  }
  return false;
}

export default defineCheck({
  id: "regex-compile-in-loop",
  codes: [],
  category: "performance",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`re.compile()` of a constant pattern inside a loop.",
    why: "A constant pattern compiled inside a loop is compiled again on every iteration, as far as the code says: `re` happens to cache recent patterns, so each call costs a cache lookup rather than a full compile, but the cache is bounded and the code reads as if the work were needed each time. Compile it once, before the loop or as a module-level constant with a name that says what it matches. `re.match(pattern, s)` and friends with a literal pattern are not reported: they are written for the cache, and the cost is the same lookup.",
    bad: "import re\n\ndef words(lines):\n    for line in lines:\n        yield from re.compile(r'\\w+').findall(line)\n",
    good: "import re\n\nWORD = re.compile(r'\\w+')\n\ndef words(lines):\n    for line in lines:\n        yield from WORD.findall(line)\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("compile")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !fn.text.endsWith("compile") || ctx.qualifiedName(fn) !== "re.compile") return;
        const { positional, keywords, hasStar } = callArguments(call);
        if (hasStar) return;
        const pattern = positional[0] ?? keywords.get("pattern");
        const flags = positional[1] ?? keywords.get("flags");
        if (!pattern || !isLiteral(pattern) || (flags && !isConstantFlags(ctx, flags))) return;
        if (!inLoopBody(call)) return;
        ctx.report({
          node: call,
          message:
            "`re.compile()` of a constant pattern inside a loop: compile it once, before the loop or as a module-level constant",
        });
      },
    };
  },
});

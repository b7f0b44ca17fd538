import { defineCheck } from "../../src/engine/check.js";

export default defineCheck({
  id: "yield-from",
  codes: ["UP028"],
  category: "idioms",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "delegations to another iterable use `yield from`" },
  fix: "never",
  docs: {
    summary: "`for x in it: yield x` instead of `yield from it`.",
    why: '`yield from it` says "produce everything from `it`" in one line and also forwards `send()` and `throw()` to it, which the loop silently drops.',
    bad: "def walk(tree):\n    for node in tree.children:\n        yield node\n",
    good: "def walk(tree):\n    yield from tree.children\n",
    differences:
      "Ruff offers an unsafe fix; peptalk suggests none, because `yield from` changes what `send()` and `throw()` do and the loop variable is no longer bound after the loop.",
  },
  create(ctx) {
    return {
      // The house style: `yield from`.
      yield(node) {
        if (node.children.some((c) => c.type === "from")) ctx.follows(node);
      },
      for_statement(loop) {
        if (loop.children.some((c) => c.type === "async") || loop.namedChildren.some((c) => c.type === "else_clause"))
          return;
        const left = loop.childForFieldName("left");
        const body = loop.childForFieldName("body");
        const statements = body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (!left || statements.length !== 1 || statements[0]!.type !== "expression_statement") return;
        const expr = statements[0]!.namedChild(0);
        if (expr?.type !== "yield" || expr.children.some((c) => c.type === "from")) return;
        const value = expr.namedChildren.filter((c) => c.type !== "comment");
        if (value.length !== 1 || value[0]!.text.replace(/[()\s]/g, "") !== left.text.replace(/[()\s]/g, "")) return;
        // Inside `async def`, `yield from` is a syntax error.
        let def = loop.parent;
        while (def && def.type !== "function_definition" && def.type !== "lambda") def = def.parent;
        if (!def || def.children.some((c) => c.type === "async")) return;
        // The loop variable stays bound after the loop; `yield from` would not bind it.
        const names = new Set(
          left.type === "identifier" ? [left.text] : left.descendantsOfType("identifier").map((n) => n.text),
        );
        const usedElsewhere = def
          .descendantsOfType("identifier")
          .some((id) => names.has(id.text) && (id.startIndex < loop.startIndex || id.startIndex >= loop.endIndex));
        if (usedElsewhere) return;
        ctx.report({ node: loop, message: "Replace `yield` over a `for` loop with `yield from`" });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { walk } from "../../src/engine/ast.js";

/** `range(len(xs))` → the `xs` node (a name or dotted name), else null. */
function rangeLenTarget(ctx: CheckContext, iterable: SyntaxNode): SyntaxNode | null {
  if (iterable.type !== "call") return null;
  const fn = iterable.childForFieldName("function");
  const args = iterable.childForFieldName("arguments");
  if (!fn || !ctx.isBuiltin(fn, "range") || args?.type !== "argument_list" || args.namedChildCount !== 1) return null;
  const inner = args.namedChild(0)!;
  if (inner.type !== "call") return null;
  const lenFn = inner.childForFieldName("function");
  const lenArgs = inner.childForFieldName("arguments");
  if (!lenFn || !ctx.isBuiltin(lenFn, "len") || lenArgs?.type !== "argument_list" || lenArgs.namedChildCount !== 1)
    return null;
  const seq = lenArgs.namedChild(0)!;
  return seq.type === "identifier" || seq.type === "attribute" ? seq : null;
}

function hasName(node: SyntaxNode): boolean {
  return node.type === "identifier" || node.descendantsOfType("identifier").length > 0;
}

function isWriteTarget(node: SyntaxNode): boolean {
  let cur = node;
  while (
    cur.parent &&
    ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression"].includes(
      cur.parent.type,
    )
  )
    cur = cur.parent;
  const parent = cur.parent;
  if (!parent) return false;
  if (
    (parent.type === "assignment" || parent.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === cur.id
  )
    return true;
  if (parent.type === "for_statement" && parent.childForFieldName("left")?.id === cur.id) return true;
  return parent.type === "delete_statement";
}

export default defineCheck({
  id: "range-len-loop",
  codes: [],
  pylint: ["consider-using-enumerate"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`for i in range(len(xs))` that reads `xs[i]`: use `enumerate`.",
    why: "Looping over indices to read `xs[i]` is a C habit: `for i, x in enumerate(xs)` gives both the index and the item, reads better, and works for any iterable.",
    bad: "for i in range(len(names)):\n    print(i, names[i])\n",
    good: "for i, name in enumerate(names):\n    print(i, name)\n",
    differences:
      "Reported only when the body reads `xs[i]`, never writes or deletes `xs[i]`, never indexes `xs` at another computed position (`xs[i - 1]`, `xs[i:]`, `xs[j]`), and neither rebinds `i` or `xs` nor calls a method on `xs` (which might mutate it).",
  },
  create(ctx) {
    return {
      for_statement(loop) {
        const left = loop.childForFieldName("left");
        const right = loop.childForFieldName("right");
        const body = loop.childForFieldName("body");
        if (left?.type !== "identifier" || !right || !body) return;
        const seq = rangeLenTarget(ctx, right);
        if (!seq) return;
        const index = left.text;
        const seqText = seq.text;
        let reads = 0;
        let unsafe = false;
        walk(body, (n) => {
          if (unsafe) return false;
          if (n.type === "identifier" && n.text === index && isWriteTarget(n)) unsafe = true;
          if ((n.type === "identifier" || n.type === "attribute") && n.text === seqText) {
            if (isWriteTarget(n)) unsafe = true;
            // xs.append(...), xs.sort(), ...: the sequence may change while we iterate.
            if (
              n.parent?.type === "attribute" &&
              n.parent.childForFieldName("object")?.id === n.id &&
              n.parent.parent?.type === "call"
            )
              unsafe = true;
          }
          if (n.type === "subscript" && n.childForFieldName("value")?.text === seqText) {
            const subscripts = n.childrenForFieldName("subscript");
            if (subscripts.length === 1 && subscripts[0]!.type === "identifier" && subscripts[0]!.text === index) {
              if (isWriteTarget(n)) unsafe = true;
              else reads++;
            } else if (subscripts.some(hasName)) {
              // `xs[i - 1]`, `xs[i:]`, `xs[j]`: positions other than the current one are the point of the loop.
              unsafe = true;
            }
          }
          return;
        });
        if (unsafe || reads === 0) return;
        ctx.report({
          node: right,
          message: `Loop over \`range(len(${seqText}))\` that reads \`${seqText}[${index}]\`: use \`enumerate(${seqText})\``,
        });
      },
    };
  },
});

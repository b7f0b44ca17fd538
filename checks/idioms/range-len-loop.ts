import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { enclosingDef, walk } from "../../src/engine/ast.js";
import { owningClass } from "../../src/engine/definitions.js";

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

/** The index is read after the loop (`for i in ...: if ...: break` then `xs[i:]`): the loop finds a position. */
function readAfter(loop: SyntaxNode, name: string): boolean {
  let scope: SyntaxNode = loop;
  while (scope.parent && scope.type !== "function_definition" && scope.type !== "module") scope = scope.parent;
  return scope
    .descendantsOfType("identifier")
    .some(
      (id) =>
        id.startIndex >= loop.endIndex &&
        id.text === name &&
        !(id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id),
    );
}

/** `xs.append(...)`: a method called on `node`, which may change it. */
function isMethodCallee(node: SyntaxNode): boolean {
  return (
    node.parent?.type === "attribute" &&
    node.parent.childForFieldName("object")?.id === node.id &&
    node.parent.parent?.type === "call"
  );
}

/**
 * `enumerate(self)` calls `self.__iter__`: inside `__iter__`, or in a method `__iter__` calls,
 * that recurses forever, and a class without `__iter__` may not be iterable at all.
 */
function selfIterationRecurses(loop: SyntaxNode): boolean {
  const def = enclosingDef(loop);
  const klass = def && owningClass(def);
  if (!def || !klass) return true;
  const method = def.childForFieldName("name")?.text ?? "";
  const iter = klass
    .childForFieldName("body")
    ?.namedChildren.map((c) => (c.type === "decorated_definition" ? c.childForFieldName("definition") : c))
    .find((c) => c?.type === "function_definition" && c.childForFieldName("name")?.text === "__iter__");
  if (!iter || method === "__iter__") return true;
  return new RegExp(`\\b${method}\\b`).test(iter.childForFieldName("body")?.text ?? "");
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
    summary: "`for i in range(len(xs))` that reads `xs[i]`: iterate over `xs` (with `enumerate` or `zip` when needed).",
    why: "Looping over indices to read `xs[i]` is a C habit: `for x in xs` (or `for i, x in enumerate(xs)` when the index is needed, `for x, y in zip(xs, ys)` for two sequences in step) reads better and works for any iterable.",
    bad: "for i in range(len(names)):\n    print(i, names[i])\n",
    good: "for i, name in enumerate(names):\n    print(i, name)\n",
    differences:
      "Reported only when the body reads `xs[i]`, never writes or deletes `xs[i]`, never indexes `xs` at another computed position (`xs[i - 1]`, `xs[i:]`, `xs[j]`), and neither rebinds `i` or `xs` nor calls a method on `xs` (which might mutate it). Not reported for `range(len(self))` inside `__iter__`, in a method `__iter__` calls, or in a class without `__iter__`: `enumerate(self)` would recurse forever or not iterate at all.",
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
        // Other sequences read at the same index (`ys[i]`): candidates for `zip`, unless changed in the loop.
        const others = new Map<string, number>();
        const changed = new Set<string>();
        let indexUses = 0;
        walk(body, (n) => {
          if (unsafe) return false;
          if (n.type === "identifier" && n.text === index) {
            if (isWriteTarget(n)) unsafe = true;
            indexUses++;
          }
          if ((n.type === "identifier" || n.type === "attribute") && n.text === seqText) {
            if (isWriteTarget(n)) unsafe = true;
            // xs.append(...), xs.sort(), ...: the sequence may change while we iterate.
            if (isMethodCallee(n)) unsafe = true;
          }
          if ((n.type === "identifier" || n.type === "attribute") && (isWriteTarget(n) || isMethodCallee(n)))
            changed.add(n.text);
          if (n.type !== "subscript") return;
          const value = n.childForFieldName("value");
          const subscripts = n.childrenForFieldName("subscript");
          const atIndex =
            subscripts.length === 1 && subscripts[0]!.type === "identifier" && subscripts[0]!.text === index;
          if (value?.text === seqText) {
            if (atIndex) {
              if (isWriteTarget(n)) unsafe = true;
              else reads++;
            } else if (subscripts.some(hasName)) {
              // `xs[i - 1]`, `xs[i:]`, `xs[j]`: positions other than the current one are the point of the loop.
              unsafe = true;
            }
          } else if (atIndex && (value?.type === "identifier" || value?.type === "attribute")) {
            if (isWriteTarget(n)) changed.add(value.text);
            else others.set(value.text, (others.get(value.text) ?? 0) + 1);
          }
          return;
        });
        if (unsafe || reads === 0) return;
        if ((seqText === "self" || seqText === "cls") && selfIterationRecurses(loop)) return;
        const zipped = [...others.keys()].filter((o) => !changed.has(o) && !o.startsWith(`${index}.`));
        // Uses of the index besides `xs[i]` and the zipped `ys[i]`: those still need `enumerate`.
        const needsIndex =
          indexUses - reads - zipped.reduce((n, o) => n + others.get(o)!, 0) > 0 || readAfter(loop, index);
        const iterable = zipped.length > 0 ? `zip(${[seqText, ...zipped].join(", ")})` : seqText;
        const advice = needsIndex
          ? `use \`enumerate(${iterable})\``
          : zipped.length > 0
            ? `use \`${iterable}\``
            : `iterate over \`${seqText}\` directly`;
        const readList = [seqText, ...zipped].map((s) => `\`${s}[${index}]\``);
        const read =
          readList.length > 1
            ? `${readList.slice(0, -1).join(", ")} and ${readList[readList.length - 1]}`
            : readList[0]!;
        ctx.report({
          node: right,
          message: `Loop over \`range(len(${seqText}))\` that reads ${read}: ${advice}`,
        });
      },
    };
  },
});

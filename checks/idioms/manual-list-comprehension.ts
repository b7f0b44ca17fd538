import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";

/** `xs.append(e)` as a statement → [xs, e]. */
function appendCall(statement: SyntaxNode | undefined): [SyntaxNode, SyntaxNode] | null {
  if (statement?.type !== "expression_statement") return null;
  const call = statement.namedChild(0);
  if (call?.type !== "call") return null;
  const fn = call.childForFieldName("function");
  const args = call.childForFieldName("arguments")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "append" || args.length !== 1)
    return null;
  if (args[0]!.type === "keyword_argument" || args[0]!.type === "list_splat") return null;
  const target = fn.childForFieldName("object");
  return target?.type === "identifier" ? [target, args[0]!] : null;
}

function only(block: SyntaxNode | null | undefined): SyntaxNode | undefined {
  const statements = block?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  return statements.length === 1 ? statements[0] : undefined;
}

/** The list was created empty just before the loop: `xs = []` as the previous statement. */
function createdEmptyBefore(loop: SyntaxNode, name: string): boolean {
  let prev = loop.previousNamedSibling;
  while (prev?.type === "comment") prev = prev.previousNamedSibling;
  const assignment = prev?.type === "expression_statement" ? prev.namedChild(0) : null;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== name) return false;
  const value = assignment.childForFieldName("right");
  return (value?.type === "list" && value.namedChildCount === 0) || value?.text === "list()";
}

const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/**
 * Between `id` and `scope`, a comprehension or a later `for` binds the name itself: `id` reads
 * that binding (`[x for x in r]`, `for x in z: print(x)`), not the loop's last value.
 */
function reboundAround(id: SyntaxNode, scope: SyntaxNode): boolean {
  const binds = (left: SyntaxNode | null): boolean => !!left && targetNames(left).some((n) => n.text === id.text);
  for (let cur = id.parent; cur && cur.id !== scope.id; cur = cur.parent) {
    if (cur.type === "block" && cur.parent?.type === "for_statement" && binds(cur.parent.childForFieldName("left")))
      return true;
    if (
      COMPREHENSIONS.has(cur.type) &&
      cur.namedChildren.some((c) => c.type === "for_in_clause" && binds(c.childForFieldName("left")))
    )
      return true;
  }
  return false;
}

/** `x = ...`, `for x in ...`: the name is bound here, not read. */
function isPlainWrite(id: SyntaxNode): boolean {
  let cur = id;
  while (cur.parent && ["pattern_list", "tuple_pattern", "list_pattern"].includes(cur.parent.type)) cur = cur.parent;
  const parent = cur.parent;
  return (
    (parent?.type === "assignment" || parent?.type === "for_statement") &&
    parent.childForFieldName("left")?.id === cur.id
  );
}

/**
 * The loop variable is read where a comprehension would leave it unbound: after the loop (its
 * last value, in an `except` handler or a `finally`), or, in an enclosing loop, in the next round.
 */
function readOutsideLoop(loop: SyntaxNode, name: string): boolean {
  let scope: SyntaxNode = loop;
  let outerLoop: SyntaxNode | null = null;
  while (scope.parent && !["function_definition", "lambda", "class_definition", "module"].includes(scope.type)) {
    scope = scope.parent;
    if (!outerLoop && (scope.type === "for_statement" || scope.type === "while_statement")) outerLoop = scope;
  }
  const from = outerLoop ?? loop;
  return scope
    .descendantsOfType("identifier")
    .some(
      (id) =>
        id.text === name &&
        (id.startIndex >= loop.endIndex || (id.startIndex >= from.startIndex && id.startIndex < loop.startIndex)) &&
        !(id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id) &&
        !(id.parent?.type === "keyword_argument" && id.parent.childForFieldName("name")?.id === id.id) &&
        !isPlainWrite(id) &&
        !reboundAround(id, scope),
    );
}

export default defineCheck({
  id: "manual-list-comprehension",
  codes: ["PERF401"],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "A loop that only appends to a list just created empty: a list comprehension.",
    why: "`result = [f(x) for x in xs if p(x)]` states the transformation in one expression and runs faster than repeated `append` calls.",
    bad: "squares = []\nfor n in numbers:\n    squares.append(n * n)\n",
    good: "squares = [n * n for n in numbers]\n",
    differences:
      "Reported only when the list is created empty by the statement right before the loop (Ruff also reports lists built earlier, where a comprehension would need `extend`), Like Ruff, not when the loop variable is read after the loop (in an `except` handler, say), since a comprehension's variable does not outlive it; unlike Ruff, not either when an enclosing loop reads it before this one (its next round sees the last value).",
  },
  create(ctx) {
    return {
      for_statement(loop) {
        if (loop.children.some((c) => c.type === "async") || loop.namedChildren.some((c) => c.type === "else_clause"))
          return;
        const left = loop.childForFieldName("left");
        let statement = only(loop.childForFieldName("body"));
        let filtered = false;
        if (
          statement?.type === "if_statement" &&
          !statement.namedChildren.some((c) => c.type === "else_clause" || c.type === "elif_clause")
        ) {
          statement = only(statement.childForFieldName("consequence"));
          filtered = true;
        }
        const append = appendCall(statement);
        // Like Ruff: not for unpacking targets, and not when comments in the loop would be lost.
        if (!append || !left || left.type !== "identifier" || loop.descendantsOfType("comment").length > 0) return;
        const [target, element] = append;
        // `for x in xs: r.append(x)` is a plain copy: `list(xs)` (PERF402), not this check.
        if (!filtered && element.text === left.text) return;
        if (element.descendantsOfType("identifier").some((id) => id.text === target.text)) return;
        // `if x not in seen: seen.append(x)`: the filter reads the list being built, which a comprehension cannot.
        const test = filtered
          ? loop
              .childForFieldName("body")
              ?.namedChildren.find((c) => c.type === "if_statement")
              ?.childForFieldName("condition")
          : null;
        if (
          test &&
          [test, ...test.descendantsOfType("identifier")].some(
            (id) => id.type === "identifier" && id.text === target.text,
          )
        )
          return;
        if (!createdEmptyBefore(loop, target.text)) return;
        // A comprehension's variable does not outlive it: code reading `x` after the loop would break.
        if (readOutsideLoop(loop, left.text)) return;
        ctx.report({
          node: statement!.namedChild(0)!,
          message: `Build \`${target.text}\` with a list comprehension instead of appending in a loop`,
        });
      },
    };
  },
});

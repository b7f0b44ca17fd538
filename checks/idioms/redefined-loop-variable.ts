import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { targetNames } from "../../src/engine/names.js";
import { firstAtOrAfter } from "../../src/engine/text.js";

/** Statements that rebind a name: assignments, loops and `as` targets. */
const REBINDING_TYPES = ["assignment", "augmented_assignment", "for_statement", "as_pattern"];

/**
 * What the text of any rebinding statement holds: the `=` of an assignment (not of a
 * comparison), `for`, `as`, or the `:` of an annotation (`x: int` binds `x` too).
 */
const REBINDING_TEXT = /(?<![=!<>])=(?!=)|[<>]{2}=|\b(?:for|as)\b|:[ \t]*[^\s#]/;

/** `for a, b in`: a loop header binding plain names, which are read from its text. */
const SIMPLE_FOR = /for[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]+in\b/y;
/** `a = ...`, `a, b = ...`, `a += ...`: an assignment to plain names, which are read from its text. */
const SIMPLE_ASSIGNMENT = /([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/y;

/** The names `pattern` (sticky, names in group 1) reads at `at`, or null when it does not match there. */
function namesAt(pattern: RegExp, source: string, at: number): string[] | null {
  pattern.lastIndex = at;
  const match = pattern.exec(source);
  return match ? match[1]!.split(",").map((name) => name.trim()) : null;
}

/** The names a loop binds that are worth checking: `_`-prefixed ones are throwaways by convention (Ruff's dummy-variable pattern). */
function loopNames(bound: string[]): Set<string> {
  return new Set(bound.filter((n) => !n.startsWith("_")));
}

/**
 * What a plain `for a, b in` or `a, b = ...` binds, read from its text; null for other
 * statements. (An odd assignment such as `a, b += 1` binds fewer names than read, never more.)
 */
function plainTargets(source: string, n: SyntaxNode): string[] | null {
  if (n.type === "for_statement") return namesAt(SIMPLE_FOR, source, n.startIndex);
  return n.type === "as_pattern" ? null : namesAt(SIMPLE_ASSIGNMENT, source, n.startIndex);
}

/** The names an assignment, loop or `as` pattern binds, read from the tree. */
function targetTexts(n: SyntaxNode): string[] {
  const target = n.childForFieldName(n.type === "as_pattern" ? "alias" : "left");
  return target ? targetNames(target).map((t) => t.text) : [];
}

export default defineCheck({
  id: "redefined-loop-variable",
  codes: ["PLW2901"],
  pylint: ["redefined-loop-name"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  fix: "never",
  docs: {
    summary: "A `for` (or `with ... as`) variable reassigned inside its own body.",
    why: "Reassigning the loop variable hides the original value for the rest of the iteration, and readers expect it to be the current item. Use a new name for the derived value.",
    bad: "for line in lines:\n    line = line.strip()\n    print(line)\n",
    good: "for raw_line in lines:\n    line = raw_line.strip()\n    print(line)\n",
  },
  create(ctx) {
    // `x = cast(T, x)` tells the type checker what `x` is: the same value, not a new one (as Ruff).
    const isCastOf = (value: SyntaxNode | null, name: string): boolean => {
      if (value?.type !== "call") return false;
      const callee = ctx.qualifiedName(value.childForFieldName("function")!);
      if (callee !== "typing.cast" && callee !== "typing_extensions.cast") return false;
      const args = value.childForFieldName("arguments")?.namedChildren.filter((a) => a.type !== "comment") ?? [];
      return args.length === 2 && args[1]!.type === "identifier" && args[1]!.text === name;
    };
    const reported = new Set<number>();
    // The rebinding statements of the last loop or body searched through the runner's node index.
    // Loops are visited outermost first, so the loops nested in it are searched in this list by
    // position, rather than through the index (every node of the loop) again.
    let searched: { start: number; end: number; nodes: readonly SyntaxNode[]; starts: number[] } | undefined;
    const rebindingsIn = (node: SyntaxNode): readonly SyntaxNode[] => {
      const start = node.startIndex;
      const end = node.endIndex;
      if (searched && searched.start <= start && end <= searched.end)
        return searched.nodes.slice(firstAtOrAfter(searched.starts, start), firstAtOrAfter(searched.starts, end));
      const nodes = node.descendantsOfType(REBINDING_TYPES);
      searched = { start, end, nodes, starts: nodes.map((n) => n.startIndex) };
      return nodes;
    };
    // What each statement binds (or a superset: this only rules statements out), read once however
    // many loops it sits in; from the text when it is a plain `a, b = ...` or `for a, b in`.
    const boundNames = new Map<SyntaxNode, string[]>();
    const bindsAny = (n: SyntaxNode, names: Set<string>): boolean => {
      let bound = boundNames.get(n);
      if (!bound) {
        bound = plainTargets(ctx.source, n) ?? targetTexts(n);
        boundNames.set(n, bound);
      }
      return bound.some((name) => names.has(name));
    };
    const check = (names: Set<string>, body: SyntaxNode | null, kind: string): void => {
      if (!body || names.size === 0) return;
      // A body whose text holds no rebinding statement is not searched.
      if (!REBINDING_TEXT.test(ctx.source.slice(body.startIndex, body.endIndex))) return;
      const rebindings = rebindingsIn(body);
      // Most loops rebind none of their names, not even in nested scopes: nothing more to read.
      if (!rebindings.some((n) => bindsAny(n, names))) return;
      // Rebinding statements inside nested functions or classes are skipped.
      const scopes = body
        .descendantsOfType(["function_definition", "class_definition", "lambda"])
        .map((s) => [s.startIndex, s.endIndex]);
      for (const n of rebindings) {
        const start = n.startIndex;
        if (scopes.some(([s, e]) => s! <= start && start < e!)) continue;
        // `as` targets of a `with` (not of `except` or `case` clauses, as Ruff).
        if (n.type === "as_pattern" && n.parent?.type !== "with_item") continue;
        const target = n.childForFieldName(n.type === "as_pattern" ? "alias" : "left");
        for (const t of target ? targetNames(target) : []) {
          if (!names.has(t.text) || reported.has(t.id)) continue;
          if (n.type === "assignment" && isCastOf(n.childForFieldName("right"), t.text)) continue;
          reported.add(t.id);
          ctx.report({ node: t, message: `${kind} variable \`${t.text}\` is overwritten in its own body` });
        }
      }
    };
    return {
      for_statement(loop) {
        // A loop with no assignment, loop or `as` after its own `for` rebinds nothing: told from
        // its text before any of its children is read.
        if (!REBINDING_TEXT.test(ctx.source.slice(loop.startIndex + 3, loop.endIndex))) return;
        let bound = namesAt(SIMPLE_FOR, ctx.source, loop.startIndex);
        if (!bound) {
          const left = loop.childForFieldName("left");
          if (!left) return;
          bound = targetNames(left).map((t) => t.text);
        }
        const names = loopNames(bound);
        // Searching the whole loop is cheaper than reading its body first: nothing in it but the
        // loop itself rebinds a name, so neither does anything in the body.
        if (!rebindingsIn(loop).some((n) => n !== loop && bindsAny(n, names))) return;
        check(names, loop.childForFieldName("body"), "`for` loop");
      },
      with_statement(node) {
        // Without `as` in its header the statement binds nothing: no need to read its items
        // (most `with` statements have none in their whole text).
        if (!/\bas\b/.test(ctx.source.slice(node.startIndex, node.endIndex))) return;
        const body = node.childForFieldName("body");
        if (!body || !/\bas\b/.test(ctx.source.slice(node.startIndex, body.startIndex))) return;
        // Nor is there anything to find in a body that rebinds nothing.
        if (!REBINDING_TEXT.test(ctx.source.slice(body.startIndex, body.endIndex))) return;
        // Only this statement's own `as` targets, not those of `with` statements nested in its body.
        const clause = node.namedChildren.find((c) => c.type === "with_clause");
        const bound = (clause?.namedChildren ?? []).flatMap((item) => {
          const value = item.namedChild(0);
          const alias = value?.type === "as_pattern" ? value.childForFieldName("alias") : null;
          return alias ? targetNames(alias) : [];
        });
        check(loopNames(bound.map((t) => t.text)), body, "`with` statement");
      },
    };
  },
});

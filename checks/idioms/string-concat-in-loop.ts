import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { isStringNode, walkScope } from "../../src/engine/ast.js";
import { targetNames } from "../../src/engine/names.js";

const LOOPS = new Set(["for_statement", "while_statement"]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);

/** A str literal or f-string (bytes literals are not str). */
function isStrLiteral(node: SyntaxNode): boolean {
  if (!isStringNode(node)) return false;
  const first = node.type === "concatenated_string" ? node.namedChild(0) : node;
  return !/^[a-zA-Z]*[bB]/.test(first?.text ?? "");
}

/** An expression that is certainly a `str`: a literal, `str(...)`, `'...'.join/format(...)`, `'%s' % x`, `'a' + x`. */
function isStr(ctx: CheckContext, node: SyntaxNode): boolean {
  switch (node.type) {
    case "string":
    case "concatenated_string":
      return isStrLiteral(node);
    case "parenthesized_expression":
      return node.namedChildCount === 1 && isStr(ctx, node.namedChild(0)!);
    case "call": {
      const fn = node.childForFieldName("function");
      if (fn?.type === "identifier") return fn.text === "str" && ctx.isBuiltin(fn);
      const object = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
      const method = fn?.childForFieldName("attribute")?.text ?? "";
      return !!object && isStrLiteral(object) && ["join", "format", "strip", "upper", "lower"].includes(method);
    }
    case "binary_operator": {
      const op = node.childForFieldName("operator")?.text;
      const left = node.childForFieldName("left")!;
      // `str + x` is a str or raises; `'%s' % x` formats.
      if (op === "%") return isStrLiteral(left);
      return op === "+" && (isStr(ctx, left) || isStr(ctx, node.childForFieldName("right")!));
    }
    default:
      return false;
  }
}

/** The function a node sits in (its own scope), or null at module or class level. */
function enclosingFunctionOf(node: SyntaxNode): SyntaxNode | null {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "function_definition") return cur;
    if (SCOPES.has(cur.type)) return null;
  }
  return null;
}

/** Whether every binding of `name` in `fn` (not in nested scopes) is a plain `=` of a str, or a str `+=`. */
function alwaysStr(ctx: CheckContext, fn: SyntaxNode, name: string): boolean {
  let ok = true;
  walkScope(fn.childForFieldName("body")!, (n) => {
    if (!ok) return false;
    switch (n.type) {
      case "assignment": {
        const left = n.childForFieldName("left");
        if (!left || !targetNames(left).some((t) => t.text === name)) return;
        const right = n.childForFieldName("right");
        ok = left.type === "identifier" && !!right && isStr(ctx, right);
        return;
      }
      case "augmented_assignment": {
        const left = n.childForFieldName("left");
        if (left?.type === "identifier" && left.text === name)
          ok = n.childForFieldName("operator")?.text === "+=" && isStr(ctx, n.childForFieldName("right")!);
        return;
      }
      case "for_statement":
      case "as_pattern":
      case "named_expression":
      case "global_statement":
      case "nonlocal_statement":
      case "delete_statement": {
        // Any other way of binding the name: its type is no longer certain.
        const field = { for_statement: "left", as_pattern: "alias", named_expression: "name" }[n.type as string];
        const target = field ? n.childForFieldName(field) : null;
        const bound = field ? (target ? targetNames(target) : []) : n.namedChildren.flatMap(targetNames);
        if (bound.some((id) => id.text === name)) ok = false;
        return;
      }
    }
    return;
  });
  return ok;
}

/** Whether, inside `loop`, `name` only ever appears as the target of `name += ...` (never read, never reset). */
function onlyGrows(loop: SyntaxNode, name: string): boolean {
  return loop.descendantsOfType("identifier").every((id) => {
    if (id.text !== name) return true;
    const parent = id.parent!;
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return true;
    if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return true;
    return parent.type === "augmented_assignment" && parent.childForFieldName("left")?.id === id.id;
  });
}

export default defineCheck({
  id: "string-concat-in-loop",
  codes: [],
  category: "idioms",
  severity: "info",
  type: "taste",
  fix: "never",
  docs: {
    summary: "A string built with `s += ...` inside a loop.",
    why: "Each `+=` on a `str` may copy everything built so far, so the loop can become quadratic in the output size (CPython's in-place shortcut is an implementation detail other Pythons lack). Collect the pieces in a list and `''.join(pieces)` once, or use `io.StringIO`.",
    bad: "def render(rows):\n    out = ''\n    for row in rows:\n        out += f'{row}\\n'\n    return out\n",
    good: "def render(rows):\n    return ''.join(f'{row}\\n' for row in rows)\n",
    differences:
      "Flagged only when `s` is provably a `str` and the loop only appends to it. Inside a function, `s` is first assigned a str literal (or f-string) before a `for`/`while` loop; every other binding of `s` in the function is a `str` too (literal, f-string, `str(...)`, `'...'.join(...)`, `'...' % x`, `'...' + x`); and inside the loop `s` is never read or reset, only extended with `s += <str>`. One finding per loop, on its first `+=`. Module-level loops, bytes, and buffers that are flushed or measured inside the loop (`if len(line) > width: ...`) are not reported.",
  },
  create(ctx) {
    const reported = new Set<string>();
    return {
      augmented_assignment(node) {
        if (node.childForFieldName("operator")?.text !== "+=") return;
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left?.type !== "identifier" || !right || !isStr(ctx, right)) return;
        const fn = enclosingFunctionOf(node);
        if (!fn) return;
        // The variable started as a string literal in this function.
        const binding = ctx.names.lookup(left.text, node);
        if (binding?.kind !== "local" || enclosingFunctionOf(binding.node) !== fn) return;
        const def = binding.node.parent;
        const value = def?.type === "assignment" ? def.childForFieldName("right") : null;
        if (!value || !isStrLiteral(value)) return;
        // The outermost loop of the function that holds this `+=` and starts after the initial value.
        let loop: SyntaxNode | null = null;
        for (let cur = node.parent; cur && cur.id !== fn.id; cur = cur.parent)
          if (LOOPS.has(cur.type) && cur.startIndex > value.endIndex) loop = cur;
        if (!loop) return;
        const key = `${loop.id}:${left.text}`;
        if (reported.has(key)) return;
        reported.add(key);
        if (!onlyGrows(loop, left.text) || !alwaysStr(ctx, fn, left.text)) return;
        ctx.report({
          node,
          message: `String \`${left.text}\` grows with \`+=\` in a loop: collect the parts and \`''.join\` them`,
        });
      },
    };
  },
});

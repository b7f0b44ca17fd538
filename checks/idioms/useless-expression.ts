import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

/** Statements made of these alone compute a value and drop it. */
const USELESS = new Set(["identifier", "attribute", "integer", "float", "true", "false", "none"]);
const CONTAINERS = new Set(["list", "tuple", "set", "dictionary"]);
/** Leaves that cannot run code when evaluated inside a display. */
const INERT = new Set(["identifier", "integer", "float", "true", "false", "none", "ellipsis", "lambda"]);

/** Evaluating `node` runs no user code: no call, subscript, operator, `:=`, `await`, ... */
function inert(node: SyntaxNode): boolean {
  if (INERT.has(node.type)) return true;
  switch (node.type) {
    case "attribute":
      return inert(node.childForFieldName("object")!);
    case "string":
      return node.namedChildren.every(
        (c) => c.type !== "interpolation" || c.namedChildren.every((e) => e.type.startsWith("format") || inert(e)),
      );
    case "concatenated_string":
      return node.namedChildren.every(inert);
    case "unary_operator":
      return ["integer", "float"].includes(node.childForFieldName("argument")?.type ?? "");
    case "parenthesized_expression":
    case "list_splat":
    case "dictionary_splat":
      return node.namedChildCount === 1 && inert(node.namedChild(0)!);
    case "pair":
      return inert(node.childForFieldName("key")!) && inert(node.childForFieldName("value")!);
    default:
      return CONTAINERS.has(node.type) && node.namedChildren.every((c) => c.type === "comment" || inert(c));
  }
}

function isUseless(node: SyntaxNode): boolean {
  if (USELESS.has(node.type)) return true;
  // A display only when building it runs no code (`[print(x)]` is a call in disguise).
  if (CONTAINERS.has(node.type)) return inert(node);
  if (node.type === "parenthesized_expression") return node.namedChildCount === 1 && isUseless(node.namedChild(0)!);
  if (node.type === "unary_operator")
    return ["integer", "float"].includes(node.childForFieldName("argument")?.type ?? "");
  // Bytes literals (not str: those are docstrings and comments by convention).
  if (node.type === "string") return /^[rR]?[bB]/.test(node.text);
  return false;
}

/** The line before the one starting at `lineStart` holds only a comment. */
function isCommentLineBefore(source: string, lineStart: number): boolean {
  const previousEnd = lineStart - 1;
  if (previousEnd <= 0) return false;
  const previous = source.slice(source.lastIndexOf("\n", previousEnd - 1) + 1, previousEnd);
  return /^\s*#/.test(previous);
}

/**
 * A comment on the statement's line or the line right above it; or, for the first statement of
 * a block, on the line above the block's header (`# trigger lookups now` above `if lookup:`),
 * up through blocks the statement opens.
 */
function isExplained(source: string, statement: SyntaxNode): boolean {
  const lineEnd = source.indexOf("\n", statement.endIndex);
  const line = source.slice(statement.endIndex, lineEnd < 0 ? source.length : lineEnd);
  if (/^\s*#/.test(line)) return true;
  for (let cur: SyntaxNode | null = statement; cur;) {
    if (isCommentLineBefore(source, source.lastIndexOf("\n", cur.startIndex - 1) + 1)) return true;
    const block: SyntaxNode | null = cur.parent;
    const first = block?.namedChildren.find((c) => c.type !== "comment");
    if (block?.type !== "block" || first?.id !== cur.id) return false;
    // The header of the `if`/`for`/`with` (or the `else`/`except` clause) the block belongs to.
    cur = block.parent;
  }
  return false;
}

/** `x = ...`, `self.total += n`: an assignment to a name, told from the statement's first characters. */
const ASSIGNMENT_START = /[A-Za-z_][\w.]*[ \t]*(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/y;

/**
 * Statements that cannot be useless, told from their text alone: assignments, and most calls and
 * docstrings. Nearly every statement is one of these, and reading a statement's children costs a
 * call into the tree each.
 */
function isPlainlyUseful(source: string, statement: SyntaxNode): boolean {
  const start = statement.startIndex;
  ASSIGNMENT_START.lastIndex = start;
  if (ASSIGNMENT_START.test(source)) return true;
  const end = statement.endIndex;
  const first = source.charCodeAt(start);
  const last = source.charCodeAt(end - 1);
  // `a, b` is several expressions: without a comma in its text the statement is one.
  const single = (): boolean => {
    const comma = source.indexOf(",", start);
    return comma === -1 || comma >= end || statement.namedChildCount === 1;
  };
  // One expression ending in `)` is a call unless it opens with `(` (a tuple or parentheses).
  if (last === 0x29 /* ) */ && first !== 0x28 /* ( */) return single();
  // One expression from quote to quote is a str literal or a concatenation: not flagged (docstrings).
  const quote = (c: number): boolean => c === 0x22 /* " */ || c === 0x27; /* ' */
  return quote(first) && quote(last) && single();
}

function isLookup(node: SyntaxNode): boolean {
  return node.type === "identifier" || node.type === "attribute";
}

/**
 * The statement sits in a `try` with an `except` clause. A bare name probes whether it exists
 * when a handler catches the error a missing name raises (`NameError`, `Exception`, a bare
 * `except:`); an attribute read may raise anything its property or `__getattr__` raises, so
 * any handler makes it a probe.
 */
function probesExistence(statement: SyntaxNode, attribute: boolean): boolean {
  for (let cur: SyntaxNode | null = statement.parent; cur; cur = cur.parent) {
    if (cur.type === "function_definition" || cur.type === "class_definition") return false;
    if (cur.type !== "block" || cur.parent?.type !== "try_statement") continue;
    const handlers = cur.parent.namedChildren.filter(
      (c) => c.type === "except_clause" || c.type === "except_group_clause",
    );
    if (attribute && handlers.length > 0) return true;
    return handlers.some((h) => {
      const caught = h.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
      return !caught || /\b(NameError|AttributeError|ImportError|Exception|BaseException)\b/.test(caught.text);
    });
  }
  return false;
}

export default defineCheck({
  id: "useless-expression",
  codes: ["B018"],
  pylint: ["pointless-statement"],
  category: "idioms",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A statement that is a bare name, attribute or literal, with no effect.",
    why: "A statement like `self.value` or `[1, 2]` computes something and throws it away: usually a forgotten `return`, assignment or call, or a leftover from debugging.",
    bad: "def total(self):\n    self.subtotal\n",
    good: "def total(self):\n    return self.subtotal\n",
    differences:
      "Ruff also flags arithmetic, comparisons and `not x` used as statements (such as `1 / 0`, which tests write on purpose to raise, or an operator called for its side effect); peptalk only flags names, attributes, literals and displays whose parts run no code. A bare name inside a `try` whose handlers catch `NameError` (or `Exception`, or everything), an attribute read inside a `try` with any handler (a property or `__getattr__` may raise what it catches), and names and attributes touched in a test (touching `socket.CAN_BCM` fails the test when it is missing) are probes, deliberate, and not reported; so is an attribute read that a comment explains, on its line, the line above, or above the `if`/`for` it is the first statement of (`resp.content  # consume the body`: a property read for its effect).",
  },
  create(ctx) {
    return {
      expression_statement(statement) {
        if (isPlainlyUseful(ctx.source, statement)) return;
        const expr = statement.namedChildren.filter((c) => c.type !== "comment");
        if (expr.length === 0) return;
        // `a, b` without parentheses is a tuple: each part must be inert.
        if (expr.length === 1 ? !isUseless(expr[0]!) : !expr.every(inert)) return;
        // `try: WindowsError / except NameError:` probes whether a name exists; so does a
        // test that touches `socket.CAN_BCM` (an AttributeError fails it), or `mock.a, mock.b`.
        if (expr.every(isLookup)) {
          const attribute = expr.some((e) => e.type === "attribute");
          if (ctx.isTestFile || probesExistence(statement, attribute)) return;
          // `resp.content  # consume the body`: a property read for its effect, and the author says so.
          if (attribute && isExplained(ctx.source, statement)) return;
        }
        // Report the whole statement.
        const range = { start: expr[0]!.startIndex, end: expr[expr.length - 1]!.endIndex };
        const message =
          expr.length === 1 && expr[0]!.type === "attribute"
            ? "Useless attribute access: its value is discarded (a missing `return` or call?); if a property is read for its effect, say so in a comment"
            : "Useless expression: its value is discarded";
        ctx.report({ range, message });
      },
    };
  },
});

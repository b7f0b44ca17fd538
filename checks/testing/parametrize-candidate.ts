import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { owningClass } from "../../src/engine/definitions.js";
import { quoteCode } from "../../src/engine/quote.js";
import { inheritsTestCase, outerNode, pytestUsage, statementsOf, testFunctions } from "./_pytest.js";

const GROUP = 3;
const MIN_STATEMENTS = 2;

interface Shape {
  def: SyntaxNode;
  key: string;
  values: string[];
}

function isPlainString(node: SyntaxNode): boolean {
  if (node.type === "string") return !node.namedChildren.some((c) => c.type === "interpolation");
  return (
    node.type === "concatenated_string" && node.namedChildren.every((c) => c.type === "comment" || isPlainString(c))
  );
}

function isLiteral(node: SyntaxNode): boolean {
  switch (node.type) {
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
      return true;
    case "string":
    case "concatenated_string":
      return isPlainString(node);
    case "unary_operator": {
      const arg = node.childForFieldName("argument");
      return node.child(0)?.type === "-" && !!arg && (arg.type === "integer" || arg.type === "float");
    }
    default:
      return false;
  }
}

/** Node types isLiteral may accept. */
const LITERAL_TYPES = new Set([
  "integer",
  "float",
  "true",
  "false",
  "none",
  "string",
  "concatenated_string",
  "unary_operator",
]);

/**
 * The tree's shape with every literal replaced by a slot; the literals in order. Walked with
 * a cursor, which reads each node's type and a leaf's span without building a node object
 * (only literals are built, to look inside them).
 */
function serialize(root: SyntaxNode, source: string, out: string[], values: string[]): void {
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    const type = cursor.nodeType;
    if (type !== "comment") {
      const node = LITERAL_TYPES.has(type) ? cursor.currentNode : null;
      if (node && isLiteral(node)) {
        out.push("#");
        values.push(node.text);
      } else if (cursor.gotoFirstChild()) {
        out.push(`(${type}`);
        depth++;
        continue;
      } else out.push(source.slice(cursor.startIndex, cursor.endIndex));
    }
    // Done with this node: on to its next sibling, closing the parents it was the last child of.
    while (depth > 0 && !cursor.gotoNextSibling()) {
      cursor.gotoParent();
      depth--;
      out.push(")");
    }
    if (depth === 0) return;
  }
}

interface Candidate {
  def: SyntaxNode;
  /** The text from the first statement to the last (docstring left out), up to whitespace around it. */
  text: string;
}

const STRINGS = /[rRbBuUfF]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;
const NUMBERS = /\b(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?[jJ]?|True|False|None)\b/g;

/**
 * A cheap key from the text with literals, comments and spacing blurred: tests that could
 * share a shape share this key (a necessary condition), so only those get a tree walk.
 * Whitespace around the text does not change it.
 */
function roughKey(text: string): string {
  let key = text;
  // Each pass only when the text has what it replaces (scanning for one character is cheaper).
  if (key.includes('"') || key.includes("'")) key = key.replace(STRINGS, "N");
  if (key.includes("#")) key = key.replace(/#[^\n]*/g, "");
  key = key.replace(/(?<![\w)\]])\.(?=\d)/g, "").replace(NUMBERS, "N");
  if (key.includes("-")) key = key.replace(/-\s*N/g, "N");
  return key.replace(/\s+/g, "");
}

/** The statements of a test's body without comments and its docstring. */
function testStatements(def: SyntaxNode): SyntaxNode[] {
  const body = def.childForFieldName("body");
  const statements = statementsOf(body);
  const first = statements[0];
  if (first?.type === "expression_statement" && first.namedChild(0)?.type === "string") return statements.slice(1);
  return statements;
}

/** A string literal: a body starting with one may have a docstring. */
const STRING_START = /^[A-Za-z]{0,3}["']/;

/**
 * The candidate's text read from its body alone, without fetching its statements: in a tree
 * without errors a block spans its named children, up to a trailing `;` (or `\`). When the
 * body neither starts with a comment or a string (a docstring) nor has one on its last line
 * (a comment runs to the end of its line), its first and last named children are its first
 * and last statements, so its text is theirs. Null for too few statements; undefined when
 * the text does not settle it.
 */
function bodyText(source: string, body: SyntaxNode): string | null | undefined {
  const text = source.slice(body.startIndex, body.endIndex);
  if (text.startsWith("#") || STRING_START.test(text) || /[;\\]\s*$/.test(text)) return undefined;
  if (text.includes("#", text.lastIndexOf("\n") + 1)) return undefined;
  return body.namedChildCount < MIN_STATEMENTS ? null : text;
}

function candidateOf(ctx: CheckContext, def: SyntaxNode, clean: boolean): Candidate | null {
  const body = def.childForFieldName("body");
  const text = clean && body ? bodyText(ctx.source, body) : undefined;
  if (text !== undefined) return text === null ? null : { def, text };
  const statements = testStatements(def);
  if (statements.length < MIN_STATEMENTS) return null;
  return {
    def,
    text: ctx.source.slice(statements[0]!.startIndex, statements[statements.length - 1]!.endIndex),
  };
}

function shapeOf(source: string, def: SyntaxNode): Shape {
  const out: string[] = [];
  const values: string[] = [];
  // Same decorators, parameters and async-ness: only the body's literals may differ.
  const outer = outerNode(def);
  for (const d of outer.namedChildren.filter((c) => c.type === "decorator")) out.push(d.text);
  out.push(def.children.some((c) => c.type === "async") ? "async" : "sync");
  out.push(def.childForFieldName("parameters")?.text ?? "");
  for (const statement of testStatements(def)) serialize(statement, source, out, values);
  return { def, key: out.join(" "), values };
}

/**
 * Where a shared prefix or suffix may end, finest first: at punctuation inside paths and calls,
 * then only at spaces and quotes. The parts shown stay whole tokens.
 */
const BOUNDARIES = [/[\s"'/.,:;=()[\]{}-]/, /[\s"']/];
/** Longer parts are cut to their first words, with an ellipsis outside the code span. */
const PART_LENGTH = 32;

function trimShared(values: readonly string[], boundary: RegExp): string[] | null {
  const first = values[0]!;
  const shortest = Math.min(...values.map((v) => v.length));
  let prefix = 0;
  while (prefix < shortest && values.every((v) => v[prefix] === first[prefix])) prefix++;
  while (prefix > 0 && !boundary.test(first[prefix - 1]!)) prefix--;
  let suffix = 0;
  const sameFromEnd = (n: number): boolean => values.every((v) => v[v.length - 1 - n] === first[first.length - 1 - n]);
  while (suffix < shortest - prefix && sameFromEnd(suffix)) suffix++;
  while (suffix > 0 && !boundary.test(first[first.length - suffix]!)) suffix--;
  const parts = values.map((v) => v.slice(prefix, v.length - suffix).trim());
  return parts.some((p) => p === "" || !balanced(p)) ? null : parts;
}

/** Brackets and quotes close where they open: the part reads as code, not a torn fragment. */
function balanced(part: string): boolean {
  let depth = 0;
  for (const c of part) {
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && (part.split('"').length - 1) % 2 === 0 && (part.split("'").length - 1) % 2 === 0;
}

/**
 * What tells the values apart: each value without the prefix and suffix they all share, or the
 * whole values when trimming would leave a part empty.
 * `'data/first_case.json'` / `'data/second_case.json'` → `first_case` / `second_case`.
 */
function differingParts(values: readonly string[]): string[] {
  if (values.length < 2) return [...values];
  for (const boundary of BOUNDARIES) {
    const parts = trimShared(values, boundary);
    if (parts) return parts;
  }
  return [...values];
}

function describe(values: readonly string[]): string {
  const distinct = [...new Set(values)];
  const shown = differingParts(distinct.slice(0, 3)).map((part) => quoteCode(part.replace(/\s+/g, " "), PART_LENGTH));
  const more = distinct.length > 3 ? ` and ${distinct.length - 3} more` : "";
  return `${shown.join(" / ")}${more}`;
}

export default defineCheck({
  id: "parametrize-candidate",
  codes: [],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "Three or more tests whose bodies are the same except for literal values.",
    why: "Copies of one test that differ only in their inputs and expected values repeat the logic, drift apart when one copy is fixed, and hide the cases among the boilerplate. `@pytest.mark.parametrize` (or a `subTest` loop in a unittest `TestCase`) states the logic once and the cases as a table.",
    bad: "def test_add_small():\n    result = add(1, 2)\n    assert result == 3\n\ndef test_add_zero():\n    result = add(0, 0)\n    assert result == 0\n\ndef test_add_negative():\n    result = add(-1, -2)\n    assert result == -3\n",
    good: "import pytest\n\n@pytest.mark.parametrize(('a', 'b', 'expected'), [(1, 2, 3), (0, 0, 0), (-1, -2, -3)])\ndef test_add(a, b, expected):\n    result = add(a, b)\n    assert result == expected\n",
  },
  create(ctx: CheckContext): Visitors {
    if (!ctx.source.includes("def test")) return {};
    return {
      module() {
        // Tests grouped by the scope they live in (the module, or one class).
        const clean = !ctx.tree.rootNode.hasError;
        const candidates: { candidate: Candidate; scope: string }[] = [];
        const perScope = new Map<string, number>();
        for (const def of testFunctions(ctx)) {
          const candidate = candidateOf(ctx, def, clean);
          if (!candidate) continue;
          const scope = String(owningClass(def)?.id ?? "module");
          candidates.push({ candidate, scope });
          perScope.set(scope, (perScope.get(scope) ?? 0) + 1);
        }
        const rough = new Map<string, Candidate[]>();
        for (const { candidate, scope } of candidates) {
          // A group is GROUP tests of one scope: no key for a scope with fewer candidates.
          if (perScope.get(scope)! < GROUP) continue;
          const key = `${scope}|${roughKey(candidate.text)}`;
          const group = rough.get(key);
          if (group) group.push(candidate);
          else rough.set(key, [candidate]);
        }
        const groups = new Map<string, Shape[]>();
        for (const [roughKeyText, candidates] of rough) {
          if (candidates.length < GROUP) continue;
          for (const candidate of candidates) {
            const shape = shapeOf(ctx.source, candidate.def);
            const key = `${roughKeyText}|${shape.key}`;
            const group = groups.get(key);
            if (group) group.push(shape);
            else groups.set(key, [shape]);
          }
        }
        for (const shapes of groups.values()) {
          if (shapes.length < GROUP) continue;
          const first = shapes[0]!;
          const varying = first.values
            .map((_, i) => i)
            .filter((i) => shapes.some((s) => s.values[i] !== first.values[i]));
          if (varying.length === 0) continue;
          // Multi-line or long inputs (source snippets, documents) read better as named tests.
          if (varying.some((i) => shapes.some((s) => s.values[i]!.includes("\n") || s.values[i]!.length > 80)))
            continue;
          const names = shapes.map((s) => s.def.childForFieldName("name")!.text);
          const listed =
            names.length > 4
              ? `${names.slice(0, 4).join("`, `")}\` and ${names.length - 4} more`
              : `${names.join("`, `")}\``;
          const columns = varying.slice(0, 2).map((i) => describe(shapes.map((s) => s.values[i]!)));
          const more = varying.length > 2 ? `; ${varying.length - 2} more` : "";
          const klass = owningClass(first.def);
          const instead =
            (klass && inheritsTestCase(ctx, klass)) || pytestUsage(ctx) === "no"
              ? "one test looping over the cases with `self.subTest()`"
              : "one test with `@pytest.mark.parametrize`";
          ctx.report({
            node: first.def.childForFieldName("name")!,
            message: `\`${listed} differ only in literals (${columns.join("; ")}${more}): make them ${instead}`,
          });
        }
      },
    };
  },
});

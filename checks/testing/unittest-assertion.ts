import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";

/** The unittest assertion methods Ruff's PT009 knows, with their parameter names. */
const METHODS: Record<string, string[]> = {
  assertAlmostEqual: ["first", "second", "places", "msg", "delta"],
  assertAlmostEquals: ["first", "second", "places", "msg", "delta"],
  assertCountEqual: ["first", "second", "msg"],
  assertDictContainsSubset: ["subset", "dictionary", "msg"],
  assertDictEqual: ["first", "second", "msg"],
  assertEqual: ["first", "second", "msg"],
  assertEquals: ["first", "second", "msg"],
  failIf: ["expr", "msg"],
  failIfAlmostEqual: ["first", "second", "msg"],
  failIfEqual: ["first", "second", "msg"],
  failUnless: ["expr", "msg"],
  failUnlessAlmostEqual: ["first", "second", "places", "msg", "delta"],
  failUnlessEqual: ["first", "second", "msg"],
  assertFalse: ["expr", "msg"],
  assertGreater: ["first", "second", "msg"],
  assertGreaterEqual: ["first", "second", "msg"],
  assertIn: ["member", "container", "msg"],
  assertIs: ["first", "second", "msg"],
  assertIsInstance: ["obj", "cls", "msg"],
  assertIsNone: ["expr", "msg"],
  assertIsNot: ["first", "second", "msg"],
  assertIsNotNone: ["expr", "msg"],
  assertLess: ["first", "second", "msg"],
  assertLessEqual: ["first", "second", "msg"],
  assertListEqual: ["first", "second", "msg"],
  assertMultiLineEqual: ["first", "second", "msg"],
  assertNotAlmostEqual: ["first", "second", "msg"],
  assertNotAlmostEquals: ["first", "second", "msg"],
  assertNotEqual: ["first", "second", "msg"],
  assertNotEquals: ["first", "second", "msg"],
  assertNotIn: ["member", "container", "msg"],
  assertNotIsInstance: ["obj", "cls", "msg"],
  assertNotRegex: ["text", "regex", "msg"],
  assertNotRegexpMatches: ["text", "regex", "msg"],
  assertRegex: ["text", "regex", "msg"],
  assertRegexpMatches: ["text", "regex", "msg"],
  assertSequenceEqual: ["first", "second", "msg", "seq_type"],
  assertSetEqual: ["first", "second", "msg"],
  assertTrue: ["expr", "msg"],
  assertTupleEqual: ["first", "second", "msg"],
  assert_: ["expr", "msg"],
};

/** The `assert` each fixable method becomes: a comparison operator, or a shape of its own. */
const COMPARISONS: Record<string, string> = {
  assertEqual: "==",
  assertEquals: "==",
  failUnlessEqual: "==",
  assertNotEqual: "!=",
  assertNotEquals: "!=",
  failIfEqual: "!=",
  assertGreater: ">",
  assertGreaterEqual: ">=",
  assertLess: "<",
  assertLessEqual: "<=",
  assertIs: "is",
  assertIsNot: "is not",
  assertIn: "in",
  assertNotIn: "not in",
};
const TRUTH = new Set(["assertTrue", "failUnless"]);
const FALSITY = new Set(["assertFalse", "failIf"]);
const NONE_CHECKS: Record<string, string> = { assertIsNone: "is", assertIsNotNone: "is not" };
const INSTANCE_CHECKS: Record<string, boolean> = { assertIsInstance: true, assertNotIsInstance: false };
const REGEX_CHECKS: Record<string, boolean> = {
  assertRegex: true,
  assertRegexpMatches: true,
  assertNotRegex: false,
  assertNotRegexpMatches: false,
};

/** Operands that bind looser than a comparison (or chain with it) and need parentheses. */
const LOOSE = new Set([
  "comparison_operator",
  "not_operator",
  "boolean_operator",
  "conditional_expression",
  "lambda",
  "named_expression",
  "yield",
]);
/** Expressions that keep their own brackets around line breaks. */
const BRACKETED = new Set([
  "parenthesized_expression",
  "tuple",
  "list",
  "dictionary",
  "set",
  "list_comprehension",
  "dictionary_comprehension",
  "set_comprehension",
  "generator_expression",
]);

function operand(ctx: CheckContext, node: SyntaxNode, loose: ReadonlySet<string>): string {
  const text = ctx.text(node);
  if (loose.has(node.type)) return `(${text})`;
  if (text.includes("\n") && !BRACKETED.has(node.type)) return `(${text})`;
  return text;
}

/** `self.assertX(a, b, msg=m)` as `{first: a, second: b, msg: m}`; null for `*args`, unknown or extra arguments. */
function argumentMap(call: SyntaxNode, spec: readonly string[]): Map<string, SyntaxNode> | null {
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return null;
  const map = new Map<string, SyntaxNode>();
  let index = 0;
  for (const arg of args.namedChildren) {
    if (arg.type === "comment") continue;
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") return null;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text ?? "";
      const value = arg.childForFieldName("value");
      if (!value || !spec.includes(name) || map.has(name)) return null;
      map.set(name, value);
    } else {
      const name = spec[index++];
      if (!name || map.has(name)) return null;
      map.set(name, arg);
    }
  }
  return map;
}

/** Whether `name` at `node` is the builtin / the module `re` (not rebound in this file). */
function isBuiltinName(ctx: CheckContext, name: string, at: SyntaxNode): boolean {
  return ctx.names.lookup(name, at) === undefined;
}

function isReModule(ctx: CheckContext, at: SyntaxNode): boolean {
  const binding = ctx.names.lookup("re", at);
  return binding?.kind === "import" && binding.qualified === "re";
}

function hasCallOrAwait(node: SyntaxNode): boolean {
  return node.descendantsOfType(["call", "await", "yield"]).length > 0;
}

/** The `assert` statement that replaces the call, or null when there is no equivalent one. */
function replacement(ctx: CheckContext, method: string, call: SyntaxNode): string | null {
  const args = argumentMap(call, METHODS[method]!);
  if (!args) return null;
  const used = new Set<string>(["msg"]);
  const arg = (name: string): SyntaxNode | null => {
    used.add(name);
    return args.get(name) ?? null;
  };
  let test: string | null = null;
  const comparison = COMPARISONS[method];
  if (comparison) {
    const [first, second] = [arg("first") ?? arg("member"), arg("second") ?? arg("container")];
    if (!first || !second) return null;
    test = `${operand(ctx, first, LOOSE)} ${comparison} ${operand(ctx, second, LOOSE)}`;
  } else if (TRUTH.has(method) || FALSITY.has(method)) {
    const expr = arg("expr");
    if (!expr) return null;
    const truthLoose = new Set(["named_expression", "lambda", "yield"]);
    test = TRUTH.has(method)
      ? operand(ctx, expr, truthLoose)
      : `not ${operand(ctx, expr, new Set(["boolean_operator", "conditional_expression", ...truthLoose]))}`;
  } else if (method in NONE_CHECKS) {
    const expr = arg("expr");
    if (!expr) return null;
    test = `${operand(ctx, expr, LOOSE)} ${NONE_CHECKS[method]} None`;
  } else if (method in INSTANCE_CHECKS) {
    const [obj, cls] = [arg("obj"), arg("cls")];
    if (!obj || !cls || !isBuiltinName(ctx, "isinstance", call)) return null;
    const inner = `isinstance(${operand(ctx, obj, new Set(["named_expression", "yield"]))}, ${operand(ctx, cls, new Set(["named_expression", "yield"]))})`;
    test = INSTANCE_CHECKS[method] ? inner : `not ${inner}`;
  } else if (method in REGEX_CHECKS) {
    const [text, regex] = [arg("text"), arg("regex")];
    // `re.search(regex, text)` evaluates the arguments in the other order: only for plain values.
    if (!text || !regex || !isReModule(ctx, call) || hasCallOrAwait(text) || hasCallOrAwait(regex)) return null;
    const inner = `re.search(${operand(ctx, regex, new Set(["named_expression"]))}, ${operand(ctx, text, new Set(["named_expression"]))})`;
    test = REGEX_CHECKS[method] ? inner : `not ${inner}`;
  }
  if (test === null) return null;
  // Arguments the `assert` would drop (`places=`, `delta=`, a misplaced extra one) change the meaning.
  for (const name of args.keys()) if (!used.has(name)) return null;
  const msg = args.get("msg");
  return msg ? `assert ${test}, ${operand(ctx, msg, new Set(["named_expression", "yield"]))}` : `assert ${test}`;
}

export default defineCheck({
  id: "unittest-assertion",
  codes: ["PT009"],
  category: "testing",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "assertions are plain `assert`s rather than unittest methods" },
  fix: "sometimes",
  appliesTo: "tests",
  docs: {
    summary: "A unittest assertion method (`self.assertEqual(a, b)`) in tests run by pytest.",
    why: "pytest rewrites plain `assert` statements to show both sides and the sub-expressions when they fail; `assert a == b` reads as what it checks and needs no method name to remember. The unittest methods only make sense where unittest runs the tests.",
    bad: "import pytest\nimport unittest\n\nclass TestParse(unittest.TestCase):\n    def test_sum(self):\n        self.assertEqual(parse('1 + 2'), 3)\n",
    good: "def test_sum():\n    assert parse('1 + 2') == 3\n",
    fixSafety:
      "Offered for a call that is a whole statement, without comments, whose method has a plain `assert` form with the same outcome (`assertEqual` → `==`, `assertIsNone` → `is None`, `assertIsInstance` → `isinstance()`, `assertRegex` → `re.search()` when `re` is imported) and no extra arguments such as `places=`. The fix is unsafe, as in Ruff: the failure message changes to pytest's, and like every `assert` the check is skipped under `python -O`.",
    differences:
      "Ruff reports the methods wherever they are called. peptalk looks at test files only, and only at files written for pytest (they import pytest): in a unittest-style module, even in a project that runs pytest, the unittest methods are the team's choice, and converting them is a migration rather than a review point. Ruff also rewrites `assertRegex` without checking that `re` is imported and drops extra positional arguments; peptalk offers no fix then.",
  },
  create(ctx): Visitors {
    if (!/\.(?:assert|fail)/.test(ctx.source)) return {};
    // A file written for pytest (it imports pytest) that still calls unittest's methods: a
    // unittest-style file in a pytest project is the team's choice, not a review point.
    if (!/^[ \t]*(?:import|from)[ \t]+pytest\b/m.test(ctx.source)) return {};
    return {
      assert_statement(node) {
        ctx.follows(node);
      },
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute") return;
        const attr = fn.childForFieldName("attribute");
        const method = attr?.text ?? "";
        if (!Object.prototype.hasOwnProperty.call(METHODS, method)) return;
        let fix = null;
        // Ruff's condition: the call (perhaps parenthesized) is the whole expression statement.
        let target: SyntaxNode = call;
        while (target.parent?.type === "parenthesized_expression") target = target.parent;
        const statement = target.parent;
        if (
          statement?.type === "expression_statement" &&
          statement.namedChildCount === 1 &&
          unparenthesize(target).id === call.id
        ) {
          const text = target.descendantsOfType("comment").length === 0 ? replacement(ctx, method, call) : null;
          if (text)
            fix = {
              title: `Replace \`${method}(...)\` with \`assert\``,
              edits: [ctx.edits.replace(target, text)],
              safety: "unsafe" as const,
              unsafeReason: "a plain `assert` is skipped under `python -O`, and its failure message differs",
            };
        }
        ctx.report({
          node: fn,
          message: `Use a plain \`assert\` instead of \`${method}()\`: pytest reports the values itself when it fails`,
          fix,
        });
      },
    };
  },
});

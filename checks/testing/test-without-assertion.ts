import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, dottedParts } from "../../src/engine/ast.js";
import { PYTHON_BUILTINS } from "../../src/engine/names.js";
import { nameOf, owningClass } from "../../src/engine/definitions.js";
import {
  baseNodes,
  classMarks,
  decoratorCallee,
  decoratorMarks,
  decoratorNames,
  decoratorNodes,
  inheritsTestCase,
  isPlaceholderBody,
  localClass,
  localClassNamed,
  moduleMarks,
  parameterNames,
  testFunctions,
} from "./_pytest.js";
import { firstAtOrAfter } from "../../src/engine/text.js";

/** Helpers whose name says they check something: `assert_valid`, `self.checkEqual`, `expect(...)`. */
const ASSERTING_NAME = /^_*(?:assert|check|expect|verify|validate|ensure|fail|skip)(?![a-z])/;
/** Helpers of other modules named for testing: `enum._test_simple_enum(...)`, `run_test(...)`. */
const TESTING_HELPER = /^_*(?:do_|run_)?test(?:_|[A-Z]|$)/;
const ASSERTING_ATTRIBUTES = new Set([
  "raises",
  "warns",
  "deprecated_call",
  "importorskip",
  "xfail",
  "raise_for_status",
]);
/** unittest.TestCase methods that check nothing themselves. */
const TESTCASE_PLAIN = new Set([
  "subTest",
  "addCleanup",
  "enterContext",
  "id",
  "shortDescription",
  "setUp",
  "tearDown",
  "doCleanups",
  "addTypeEqualityFunc",
  "countTestCases",
  "defaultTestResult",
]);
/** Fixtures that assert for the test (snapshots, benchmarks, mocked HTTP that checks its calls, ...). */
const ASSERTING_FIXTURE = /snapshot|benchmark|regression|approv|verif|mock|responses|expect|assert|check/i;
/** Decorators that skip the test, expect it to fail, or generate and check inputs. */
const EXEMPT_DECORATOR =
  /(?:^|\.)(?:skip|expectedFailure|given|example|settings)$|^pytest\.mark\.(?:skip|xfail|benchmark)$|snapshot|benchmark|raises|expect|assert|check|verify/;
const SKIP_MARKS = new Set(["skip", "xfail"]);

/** A module of test helpers: `test.support.os_helper`, `tests.utils`, `conftest`, ... */
const SUPPORT_MODULE =
  /^(?:tests?|testing|support|helpers?|fixtures?|conftest|utils?|\w+_helpers?|test_\w+|\w+_tests?)$/;

/**
 * `support.wait_process(pid, exitcode=0)`: a call of a test-helper module whose result is
 * dropped is done for its effect, and checking is a likely one.
 */
function supportHelperStatement(call: SyntaxNode, qualified: string): boolean {
  if (call.parent?.type !== "expression_statement") return false;
  return qualified
    .split(".")
    .slice(0, -1)
    .some((part) => SUPPORT_MODULE.test(part));
}

/** A callee that is a plain dotted name right before its `(`: `f(`, `self.check(`, `pkg.mod.f(`. */
const DOTTED_CALLEE = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(/y;
/** Words that look like names but are not `identifier` nodes (`True()`), or may not parse as calls. */
const KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

/** What `callAsserts` needs to know about a callee, read from the tree or from the source. */
interface Callee {
  /** `f` of `f(...)`, `check` of `obj.check(...)`. */
  name: string;
  /** The callee's text, for a callee without an object. */
  text: string;
  /** The object of an attribute callee: its name when it is an identifier, whether it is `super()`. */
  object: { identifier: string | null; isSuper: boolean } | null;
  /** The callee's node, when it was read from the tree. */
  node: SyntaxNode | null;
  /** `a.b.c` → ["a","b","c"], when it was read from the source. */
  parts: string[] | null;
}

/** `a.b.c` → ["a","b","c"]; null when the callee is not a plain dotted name. */
function dottedCallee(callee: Callee): string[] | null {
  return callee.parts ?? (callee.node && dottedParts(callee.node));
}

/** What a body is searched for: `yield` because a generator test or helper is not something to judge. */
const BODY_TYPES = ["assert_statement", "raise_statement", "yield", "call"];

/** A call whose name alone says it checks: `self.assertEqual(...)`, `check_output(...)`, `run_test(...)`. */
function assertsByName({ name, object }: Callee): boolean {
  if (ASSERTING_NAME.test(name) || ASSERTING_ATTRIBUTES.has(name)) return true;
  const onSelf = object?.identifier === "self" || object?.identifier === "cls";
  return TESTING_HELPER.test(name) && !onSelf;
}

class AssertionFinder {
  private readonly memo = new Map<number, boolean>();
  /** Without syntax errors, the source text after a call's start says what its callee is. */
  private readonly clean: boolean;
  /** BODY_TYPES nodes of the whole file in document order, and where each starts. */
  private fileNodes: { nodes: readonly SyntaxNode[]; starts: number[] } | null = null;

  constructor(private readonly ctx: CheckContext) {
    this.clean = !ctx.tree.rootNode.hasError;
  }

  /** Whether calling `def` checks something (directly or through helpers of this file). */
  defAsserts(def: SyntaxNode): boolean {
    const known = this.memo.get(def.id);
    if (known !== undefined) return known;
    // Recursion: assume the helper checks until proven otherwise.
    this.memo.set(def.id, true);
    const result = this.bodyAsserts(def.childForFieldName("body"), owningClass(def));
    this.memo.set(def.id, result);
    return result;
  }

  bodyAsserts(body: SyntaxNode | null, klass: SyntaxNode | null): boolean {
    if (!body) return false;
    const nodes = this.nodesIn(body);
    if (nodes.some((n) => n.type !== "call")) return true;
    // Only calls from here on. Most tests call `self.assert*()` or `check_*()` somewhere:
    // settled by the names alone, before any call is resolved (which takes the file's scope
    // analysis). Which call is asked first does not change the answer: each call's answer is
    // fixed by the file (helpers are memoized, and one reached again while being judged counts
    // as asserting, whatever the order).
    const callees: (Callee | null)[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const callee = this.calleeFromSource(nodes[i]!, nodes[i + 1]);
      if (callee && assertsByName(callee)) return true;
      callees.push(callee);
    }
    return nodes.some((call, i) => {
      const callee = callees[i] ?? this.calleeFromTree(call);
      // `getattr(self, name)()`, `factory()()`: unknown
      if (callee === "unknown") return true;
      return callee !== null && this.callAsserts(call, callee, klass);
    });
  }

  /**
   * `body.descendantsOfType(BODY_TYPES)`, from one list for the whole file: a body's
   * descendants are the nodes that start inside it (none of these types is a block's ancestor,
   * and in a tree without errors none is empty), so only the body's end is asked of the tree.
   */
  private nodesIn(body: SyntaxNode): readonly SyntaxNode[] {
    if (!this.clean) return body.descendantsOfType(BODY_TYPES);
    if (!this.fileNodes) {
      const nodes = this.ctx.tree.rootNode.descendantsOfType(BODY_TYPES);
      this.fileNodes = { nodes, starts: nodes.map((n) => n.startIndex) };
    }
    const { nodes, starts } = this.fileNodes;
    return nodes.slice(firstAtOrAfter(starts, body.startIndex), firstAtOrAfter(starts, body.endIndex));
  }

  /**
   * The callee read from the source when it is a plain dotted name right before its `(`: a
   * test body has hundreds of calls, and asking the tree for each callee's parts costs several
   * native calls. `next` is the node after the call in document order: a callee holding a
   * call that starts where the call starts (`f(x)(y)`, `a.b(x).c()`) is followed by that call.
   */
  private calleeFromSource(call: SyntaxNode, next: SyntaxNode | undefined): Callee | null {
    const start = call.startIndex;
    if (!this.clean || next?.startIndex === start) return null;
    DOTTED_CALLEE.lastIndex = start;
    const match = DOTTED_CALLEE.exec(this.ctx.source);
    if (!match) return null;
    const text = match[1]!;
    const parts = text.split(".");
    if (parts.some((p) => KEYWORDS.has(p))) return null;
    return {
      name: parts[parts.length - 1]!,
      text,
      object: parts.length === 1 ? null : { identifier: parts.length === 2 ? parts[0]! : null, isSuper: false },
      node: null,
      parts,
    };
  }

  /** The callee as the tree has it; null when there is none, "unknown" when it is not a dotted name. */
  private calleeFromTree(call: SyntaxNode): Callee | "unknown" | null {
    const fn = call.childForFieldName("function");
    if (!fn) return null;
    if (fn.type === "identifier") return { name: fn.text, text: fn.text, object: null, node: fn, parts: null };
    if (fn.type !== "attribute") return "unknown";
    const object = fn.childForFieldName("object");
    return {
      name: fn.childForFieldName("attribute")?.text ?? "",
      text: fn.text,
      object: object && {
        identifier: object.type === "identifier" ? object.text : null,
        isSuper: object.type === "call" && object.childForFieldName("function")?.text === "super",
      },
      node: fn,
      parts: null,
    };
  }

  private callAsserts(call: SyntaxNode, callee: Callee, klass: SyntaxNode | null): boolean {
    if (assertsByName(callee)) return true;
    const { name, object } = callee;
    const onSelf = object?.identifier === "self" || object?.identifier === "cls";
    if (this.argumentsAssert(call)) return true;
    if (!object) return this.nameCallAsserts(callee.text, call);
    if (onSelf) {
      if (!klass) return true;
      const method = findMethod(this.ctx, klass, name);
      if (method === "unknown") return !TESTCASE_PLAIN.has(name);
      return this.defAsserts(method);
    }
    // `super().check_all()`: the parent's helper, unknown here.
    if (object.isSuper) return true;
    // `Helpers.run(self, ...)`: a class of this file.
    const local = object.identifier === null ? null : localClassNamed(this.ctx, object.identifier);
    if (local) {
      const method = findMethod(this.ctx, local, name);
      return method === "unknown" ? false : this.defAsserts(method);
    }
    const qualified = importedName(this.ctx, dottedCallee(callee));
    return !!qualified && supportHelperStatement(call, qualified);
  }

  /** `subprocess.run(..., check=True)` raises on failure; `helper(self, ...)` gets the test case to assert with. */
  private argumentsAssert(call: SyntaxNode): boolean {
    const text = this.ctx.text(call);
    if (!text.includes("self") && !text.includes("check")) return false;
    const { positional, keywords } = callArguments(call);
    if (keywords.get("check")?.type === "true") return true;
    return [...positional, ...keywords.values()].some((a) => a.type === "identifier" && a.text === "self");
  }

  private nameCallAsserts(name: string, call: SyntaxNode): boolean {
    const moduleDef = moduleFunctions(this.ctx).get(name);
    if (moduleDef) return this.defAsserts(moduleDef);
    const moduleBinding = this.ctx.names.module.get(name);
    if (moduleBinding?.kind === "import") return supportHelperStatement(call, moduleBinding.qualified);
    if (!moduleBinding && PYTHON_BUILTINS.has(name)) return false;
    const binding = this.ctx.names.lookup(name, call);
    if (!binding) return false;
    if (binding.kind === "outer") return true;
    if (binding.kind === "import") return supportHelperStatement(call, binding.qualified);
    const definition = binding.node.parent;
    if (definition?.type === "function_definition" && definition.childForFieldName("name")?.id === binding.node.id)
      return this.defAsserts(definition);
    if (definition?.type === "class_definition") return false;
    // A parameter (a fixture factory), a variable holding a function: unknown.
    return true;
  }
}

const moduleFunctionsCache = new WeakMap<object, Map<string, SyntaxNode>>();

/** Module-level functions of the file by name. */
function moduleFunctions(ctx: CheckContext): Map<string, SyntaxNode> {
  let map = moduleFunctionsCache.get(ctx.tree);
  if (!map) {
    map = new Map();
    for (const statement of ctx.tree.rootNode.namedChildren) {
      const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
      if (def?.type === "function_definition") map.set(nameOf(def), def);
    }
    moduleFunctionsCache.set(ctx.tree, map);
  }
  return map;
}

/** `os_helper.temp_dir` → "test.support.os_helper.temp_dir" when the head is a module-level import. */
function importedName(ctx: CheckContext, parts: string[] | null): string | null {
  if (!parts) return null;
  const binding = ctx.names.module.get(parts[0]!);
  return binding?.kind === "import" ? [binding.qualified, ...parts.slice(1)].join(".") : null;
}

const methodCache = new WeakMap<object, Map<number, Map<string, SyntaxNode | "unknown">>>();

/** The def named `name` in a class or its same-file bases; "unknown" when it is not there. */
function findMethod(ctx: CheckContext, klass: SyntaxNode, name: string): SyntaxNode | "unknown" {
  let perTree = methodCache.get(ctx.tree);
  if (!perTree) methodCache.set(ctx.tree, (perTree = new Map()));
  let perClass = perTree.get(klass.id);
  if (!perClass) perTree.set(klass.id, (perClass = new Map()));
  let found = perClass.get(name);
  if (found === undefined) perClass.set(name, (found = searchMethod(ctx, klass, name)));
  return found;
}

function searchMethod(
  ctx: CheckContext,
  klass: SyntaxNode,
  name: string,
  seen = new Set<number>(),
): SyntaxNode | "unknown" {
  if (seen.has(klass.id)) return "unknown";
  seen.add(klass.id);
  for (const statement of klass.childForFieldName("body")?.namedChildren ?? []) {
    const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (def?.type === "function_definition" && nameOf(def) === name) return def;
    // `check = staticmethod(_check)`, `helper = other_helper`: not followed.
    if (statement.type === "expression_statement" && statement.namedChild(0)?.type === "assignment") {
      const left = statement.namedChild(0)!.childForFieldName("left");
      if (left?.type === "identifier" && left.text === name) return "unknown";
    }
  }
  for (const base of baseNodes(klass)) {
    const local = localClass(ctx, base);
    if (!local) continue;
    const found = searchMethod(ctx, local, name, seen);
    if (found !== "unknown") return found;
  }
  return "unknown";
}

/** The test says it only checks that nothing raises: in its name, a comment or its docstring. */
const SMOKE_NAME =
  /_twice$|twice_|idempoten|no_?(?:exception|error|crash|fail)|not_?(?:raise|crash|fail|hang)|doesnt_?(?:raise|crash|fail|hang)|smoke|runs?_?without|crash|segfault|leak|use_?after_?free|deadlock|(?:bug|issue|bpo|gh)_?\d{3,}/i;
/** Comments and docstrings that state the test only checks that nothing goes wrong. */
const SMOKE_TEXT = new RegExp(
  [
    "crash|segfault|smoke|deadlock|\\bhangs?\\b|stack overflow|leak|exercis",
    "n[o']t (?:raise|fail|error|blow up)|no (?:exception|error)s?\\b",
    "without (?:raising|crashing|failing|(?:an? |any )?(?:error|exception)s?\\b)",
    "(?:error|exception|raise)s? (?:is|are)n't raised|should(?:n't| not) (?:raise|fail|error)",
    "(?:should|must|can) (?:be (?:possible|able|allowed)|work|succeed)",
    "(?:runs|works) without|still works?\\b|(?:is|it's|are) (?:okay|ok|fine|allowed|legal)\\b",
    "used to (?:\\w+ )?(?:raise|fail|crash|hang|error|segfault)|would (?:\\w+ )?(?:raise|fail|crash|hang|assert)",
    "(?:did(?:n't| not)|does(?:n't| not)) work",
    "(?:shouldn't|should not|mustn't|must not|won't|will not) (?:\\w+ ){0,3}(?:fail|raise|error|exception|crash)",
    "only (?:checks?|tests?|verif\\w*|ensures?) that|(?:check|test|verify|ensure)s? only that|successful|\\bcover(?:s|age)?\\b",
    // A regression test naming its issue: in a test without assertions, the issue was a crash.
    "\\b(?:issue|bpo|gh|bug)[- #:]*\\d{3,}",
    // A documented no-op: "and nothing should happen", "does nothing".
    "nothing (?:\\w+ ){0,2}happens?\\b|do(?:es)? nothing|\\bno-?op\\b|is (?:a )?harmless",
    // A regression test whose comment names what used to go wrong or what would raise.
    "used to cause|will raise (?:an? )?(?:exception|error)|(?:ensures?|makes? sure) (?:that )?no\\b",
  ].join("|"),
  "i",
);

function statesSmokeTest(ctx: CheckContext, def: SyntaxNode): boolean {
  if (SMOKE_NAME.test(nameOf(def))) return true;
  const body = def.childForFieldName("body");
  if (!body) return false;
  // Comments of the test (joined: a sentence often runs over several lines) and the one above it.
  const comments = def.descendantsOfType("comment").map((c) => c.text.replace(/^#+\s*/, ""));
  const outer = def.parent?.type === "decorated_definition" ? def.parent : def;
  for (let prev = outer.previousNamedSibling; prev?.type === "comment"; prev = prev.previousNamedSibling)
    comments.unshift(prev.text.replace(/^#+\s*/, ""));
  if (SMOKE_TEXT.test(comments.join(" "))) return true;
  const first = body.namedChildren.find((c) => c.type !== "comment");
  const doc = first?.type === "expression_statement" ? first.namedChild(0) : null;
  if (
    doc &&
    (doc.type === "string" || doc.type === "concatenated_string") &&
    SMOKE_TEXT.test(doc.text.replace(/\s+/g, " "))
  )
    return true;
  // `self.do_test_no_exception(...)`: the helper's name says it.
  return body.descendantsOfType("call").some((call) => {
    const fn = call.childForFieldName("function");
    const name = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
    return !!name && SMOKE_NAME.test(name);
  });
}

/** A decorator defined in this file that checks something itself (`@jump_test(...)`, `@ClosedFD`). */
function assertingDecorator(ctx: CheckContext, finder: AssertionFinder, def: SyntaxNode): boolean {
  return decoratorNodes(def).some((d) => {
    const callee = decoratorCallee(d);
    if (callee?.type !== "identifier") return false;
    const binding = ctx.names.lookup(callee.text, callee);
    const target = binding?.kind === "local" ? binding.node.parent : null;
    return target?.type === "function_definition" && finder.defAsserts(target);
  });
}

/** Context managers that fail the test themselves: `warns_deprecated_sympy()`, `ExpectLog(...)`, `assertLogs()`. */
const ASSERTING_MANAGER = /raises|warns|expect|assert|check|deprecat/i;

function usesAssertingManager(body: SyntaxNode | null): boolean {
  return (body?.descendantsOfType("with_item") ?? []).some((item) => {
    let value = item.childForFieldName("value") ?? item.namedChild(0);
    if (value?.type === "as_pattern") value = value.namedChild(0);
    const fn = value?.type === "call" ? value.childForFieldName("function") : null;
    const name = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.text;
    return !!name && ASSERTING_MANAGER.test(name);
  });
}

/** `return d` of a Deferred or awaitable: the runner waits for it, and its callbacks assert (Twisted trial). */
function returnsValue(body: SyntaxNode | null): boolean {
  return (body?.descendantsOfType("return_statement") ?? []).some((r) => {
    if (r.namedChildren.filter((c) => c.type !== "comment").length === 0) return false;
    for (let cur = r.parent; cur && cur.id !== body!.id; cur = cur.parent)
      if (cur.type === "function_definition" || cur.type === "lambda" || cur.type === "class_definition") return false;
    return true;
  });
}

function exempt(ctx: CheckContext, finder: AssertionFinder, def: SyntaxNode): boolean {
  const body = def.childForFieldName("body");
  // A method (trial/unittest style): pytest functions returning a value are a mistake, not a Deferred.
  if (owningClass(def) && returnsValue(body)) return true;
  if (usesAssertingManager(body)) return true;
  if (isPlaceholderBody(body)) return true;
  // Only code that runs something can be missing a check (grammar tests run no calls).
  if (body && body.descendantsOfType("call").length === 0) return true;
  if (decoratorNames(ctx, def).some((name) => EXEMPT_DECORATOR.test(name))) return true;
  if (assertingDecorator(ctx, finder, def)) return true;
  if (statesSmokeTest(ctx, def)) return true;
  if (decoratorMarks(ctx, def).some((m) => SKIP_MARKS.has(m))) return true;
  const params = parameterNames(def);
  if (params.some((p) => ASSERTING_FIXTURE.test(p))) return true;
  const klass = owningClass(def);
  if (klass) {
    // unittest passes no arguments: a decorator calls this test and checks what it does.
    if (inheritsTestCase(ctx, klass) && params.length > 1) return true;
    if (decoratorNames(ctx, klass).some((name) => EXEMPT_DECORATOR.test(name))) return true;
    if ([...decoratorMarks(ctx, klass), ...classMarks(ctx, klass)].some((m) => SKIP_MARKS.has(m))) return true;
  }
  return moduleMarks(ctx).some((m) => SKIP_MARKS.has(m));
}

export default defineCheck({
  id: "test-without-assertion",
  codes: [],
  category: "testing",
  // Off by default: on mature code its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary:
      "A test that asserts nothing: no `assert`, `pytest.raises`, `self.assert*()`, mock `assert_*()` or checking helper.",
    why: "A test without an assertion passes whenever the code under test does not raise: it cannot catch a wrong result, and it reads as coverage that is not there. Assert on the outcome; when not raising really is the point, `pytest.raises`/a comment says so.",
    bad: "def test_parse():\n    parse('1 + 2')\n",
    good: "def test_parse():\n    assert parse('1 + 2') == 3\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("def test")) return {};
    // `_test_warnings.py`: a helper module another test runs and asserts on (its output, its warnings).
    if (/(^|\/)_test\w*\.py$/.test(ctx.path)) return {};
    return {
      module() {
        const finder = new AssertionFinder(ctx);
        for (const def of testFunctions(ctx)) {
          const klass = owningClass(def);
          // Most tests assert early: look for that first, the exemptions after.
          if (finder.bodyAsserts(def.childForFieldName("body"), klass)) continue;
          // Threaded socket tests: `testSend` runs with a client half `_testSend` that asserts.
          const companion = klass && findMethod(ctx, klass, `_${nameOf(def)}`);
          if (companion && companion !== "unknown" && finder.defAsserts(companion)) continue;
          if (exempt(ctx, finder, def)) continue;
          const name = def.childForFieldName("name")!;
          ctx.report({
            node: name,
            message: `\`${name.text}\` asserts nothing: it passes as long as the code does not raise`,
          });
        }
      },
    };
  },
});

// What the testing checks share: which defs are tests, which classes are test classes,
// decorators and pytest marks, and whether the project runs its tests with pytest at all.
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext } from "../../src/engine/check.js";
import type { ProjectContext } from "../../src/engine/project.js";
import { dottedParts, enclosingFunction } from "../../src/engine/ast.js";
import { isModuleLevel, nameOf, owningClass } from "../../src/engine/definitions.js";

/** pytest's default `python_functions = test`, read as `test`, `test_x` or `testX` (not `testdata`). */
export const TEST_NAME = /^test(?:_|[A-Z0-9]|$)/;

/** The def or class as it sits in its block: the decorated_definition around it, if any. */
export function outerNode(def: SyntaxNode): SyntaxNode {
  return def.parent?.type === "decorated_definition" ? def.parent : def;
}

export function decoratorNodes(def: SyntaxNode): SyntaxNode[] {
  const parent = def.parent;
  return parent?.type === "decorated_definition" ? parent.namedChildren.filter((c) => c.type === "decorator") : [];
}

/** `@pytest.fixture(scope=...)` → the `pytest.fixture` node; `@skip` → `skip`. */
export function decoratorCallee(decorator: SyntaxNode): SyntaxNode | null {
  const expr = decorator.namedChildren.find((c) => c.type !== "comment") ?? null;
  if (!expr) return null;
  return expr.type === "call" ? expr.childForFieldName("function") : expr;
}

/** What a decorator (or any callee) names: resolved through imports, else its dotted text. */
export function calleeName(ctx: CheckContext, callee: SyntaxNode | null): string | null {
  if (!callee) return null;
  return ctx.qualifiedName(callee) ?? dottedParts(callee)?.join(".") ?? null;
}

export function decoratorNames(ctx: CheckContext, def: SyntaxNode): string[] {
  return decoratorNodes(def).flatMap((d) => {
    const name = calleeName(ctx, decoratorCallee(d));
    return name ? [name] : [];
  });
}

export function isPytestFixture(ctx: CheckContext, def: SyntaxNode): boolean {
  return decoratorNodes(def).some((d) => {
    const callee = decoratorCallee(d);
    const name = callee && ctx.qualifiedName(callee);
    return name === "pytest.fixture" || name === "pytest.yield_fixture";
  });
}

/** The pytest marks (`asyncio`, `skip`, ...) applied by decorators of a def or class. */
export function decoratorMarks(ctx: CheckContext, node: SyntaxNode): string[] {
  return decoratorNodes(node).flatMap((d) => {
    const callee = decoratorCallee(d);
    const name = callee && ctx.qualifiedName(callee);
    return name?.startsWith("pytest.mark.") ? [name.slice("pytest.mark.".length)] : [];
  });
}

/** Marks a module applies to all its tests with `pytestmark = pytest.mark.x` or a list of marks. */
export function moduleMarks(ctx: CheckContext): string[] {
  return assignedMarks(ctx, ctx.tree.rootNode);
}

/** Marks a class body assigns with `pytestmark = ...`. */
export function classMarks(ctx: CheckContext, klass: SyntaxNode): string[] {
  const body = klass.childForFieldName("body");
  return body ? assignedMarks(ctx, body) : [];
}

function assignedMarks(ctx: CheckContext, block: SyntaxNode): string[] {
  const marks: string[] = [];
  for (const statement of block.namedChildren) {
    const assignment = statement.type === "expression_statement" ? statement.namedChild(0) : null;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "pytestmark") continue;
    const value = assignment.childForFieldName("right");
    if (!value) continue;
    const items = value.type === "list" || value.type === "tuple" ? value.namedChildren : [value];
    for (const item of items) {
      const callee = item.type === "call" ? item.childForFieldName("function") : item;
      const name = callee && ctx.qualifiedName(callee);
      if (name?.startsWith("pytest.mark.")) marks.push(name.slice("pytest.mark.".length));
    }
  }
  return marks;
}

/** The base-class expressions of a class (not `metaclass=` and other keywords). */
export function baseNodes(klass: SyntaxNode): SyntaxNode[] {
  const supers = klass.childForFieldName("superclasses");
  return (supers?.namedChildren ?? []).filter((c) => c.type !== "keyword_argument" && c.type !== "comment");
}

export function hasKeywordBases(klass: SyntaxNode): boolean {
  const supers = klass.childForFieldName("superclasses");
  return (supers?.namedChildren ?? []).some((c) => c.type === "keyword_argument" || c.type.endsWith("splat"));
}

interface ModuleTests {
  /** Classes of the file by name (the last definition wins). */
  classes: Map<string, SyntaxNode>;
  /** Ids of classes whose `test*` methods a runner collects (or that are mixed into one). */
  testClasses: Set<number>;
  /** Per class id: whether its tests are collected in this project. */
  collects: Map<number, boolean>;
}

const testsCache = new WeakMap<object, ModuleTests>();

/** A same-file class a base expression names, when it is a plain name. */
export function localClass(ctx: CheckContext, base: SyntaxNode): SyntaxNode | null {
  if (base.type !== "identifier") return null;
  return localClassNamed(ctx, base.text);
}

/** The same-file class (not one local to a function) of that name. */
export function localClassNamed(ctx: CheckContext, name: string): SyntaxNode | null {
  return moduleTests(ctx).classes.get(name) ?? null;
}

/** Whether a class derives from a `...TestCase` class (unittest, Django, ...), following same-file bases. */
export function inheritsTestCase(ctx: CheckContext, klass: SyntaxNode, seen = new Set<number>()): boolean {
  if (seen.has(klass.id)) return false;
  seen.add(klass.id);
  return baseNodes(klass).some((base) => {
    const local = localClass(ctx, base);
    if (local) return inheritsTestCase(ctx, local, seen);
    const parts = dottedParts(base);
    return !!parts && /TestCase$/.test(parts[parts.length - 1]!);
  });
}

/**
 * Whether every base of a class is known: `object` or classes of this file whose bases are
 * known in turn. Anything imported might be a TestCase, a plugin base class, ...
 */
export function basesAllKnown(ctx: CheckContext, klass: SyntaxNode, seen = new Set<number>()): boolean {
  if (seen.has(klass.id)) return true;
  seen.add(klass.id);
  if (hasKeywordBases(klass)) return false;
  return baseNodes(klass).every((base) => {
    if (base.type === "identifier" && base.text === "object" && ctx.isBuiltin(base)) return true;
    const local = localClass(ctx, base);
    return !!local && basesAllKnown(ctx, local, seen);
  });
}

export function moduleTests(ctx: CheckContext): ModuleTests {
  const key = ctx.tree as object;
  const cached = testsCache.get(key);
  if (cached) return cached;
  const classes = new Map<string, SyntaxNode>();
  // Classes defined inside a function are local fixtures of that test, never collected.
  for (const klass of ctx.tree.rootNode.descendantsOfType("class_definition"))
    if (!enclosingFunction(klass)) classes.set(nameOf(klass), klass);
  const result: ModuleTests = { classes, testClasses: new Set(), collects: new Map() };
  testsCache.set(key, result);
  // Test classes: `Test*` (pytest) and TestCase subclasses (unittest).
  // A class inside another class is collected only by pytest, and only when named `Test*`:
  // unittest's loader looks at module attributes alone.
  for (const klass of classes.values()) {
    const isTestName = nameOf(klass).startsWith("Test");
    if (insideClass(klass)) {
      if (isTestName && pytestUsage(ctx) !== "no") result.testClasses.add(klass.id);
    } else if (isTestName || inheritsTestCase(ctx, klass)) result.testClasses.add(klass.id);
  }
  // Mixins: same-file bases of test classes hold tests that run in the subclass.
  let grew = true;
  while (grew) {
    grew = false;
    for (const klass of classes.values()) {
      if (!result.testClasses.has(klass.id)) continue;
      for (const base of baseNodes(klass)) {
        const local = localClass(ctx, base);
        if (local && !result.testClasses.has(local.id)) {
          result.testClasses.add(local.id);
          grew = true;
        }
      }
    }
  }
  return result;
}

function insideClass(node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) if (cur.type === "class_definition") return true;
  return false;
}

export function isTestClass(ctx: CheckContext, klass: SyntaxNode): boolean {
  return moduleTests(ctx).testClasses.has(klass.id);
}

/**
 * A test a runner collects: a `test*` method of a test class, or (when the project may run
 * pytest) a module-level `test*` function. unittest never collects module-level functions, so
 * in a project known not to use pytest a module-level `test_main()` is a helper.
 */
export function isTestFunction(ctx: CheckContext, def: SyntaxNode): boolean {
  if (def.type !== "function_definition" || !TEST_NAME.test(nameOf(def))) return false;
  return runnerCollects(ctx, def);
}

/** Whether a runner collects a def named like a test (see isTestFunction). */
function runnerCollects(ctx: CheckContext, def: SyntaxNode): boolean {
  const klass = owningClass(def);
  if (klass) return classCollects(ctx, klass);
  if (!isModuleLevel(def)) return false;
  return pytestUsage(ctx) !== "no";
}

/** Whether a runner collects the `test*` methods of a class (cached per class). */
function classCollects(ctx: CheckContext, klass: SyntaxNode): boolean {
  const tests = moduleTests(ctx);
  let known = tests.collects.get(klass.id);
  if (known === undefined) {
    // A `Test*` class that is not a TestCase is only collected by pytest.
    known =
      isTestClass(ctx, klass) &&
      (inheritsTestCase(ctx, klass) || !basesAllKnown(ctx, klass) || pytestUsage(ctx) !== "no" || isMixin(ctx, klass));
    tests.collects.set(klass.id, known);
  }
  return known;
}

function isMixin(ctx: CheckContext, klass: SyntaxNode): boolean {
  const name = nameOf(klass);
  for (const other of moduleTests(ctx).classes.values()) {
    if (other.id !== klass.id && baseNodes(other).some((b) => b.type === "identifier" && b.text === name)) return true;
  }
  return false;
}

const testFunctionsCache = new WeakMap<object, SyntaxNode[]>();

/** `def ` or `async def ` up to the name (what tree-sitter-python skips as spacing, line continuations included). */
const DEF_HEAD = /(?:async[\s\\\u0085\u180e\u200b\u2060]+)?def[\s\\\u0085\u180e\u200b\u2060]+/y;

/**
 * Whether a def's name matches TEST_NAME, read from the source after `def`: most defs of a file
 * are told apart by their first letters without asking the tree for the name. Null when the
 * text does not settle it (a name `test` or one with non-ASCII letters after `test`).
 */
function testNameFromSource(source: string, def: SyntaxNode): boolean | null {
  DEF_HEAD.lastIndex = def.startIndex;
  if (!DEF_HEAD.test(source)) return null;
  const at = DEF_HEAD.lastIndex;
  if (!source.startsWith("test", at)) return false;
  const next = source.charCodeAt(at + 4);
  if (next === 95 /* _ */ || (next >= 65 && next <= 90) || (next >= 48 && next <= 57)) return true;
  if (next >= 97 && next <= 122) return false;
  return null;
}

/** Every test function of the file, in document order (computed once per file for all checks). */
export function testFunctions(ctx: CheckContext): SyntaxNode[] {
  let tests = testFunctionsCache.get(ctx.tree);
  if (!tests) {
    // With syntax errors the text after `def` may not be the name the tree has.
    const readsSource = !ctx.tree.rootNode.hasError;
    tests = ctx.tree.rootNode.descendantsOfType("function_definition").filter((def) => {
      const named = readsSource ? testNameFromSource(ctx.source, def) : null;
      if (named === null) return isTestFunction(ctx, def);
      return named && runnerCollects(ctx, def);
    });
    testFunctionsCache.set(ctx.tree, tests);
  }
  return tests;
}

export type Usage = "yes" | "no" | "unknown";

const projectUsageCache = new WeakMap<ProjectContext, Usage>();

const PROJECT_TEXT_FILES = [
  "pyproject.toml",
  "setup.cfg",
  "tox.ini",
  "pytest.ini",
  "setup.py",
  "Pipfile",
  "noxfile.py",
];

/** Whether the project's files say it runs pytest: a config section, a dependency, a conftest. */
function projectUsage(project: ProjectContext): Usage {
  const cached = projectUsageCache.get(project);
  if (cached) return cached;
  let usage: Usage = "unknown";
  const texts = PROJECT_TEXT_FILES.map((p) => project.read(p));
  for (const path of project.paths ?? []) {
    if (/(^|\/)requirements[^/]*\.(txt|in)$/.test(path) || /(^|\/)requirements\/[^/]*\.(txt|in)$/.test(path))
      texts.push(project.read(path));
  }
  if (texts.some((t) => t !== undefined && /\bpytest\b/.test(t))) usage = "yes";
  else if (project.paths?.some((p) => /(^|\/)conftest\.py$/.test(p))) usage = "yes";
  else if (project.paths !== null) usage = "no";
  projectUsageCache.set(project, usage);
  return usage;
}

const fileUsageCache = new WeakMap<object, Usage>();

/**
 * Whether this file's tests run under pytest: "yes" when the file imports pytest or a test
 * takes fixtures, or the project declares pytest; "no" when the project's files are known and
 * none mentions pytest; "unknown" otherwise.
 */
export function pytestUsage(ctx: CheckContext): Usage {
  const key = ctx.tree as object;
  const cached = fileUsageCache.get(key);
  if (cached) return cached;
  let usage: Usage;
  // `includes` first: the multiline pattern tries every line of the file.
  if (ctx.source.includes("pytest") && /^[ \t]*(?:import|from)[ \t]+_?pytest\b/m.test(ctx.source)) usage = "yes";
  else usage = ctx.project ? projectUsage(ctx.project) : "unknown";
  fileUsageCache.set(key, usage);
  return usage;
}

/** A function body with only a docstring, `pass` and `...`: a placeholder. */
export function isPlaceholderBody(body: SyntaxNode | null): boolean {
  if (!body) return true;
  return body.namedChildren.every((s) => {
    if (s.type === "comment" || s.type === "pass_statement") return true;
    if (s.type !== "expression_statement" || s.namedChildCount !== 1) return false;
    const expr = s.namedChild(0)!;
    return expr.type === "ellipsis" || expr.type === "string" || expr.type === "concatenated_string";
  });
}

/** The statements of a block without comments. */
export function statementsOf(block: SyntaxNode | null): SyntaxNode[] {
  return (block?.namedChildren ?? []).filter((c) => c.type !== "comment");
}

/** The parameter names of a def (plain, typed, defaulted, `*args`, `**kwargs`). */
export function parameterNames(def: SyntaxNode): string[] {
  const params = def.childForFieldName("parameters");
  const names: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type === "identifier") names.push(p.text);
    else {
      const name = p.childForFieldName("name") ?? p.namedChildren.find((c) => c.type === "identifier");
      if (name?.type === "identifier") names.push(name.text);
    }
  }
  return names;
}

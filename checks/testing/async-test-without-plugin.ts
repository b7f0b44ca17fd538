import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { dottedParts } from "../../src/engine/ast.js";
import { nameOf, owningClass } from "../../src/engine/definitions.js";
import { parseIni } from "../../src/engine/outside/ini.js";
import { isTable, tableAt } from "../../src/engine/pyproject.js";
import {
  baseNodes,
  calleeName,
  classMarks,
  decoratorCallee,
  decoratorMarks,
  decoratorNodes,
  hasKeywordBases,
  inheritsTestCase,
  isTestFunction,
  localClass,
  moduleMarks,
  moduleTests,
  parameterNames,
  pytestUsage,
} from "./_pytest.js";

function isMixin(ctx: CheckContext, klass: SyntaxNode): boolean {
  const name = nameOf(klass);
  for (const other of moduleTests(ctx).classes.values())
    if (other.id !== klass.id && baseNodes(other).some((b) => b.type === "identifier" && b.text === name)) return true;
  return false;
}

/** Marks under which a plugin runs the coroutine. */
const ASYNC_MARKS = new Set([
  "asyncio",
  "anyio",
  "trio",
  "gen_test",
  "tornado",
  "twisted",
  "aiohttp",
  "asyncio_cooperative",
]);
/** Decorators that only select, skip or patch: they do not run a coroutine. */
const PLAIN_DECORATOR =
  /^(?:pytest\.mark\.\w+|unittest\.(?:skip\w*|expectedFailure)|(?:unittest\.mock|mock)\.patch(?:\.\w+)?)$/;
/** Plugins that run every coroutine test without a mark, or configs that may. */
const AUTO_PLUGINS =
  /tornasync|aiohttp|twisted|tornado|pytest[-_]trio|trio_mode|asyncio[-_]mode\s*=\s*["']?auto|pytest[-_]aio\b|asyncio_cooperative/i;
/** A conftest that could make coroutine tests run: plugins, hooks, async fixtures. */
const CONFTEST_SIGNS =
  /asyncio|anyio|trio|aiohttp|tornado|twisted|pytest_plugins|pytest_pyfunc_call|pytest_collection_modifyitems|pytest_pycollect_makeitem|pytest_runtest_call|pytest_itemcollected|coroutine|async\s+def/;
const CONFIG_FILES = ["pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg"];
/** Methods through which a TestCase subclass could run coroutines itself. */
const RUNNER_METHODS = new Set([
  "run",
  "debug",
  "_callTestMethod",
  "__call__",
  "__getattribute__",
  "__init_subclass__",
]);

type Verdict = "runs" | "never" | "unknown";

function str(value: unknown): string {
  return typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.join(" ")
      : value === undefined
        ? ""
        : String(value);
}

/**
 * Whether the project's pytest setup runs unmarked coroutine tests: "runs" (auto mode, a plugin
 * that runs them, anything that might), "never" (every config known and none does), "unknown".
 */
function projectVerdict(ctx: CheckContext): Verdict {
  const project = ctx.project;
  if (!project || project.paths === null) return "unknown";
  const paths = project.paths;
  const dir = ctx.path.includes("/") ? ctx.path.slice(0, ctx.path.lastIndexOf("/")) : "";
  const ancestors = [""];
  for (const part of dir.split("/").filter(Boolean)) ancestors.push(`${ancestors[ancestors.length - 1]}${part}/`);
  // pytest may take its config from a file below the root, which the checks cannot read.
  for (const a of ancestors.slice(1)) if (CONFIG_FILES.some((f) => paths.includes(`${a}${f}`))) return "unknown";
  for (const a of ancestors) {
    const conftest = `${a}conftest.py`;
    if (!paths.includes(conftest)) continue;
    const text = project.read(conftest);
    if (text === undefined || CONFTEST_SIGNS.test(text)) return "runs";
  }
  const options: string[] = [];
  const pyproject = project.pyproject;
  if (paths.includes("pyproject.toml") && !pyproject?.data) return "unknown";
  const tool = tableAt(pyproject?.data, ["tool"]);
  const ini = tableAt(tool, ["pytest", "ini_options"]);
  const native = tableAt(tool, ["pytest"]);
  for (const table of [ini, native]) {
    if (!table) continue;
    for (const [key, value] of Object.entries(table)) if (!isTable(value)) options.push(`${key}=${str(value)}`);
  }
  const sections: [string, string][] = [
    ["pytest.ini", "pytest"],
    ["tox.ini", "pytest"],
    ["setup.cfg", "tool:pytest"],
  ];
  for (const [file, section] of sections) {
    if (!paths.includes(file)) continue;
    const text = project.read(file);
    if (text === undefined) return "unknown";
    for (const [key, value] of parseIni(text).get(section) ?? []) options.push(`${key.replace(/-/g, "_")}=${value}`);
  }
  for (const option of options) {
    if (/^asyncio_mode=\s*["']?auto/i.test(option) || /^trio_mode=\s*(?:true|1|yes|on)/i.test(option)) return "runs";
    // `-p plugin` or `--asyncio-mode=auto` on the command line the config builds.
    if (/^addopts=/.test(option) && /(?:^|\s)-p\s*\S|asyncio[-_]mode[= ]\s*auto/.test(option.slice("addopts=".length)))
      return "runs";
  }
  const texts = [...CONFIG_FILES, "setup.py", "Pipfile"].map((f) => project.read(f));
  for (const p of paths) if (/(^|\/)requirements[^/]*\.(?:txt|in)$/.test(p)) texts.push(project.read(p));
  if (texts.some((t) => t !== undefined && AUTO_PLUGINS.test(t))) return "runs";
  return "never";
}

/** The unittest base the class chain ends in: "plain" (TestCase), "async" or "other". */
function unittestBase(ctx: CheckContext, klass: SyntaxNode, seen = new Set<number>()): "plain" | "async" | "other" {
  if (seen.has(klass.id)) return "other";
  seen.add(klass.id);
  if (!plainClass(klass)) return "other";
  let result: "plain" | "async" | "other" | null = null;
  for (const base of baseNodes(klass)) {
    const local = localClass(ctx, base);
    let kind: "plain" | "async" | "other" | null;
    // A mixin of this file: plain when it cannot take over running the test either.
    if (local)
      kind =
        inheritsTestCase(ctx, local) || !plainClass(local)
          ? unittestBase(ctx, local, seen)
          : mixinKind(ctx, local, seen);
    else {
      const name = ctx.qualifiedName(base) ?? dottedParts(base)?.join(".") ?? "";
      if (name === "unittest.TestCase" || name === "unittest.case.TestCase") kind = "plain";
      else if (/IsolatedAsyncioTestCase$/.test(name)) kind = "async";
      else if (name === "object") kind = null;
      else return "other";
    }
    if (kind === "async" || kind === "other") return kind;
    if (kind === "plain") result = "plain";
  }
  return result ?? "other";
}

/** No metaclass, no class decorator, no method that runs tests. */
function plainClass(klass: SyntaxNode): boolean {
  if (hasKeywordBases(klass) || decoratorNodes(klass).length > 0) return false;
  for (const statement of klass.childForFieldName("body")?.namedChildren ?? []) {
    const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (def?.type === "function_definition" && RUNNER_METHODS.has(nameOf(def))) return false;
  }
  return true;
}

/** A same-file mixin: null when it and its bases are plain classes of this file, else "other". */
function mixinKind(ctx: CheckContext, klass: SyntaxNode, seen: Set<number>): "other" | null {
  if (seen.has(klass.id)) return null;
  seen.add(klass.id);
  for (const base of baseNodes(klass)) {
    if (base.type === "identifier" && base.text === "object") continue;
    const local = localClass(ctx, base);
    if (!local || !plainClass(local) || inheritsTestCase(ctx, local) || mixinKind(ctx, local, seen)) return "other";
  }
  return null;
}

function runsUnderPlugin(ctx: CheckContext, def: SyntaxNode, klass: SyntaxNode | null): boolean {
  const marks = [...decoratorMarks(ctx, def), ...moduleMarks(ctx)];
  if (klass) marks.push(...decoratorMarks(ctx, klass), ...classMarks(ctx, klass));
  if (marks.some((m) => ASYNC_MARKS.has(m))) return true;
  // anyio runs any coroutine test that requests its backend fixture.
  if (parameterNames(def).some((p) => p === "anyio_backend")) return true;
  return false;
}

export default defineCheck({
  id: "async-test-without-plugin",
  codes: [],
  category: "testing",
  severity: "error",
  type: "bug",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary:
      "An `async def` test that nothing awaits: no pytest-asyncio/anyio/trio mode or mark for it, or a plain `unittest.TestCase`.",
    why: 'Calling an `async def` test only creates a coroutine. Without a plugin that runs it (pytest-asyncio\'s `asyncio_mode = "auto"` or `@pytest.mark.asyncio`, `@pytest.mark.anyio`, pytest-trio), pytest skips or fails it without running the body; a plain `unittest.TestCase` calls it, drops the coroutine and reports a pass. The assertions inside never run.',
    bad: "import unittest\n\nclass TestClient(unittest.TestCase):\n    async def test_fetch(self):\n        self.assertEqual(await fetch('/'), 200)\n",
    good: "import unittest\n\nclass TestClient(unittest.IsolatedAsyncioTestCase):\n    async def test_fetch(self):\n        self.assertEqual(await fetch('/'), 200)\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("async def")) return {};
    if (/\bpytest_(?:plugins|pyfunc_call|collection_modifyitems|pycollect_makeitem)\b/.test(ctx.source)) return {};
    let verdict: Verdict | undefined;
    return {
      function_definition(def) {
        if (!def.children.some((c) => c.type === "async") || !isTestFunction(ctx, def)) return;
        const klass = owningClass(def);
        // Wrapping decorators (`@async_test`, `@given`) may run the coroutine themselves.
        if (decoratorNodes(def).some((d) => !PLAIN_DECORATOR.test(calleeName(ctx, decoratorCallee(d)) ?? ""))) return;
        const name = def.childForFieldName("name")!;
        if (klass && inheritsTestCase(ctx, klass)) {
          if (unittestBase(ctx, klass) !== "plain") return;
          ctx.report({
            node: name,
            message: `\`${name.text}\` is a coroutine in a plain \`unittest.TestCase\`: it is never awaited and passes without running; derive from \`unittest.IsolatedAsyncioTestCase\``,
          });
          return;
        }
        // pytest must be what runs it; a mixin's tests run in the TestCase classes built from it.
        if (pytestUsage(ctx) !== "yes" || (klass && !nameOf(klass).startsWith("Test"))) return;
        if (klass && isMixin(ctx, klass)) return;
        if (runsUnderPlugin(ctx, def, klass)) return;
        verdict ??= projectVerdict(ctx);
        if (verdict !== "never") return;
        ctx.report({
          node: name,
          message: `\`${name.text}\` is \`async def\` but no plugin runs it (no \`asyncio_mode = "auto"\`, no \`asyncio\`/\`anyio\`/\`trio\` mark): pytest never runs its body`,
        });
      },
    };
  },
});

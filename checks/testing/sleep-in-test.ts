import type { SyntaxNode } from "tree-sitter";
import { explainedByComment } from "../../src/engine/comments.js";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { callArguments, walkScope } from "../../src/engine/ast.js";
import { nameOf, owningClass } from "../../src/engine/definitions.js";
import { isPytestFixture, isTestClass, isTestFunction, outerNode } from "./_pytest.js";

/** unittest and pytest xunit-style setup/teardown: fixtures by another name. */
const SETUP_METHODS = new Set([
  "setUp",
  "tearDown",
  "setUpClass",
  "tearDownClass",
  "asyncSetUp",
  "asyncTearDown",
  "setup_method",
  "teardown_method",
  "setup_class",
  "teardown_class",
]);
const CLOCKS = new Set(
  ["time", "monotonic", "perf_counter", "process_time", "thread_time", "clock_gettime"].flatMap((n) => [
    `time.${n}`,
    `time.${n}_ns`,
  ]),
);

/** Tests of time itself: sleeping past a timeout or expiry is the stimulus, not a wait. */
const TIMING_NAME =
  /time_?out|timed|timer|timing|schedul|slow|sleep|delay|expir|ttl|idle|elapsed|clock|duration|interval|wait|throttl|rate_?limit/i;

/** `interval="100 ms"`, `delay=0.1`, `ttl=5`: the test sets up something that runs on a clock. */
const SCHEDULE_KEYWORD = /interval|delay|period|cycle|ttl|expir|frequency|throttl|debounce/i;

/**
 * The test configures a component that acts on a schedule (a sampler with `interval=`, tasks with
 * `delay=`): sleeping lets that time pass, which is what the test is about (distributed's
 * `MemorySampler`, `profile.watch`, adaptive clusters). `timeout=` is a bound on a wait, not this.
 */
function configuresSchedule(def: SyntaxNode): boolean {
  let found = false;
  walkScope(def, (n) => {
    if (found) return false;
    if (n.type === "keyword_argument" && SCHEDULE_KEYWORD.test(n.childForFieldName("name")?.text ?? "")) found = true;
    return true;
  });
  return found;
}

/** `open(p, "ab")`, `os.utime(p)`, `p.touch()`, `p.write_text(...)`: a file gets a new modification time. */
const TOUCHES_FILE = /\bopen\([^)]*['"][wa]b?\+?['"]|\butime\(|\.touch\(|\.write_(?:text|bytes)\(/;

/**
 * The statements right after the sleep rewrite a file: the sleep makes its modification time
 * differ from the one recorded before (file times are coarse), as in dask's `test_names`. No
 * condition can be waited for there.
 */
function separatesFileTimes(call: SyntaxNode): boolean {
  let statement: SyntaxNode | null = call;
  while (statement && statement.parent?.type !== "block") statement = statement.parent;
  if (!statement) return false;
  const after: SyntaxNode[] = [];
  for (let next = statement.nextNamedSibling; next && after.length < 2; next = next.nextNamedSibling)
    if (next.type !== "comment") after.push(next);
  return after.some((s) => TOUCHES_FILE.test(s.text));
}

function isTestOrFixture(ctx: CheckContext, def: SyntaxNode): boolean {
  if (isTestFunction(ctx, def) || isPytestFixture(ctx, def)) return true;
  const klass = owningClass(def);
  return !!klass && SETUP_METHODS.has(nameOf(def)) && isTestClass(ctx, klass);
}

/** Inside a loop of `def`: a poll, which is what waiting should look like. */
function inLoop(node: SyntaxNode, def: SyntaxNode): boolean {
  for (let cur = node.parent; cur && cur.id !== def.id; cur = cur.parent)
    if (cur.type === "while_statement" || cur.type === "for_statement") return true;
  return false;
}

/** The test reads a clock: the sleep is the stimulus of a timing test, not a wait. */
function readsClock(ctx: CheckContext, def: SyntaxNode): boolean {
  let found = false;
  walkScope(def, (n) => {
    if (found) return false;
    if (n.type === "call") {
      const fn = n.childForFieldName("function");
      if (fn && CLOCKS.has(ctx.qualifiedName(fn) ?? "")) found = true;
    }
    return true;
  });
  return found;
}

function isZero(node: SyntaxNode | undefined): boolean {
  return !!node && (node.type === "integer" || node.type === "float") && Number(node.text.replace(/_/g, "")) === 0;
}

export default defineCheck({
  id: "sleep-in-test",
  codes: [],
  category: "testing",
  // Off by default: on the fresh-corpus study most of its findings were deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "`time.sleep()` in a test or fixture.",
    why: "A fixed sleep makes the suite slower on every run and still fails when the machine is slower than the guess. Wait for the condition itself (an `Event`, `join()`, a poll with a deadline) or fake the clock.",
    bad: "import time\n\ndef test_worker_finishes():\n    worker = start_worker()\n    time.sleep(2)\n    assert worker.done\n",
    good: "def test_worker_finishes():\n    worker = start_worker()\n    worker.join(timeout=10)\n    assert worker.done\n",
    differences:
      "No Ruff code. Not reported when a comment on the line or the line above explains the sleep (a race or an OS quirk the test works around), nor in a test that reads a clock or configures something that runs on a schedule (a keyword argument such as `interval=`, `delay=`, `ttl=`): there the time passing is what the test is about. Nor when the next statements rewrite a file (`open(p, 'ab')`, `os.utime`, `.touch()`, `.write_text()`): the sleep gives it a modification time different from the recorded one.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("sleep")) return {};
    const checked = new Map<number, boolean>();
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !fn.text.endsWith("sleep") || ctx.qualifiedName(fn) !== "time.sleep") return;
        // The nearest def (a sleep in a nested helper, thread target or lambda simulates work).
        let def: SyntaxNode | null = null;
        for (let cur = call.parent; cur; cur = cur.parent) {
          if (cur.type === "lambda" || cur.type === "class_definition") return;
          if (cur.type === "function_definition") {
            def = cur;
            break;
          }
        }
        if (!def || inLoop(call, def) || isZero(callArguments(call).positional[0])) return;
        let relevant = checked.get(def.id);
        if (relevant === undefined) {
          relevant =
            isTestOrFixture(ctx, def) &&
            !TIMING_NAME.test(nameOf(def)) &&
            !TIMING_NAME.test(owningClass(def) ? nameOf(owningClass(def)!) : "") &&
            !readsClock(ctx, def) &&
            !configuresSchedule(def) &&
            // `@patch("time.sleep")`: the call is a mock.
            !/time\.sleep['"]|\btime\s*,\s*['"]sleep['"]/.test(ctx.text(outerNode(def)));
          checked.set(def.id, relevant);
        }
        if (!relevant) return;
        // "Sleep and try again: the lock on these files is not guaranteed to be released": a known OS quirk.
        if (explainedByComment(ctx.source, call) || separatesFileTimes(call)) return;
        ctx.report({
          node: fn,
          message:
            "`time.sleep()` in a test: slow on every run and flaky when the wait is too short; wait for the condition itself or fake the clock",
        });
      },
    };
  },
});

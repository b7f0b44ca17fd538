import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { walkScope } from "../../src/engine/ast.js";
import { owningClass } from "../../src/engine/definitions.js";
import { decoratorNodes, outerNode, parameterNames, testFunctions } from "./_pytest.js";

const THRESHOLD = 4;
const PATCH = /^(?:unittest\.mock|mock|asynctest)\.patch(?:\.(?:object|dict|multiple))?$/;
const MOCKER_FIXTURES = new Set(["mocker", "class_mocker", "module_mocker", "package_mocker", "session_mocker"]);
const MOCKER_PATCH = /^patch(?:\.(?:object|dict|multiple))?$/;

function isPatch(ctx: CheckContext, callee: SyntaxNode | null): boolean {
  return !!callee && callee.text.includes("patch") && PATCH.test(ctx.qualifiedName(callee) ?? "");
}

/** `mocker.patch(...)`, `mocker.patch.object(...)` with `mocker` a parameter of the test. */
function isMockerPatch(callee: SyntaxNode, mockers: ReadonlySet<string>): boolean {
  const text = callee.text;
  const dot = text.indexOf(".");
  return dot > 0 && mockers.has(text.slice(0, dot)) && MOCKER_PATCH.test(text.slice(dot + 1));
}

/** What a patch call replaces: `"pkg.mod.name"`, `obj, "attr"` (the same target patched twice counts once). */
function target(call: SyntaxNode): string {
  const args = call.childForFieldName("arguments");
  const positional = (args?.namedChildren ?? []).filter((c) => c.type !== "comment" && c.type !== "keyword_argument");
  return `${call.childForFieldName("function")?.text}(${positional
    .slice(0, 2)
    .map((a) => a.text)
    .join(",")}`;
}

/** How many times "patch" occurs in the text of a node. */
function patchWords(ctx: CheckContext, node: SyntaxNode): number {
  let count = 0;
  const end = node.endIndex;
  for (
    let at = ctx.source.indexOf("patch", node.startIndex);
    at !== -1 && at + 5 <= end;
    at = ctx.source.indexOf("patch", at + 5)
  )
    count++;
  return count;
}

/**
 * The distinct targets a test patches; 0 when there cannot be THRESHOLD of them. Each target
 * comes from its own call whose callee is a dotted name with "patch" in it (callees of
 * different calls do not overlap, as neither holds a call), so a test and its class
 * decorators with fewer "patch" words than that are not looked at further.
 */
function countPatches(ctx: CheckContext, def: SyntaxNode): number {
  const targets = new Set<string>();
  const klass = owningClass(def);
  const classDecorators = klass ? decoratorNodes(klass) : [];
  const words = classDecorators.reduce((sum, d) => sum + patchWords(ctx, d), patchWords(ctx, outerNode(def)));
  if (words < THRESHOLD) return 0;
  for (const d of [...decoratorNodes(def), ...classDecorators]) {
    const call = d.namedChildren.find((c) => c.type === "call");
    if (call && isPatch(ctx, call.childForFieldName("function"))) targets.add(target(call));
  }
  const mockers = new Set(parameterNames(def).filter((p) => MOCKER_FIXTURES.has(p)));
  const body = def.childForFieldName("body");
  if (!body) return targets.size;
  walkScope(body, (n) => {
    // Patches of nested helpers (decorators included) are not this test's.
    if (
      n.type === "decorated_definition" ||
      n.type === "function_definition" ||
      n.type === "lambda" ||
      n.type === "class_definition"
    )
      return false;
    if (n.type !== "call") return true;
    const fn = n.childForFieldName("function");
    if (fn && (isPatch(ctx, fn) || (fn.type === "attribute" && isMockerPatch(fn, mockers)))) targets.add(target(n));
    return true;
  });
  return targets.size;
}

export default defineCheck({
  id: "excessive-mocking",
  codes: [],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "A test that patches four or more things (`@patch`, `with patch(...)`, `mocker.patch`).",
    why: "Each patch replaces a name the code under test looks up by itself. Many of them mean the test knows the implementation's internals: it breaks when an import moves and stays green when the wiring is wrong. Passing the collaborators in (dependency injection: a parameter or constructor argument) lets the test hand over fakes directly.",
    bad: "from unittest import mock\n\n@mock.patch('app.billing.send_email')\n@mock.patch('app.billing.charge_card')\n@mock.patch('app.billing.load_customer')\n@mock.patch('app.billing.now')\ndef test_renew(now, load_customer, charge_card, send_email):\n    renew(42)\n    charge_card.assert_called_once()\n",
    good: "def test_renew():\n    billing = Billing(customers=FakeCustomers(), payments=FakePayments(), mailer=FakeMailer(), clock=FixedClock())\n    billing.renew(42)\n    assert billing.payments.charged == [42]\n",
  },
  create(ctx): Visitors {
    // Fewer "patch" words in the file than THRESHOLD: no test can have that many patches (see countPatches).
    let words = 0;
    for (let at = ctx.source.indexOf("patch"); at !== -1 && words < THRESHOLD; at = ctx.source.indexOf("patch", at + 5))
      words++;
    if (words < THRESHOLD) return {};
    // Tests of mocking itself (a mock library's own suite) patch by design.
    if (/mock|patch/i.test(ctx.path.slice(ctx.path.lastIndexOf("/") + 1))) return {};
    return {
      module() {
        for (const def of testFunctions(ctx)) {
          if (/mock|patch/i.test(def.childForFieldName("name")?.text ?? "")) continue;
          const count = countPatches(ctx, def);
          if (count < THRESHOLD) continue;
          const name = def.childForFieldName("name")!;
          ctx.report({
            node: name,
            message: `\`${name.text}\` patches ${count} names: pass the collaborators in (as parameters or constructor arguments) so the test can hand over fakes without patching internals`,
          });
        }
      },
    };
  },
});

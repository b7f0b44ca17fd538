import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { nameOf } from "../../src/engine/definitions.js";
import {
  TEST_NAME,
  basesAllKnown,
  baseNodes,
  decoratorNames,
  localClass,
  moduleTests,
  pytestUsage,
} from "./_pytest.js";

function methods(klass: SyntaxNode): SyntaxNode[] {
  return (klass.childForFieldName("body")?.namedChildren ?? []).flatMap((s) => {
    const def = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    return def?.type === "function_definition" ? [def] : [];
  });
}

/** `__init__`/`__new__` of the class or a same-file base: what makes pytest skip the class. */
function constructorOf(ctx: CheckContext, klass: SyntaxNode, seen = new Set<number>()): SyntaxNode | null {
  if (seen.has(klass.id)) return null;
  seen.add(klass.id);
  const own = methods(klass).find((m) => nameOf(m) === "__init__" || nameOf(m) === "__new__");
  if (own) return own;
  for (const base of baseNodes(klass)) {
    const local = localClass(ctx, base);
    const found = local && constructorOf(ctx, local, seen);
    if (found) return found;
  }
  return null;
}

export default defineCheck({
  id: "test-class-with-init",
  codes: [],
  category: "testing",
  severity: "error",
  type: "bug",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "A `Test*` class (not a `unittest.TestCase`) with an `__init__`: pytest does not collect it.",
    why: "pytest skips test classes that define `__init__` (or `__new__`), with only a collection warning: none of the class's tests run, and the suite stays green. Set up state in a fixture or in `setup_method` instead.",
    bad: "class TestCart:\n    def __init__(self):\n        self.cart = Cart()\n\n    def test_empty(self):\n        assert self.cart.total == 0\n",
    good: "class TestCart:\n    def setup_method(self):\n        self.cart = Cart()\n\n    def test_empty(self):\n        assert self.cart.total == 0\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("class Test") || !/__(?:init|new)__/.test(ctx.source)) return {};
    // unittest never collects a class that is not a TestCase: only pytest projects run these.
    if (pytestUsage(ctx) === "no") return {};
    return {
      class_definition(klass) {
        const name = klass.childForFieldName("name");
        if (!name?.text.startsWith("Test") || !moduleTests(ctx).classes.has(name.text)) return;
        // Anything imported could be a TestCase; a metaclass or decorator could change collection.
        if (!basesAllKnown(ctx, klass) || decoratorNames(ctx, klass).length > 0) return;
        if (!methods(klass).some((m) => TEST_NAME.test(nameOf(m)))) return;
        // A mixin of another class here: its tests run in that class.
        for (const other of moduleTests(ctx).classes.values())
          if (other.id !== klass.id && baseNodes(other).some((b) => b.type === "identifier" && b.text === name.text))
            return;
        const ctor = constructorOf(ctx, klass);
        if (!ctor) return;
        ctx.report({
          node: name,
          message: `\`${name.text}\` has \`${nameOf(ctor)}\`, so pytest does not collect it: its tests never run (set up state in a fixture or \`setup_method\`)`,
        });
      },
    };
  },
});

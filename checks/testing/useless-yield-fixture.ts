import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { walkScope } from "../../src/engine/ast.js";
import { nameOf } from "../../src/engine/definitions.js";
import { decoratorNames, isPytestFixture, statementsOf } from "./_pytest.js";

const ITERATOR_TYPES = new Set(
  ["Generator", "Iterator", "Iterable", "AsyncGenerator", "AsyncIterator", "AsyncIterable"].flatMap((n) => [
    `typing.${n}`,
    `typing_extensions.${n}`,
    `collections.abc.${n}`,
  ]),
);

/** `-> Generator[T, None, None]` / `-> Iterator[T]`: the text of T; null for any other annotation. */
function yieldedType(ctx: CheckContext, annotation: SyntaxNode): string | null {
  const type = annotation.type === "type" ? annotation.namedChild(0) : annotation;
  if (type?.type === "generic_type") {
    const name = type.namedChild(0);
    const params = type.namedChildren.find((c) => c.type === "type_parameter");
    const first = params?.namedChildren.find((c) => c.type !== "comment");
    if (!name || !first || !ITERATOR_TYPES.has(ctx.qualifiedName(name) ?? "")) return null;
    return ctx.text(first);
  }
  if (type?.type === "subscript") {
    const value = type.childForFieldName("value");
    const first = type.childrenForFieldName("subscript")[0];
    if (!value || !first || !ITERATOR_TYPES.has(ctx.qualifiedName(value) ?? "")) return null;
    return ctx.text(first);
  }
  return null;
}

function isYieldFrom(node: SyntaxNode): boolean {
  return node.children.some((c) => c.type === "from");
}

export default defineCheck({
  id: "useless-yield-fixture",
  codes: ["PT022"],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  appliesTo: "tests",
  docs: {
    summary: "A pytest fixture whose only `yield` is its last statement: there is no teardown.",
    why: "`yield` in a fixture exists to run teardown code after the test. With nothing after it, the generator is machinery without purpose, and readers look for cleanup that is not there. `return` the value.",
    bad: "import pytest\n\n@pytest.fixture\ndef user():\n    yield User(name='ada')\n",
    good: "import pytest\n\n@pytest.fixture\ndef user():\n    return User(name='ada')\n",
    fixSafety:
      "Safe, as in Ruff: replaces `yield` with `return` (and a `Generator[T, ...]`/`Iterator[T]` return annotation with `T`) when the fixture has no other `yield` and no `return`: pytest then gets the same value and has nothing to tear down, as before. Other return annotations leave the fix out.",
    differences:
      "Ruff reports this in any file; peptalk looks at test files only (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`). Ruff always rewrites `yield` as `return`; peptalk leaves the fix out when the fixture also has a `return` or an annotation it cannot rewrite, and does not report a fixture whose body holds a second `yield` anywhere.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("yield") || !ctx.source.includes("fixture")) return {};
    return {
      function_definition(def) {
        if (!isPytestFixture(ctx, def)) return;
        if (decoratorNames(ctx, def).some((n) => n === "abc.abstractmethod" || n === "abstractmethod")) return;
        const body = def.childForFieldName("body");
        const last = statementsOf(body).at(-1);
        const value = last?.type === "expression_statement" && last.namedChildCount === 1 ? last.namedChild(0) : null;
        if (!last || value?.type !== "yield" || isYieldFrom(value)) return;
        let yields = 0;
        let returns = 0;
        walkScope(def, (n) => {
          if (
            n.id !== def.id &&
            (n.type === "function_definition" || n.type === "lambda" || n.type === "class_definition")
          )
            return false;
          if (n.type === "yield" && n.isNamed) yields++;
          if (n.type === "return_statement") returns++;
          return true;
        });
        if (yields !== 1) return;
        let fix = null;
        const annotation = def.childForFieldName("return_type");
        const yielded = annotation ? yieldedType(ctx, annotation) : undefined;
        if (returns === 0 && yielded !== null) {
          const edits = [
            ctx.edits.replace({ start: value.startIndex, end: value.startIndex + "yield".length }, "return"),
          ];
          if (annotation && yielded) edits.push(ctx.edits.replace(annotation, yielded));
          fix = { title: "Replace `yield` with `return`", edits };
        }
        ctx.report({
          node: last,
          message: `Fixture \`${nameOf(def)}\` yields without teardown after it: \`return\` the value instead`,
          fix,
        });
      },
    };
  },
});

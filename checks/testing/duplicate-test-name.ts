import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { nameOf } from "../../src/engine/definitions.js";
import { TEST_NAME, decoratorNames } from "./_pytest.js";

/** Decorators under which a second def extends the first instead of replacing it. */
const EXTENDING_DECORATOR = /(?:^|\.)(?:overload|setter|getter|deleter|register)$/;

function defsOf(block: SyntaxNode): { statement: SyntaxNode; def: SyntaxNode }[] {
  return block.namedChildren.flatMap((statement) => {
    const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    return def?.type === "function_definition" ? [{ statement, def }] : [];
  });
}

/** The name is used between the two definitions (`test_x = skip(test_x)`, `del test_x`, a registry). */
function usedBetween(block: SyntaxNode, first: SyntaxNode, second: SyntaxNode, name: string): boolean {
  for (const statement of block.namedChildren) {
    if (statement.startIndex <= first.startIndex || statement.startIndex >= second.startIndex) continue;
    if (statement.id === first.id) continue;
    if (statement.descendantsOfType("identifier").some((id) => id.text === name)) return true;
  }
  return false;
}

function check(ctx: CheckContext, block: SyntaxNode): void {
  const seen = new Map<string, { statement: SyntaxNode; def: SyntaxNode }>();
  for (const entry of defsOf(block)) {
    const name = nameOf(entry.def);
    if (!TEST_NAME.test(name)) continue;
    const earlier = seen.get(name);
    seen.set(name, entry);
    if (!earlier) continue;
    const decorators = [...decoratorNames(ctx, earlier.def), ...decoratorNames(ctx, entry.def)];
    if (decorators.some((d) => EXTENDING_DECORATOR.test(d))) continue;
    if (usedBetween(block, earlier.statement, entry.statement, name)) continue;
    const id = entry.def.childForFieldName("name")!;
    const line = earlier.def.startPosition.row + 1;
    ctx.report({
      node: id,
      message: `\`${name}\` is defined again here: the definition on line ${line} is replaced and never runs`,
    });
  }
}

/** The blocks directly inside a compound statement (a class body, each `if`/`try` branch). */
function blocksOf(statement: SyntaxNode): SyntaxNode[] {
  if (!/(_statement|class_definition|_clause)$/.test(statement.type)) return [];
  return statement.namedChildren.flatMap((child) =>
    child.type === "block" ? [child] : /_clause$/.test(child.type) ? blocksOf(child) : [],
  );
}

export default defineCheck({
  id: "duplicate-test-name",
  codes: [],
  category: "testing",
  severity: "error",
  fix: "never",
  appliesTo: "tests",
  docs: {
    summary: "A test function or method defined twice under the same name in one module or class.",
    why: "The second `def` replaces the first: the first test never runs, silently, and usually a copy-pasted test kept its old name. Rename one of them (or delete the stale copy).",
    bad: "def test_total():\n    assert total([1, 2]) == 3\n\ndef test_total():\n    assert total([]) == 0\n",
    good: "def test_total():\n    assert total([1, 2]) == 3\n\ndef test_total_of_nothing():\n    assert total([]) == 0\n",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("def test")) return {};
    return {
      module(root) {
        // The module, then class bodies and `if`/`try`/`with` blocks at module or class level
        // (each branch on its own), never function bodies: found by walking statements only.
        const pending: SyntaxNode[] = [root];
        for (let container = pending.pop(); container; container = pending.pop()) {
          check(ctx, container);
          for (const statement of container.namedChildren) {
            if (statement.type === "function_definition" || statement.type === "decorated_definition") {
              const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : null;
              if (def?.type === "class_definition") pending.push(...blocksOf(def));
              continue;
            }
            pending.push(...blocksOf(statement));
          }
        }
      },
    };
  },
});

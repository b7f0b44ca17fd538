import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { nameOf } from "../../src/engine/definitions.js";
import { TEST_NAME, decoratorNames, outerNode } from "./_pytest.js";

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

/** Statements whose blocks are looked at (with their clauses' blocks). */
const COMPOUND = /(_statement|class_definition|_clause)$/;

/** The blocks directly inside a compound statement (a class body, each `if`/`try` branch). */
function blocksOf(statement: SyntaxNode): SyntaxNode[] {
  if (!COMPOUND.test(statement.type)) return [];
  return statement.namedChildren.flatMap((child) =>
    child.type === "block" ? [child] : /_clause$/.test(child.type) ? blocksOf(child) : [],
  );
}

/**
 * The module, then class bodies and `if`/`try`/`with` blocks at module or class level (each
 * branch on its own), never function bodies: found by walking statements only.
 */
function checkAllBlocks(ctx: CheckContext, root: SyntaxNode): void {
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
}

/** Whether checkAllBlocks looks at this block (or module), asked from the block upwards. */
function walkedBlock(block: SyntaxNode): boolean {
  if (block.type === "module") return true;
  return block.type === "block" && !!block.parent && expanded(block.parent);
}

/** Whether checkAllBlocks takes the blocks of this node (a statement in a walked block, or a clause of one). */
function expanded(node: SyntaxNode): boolean {
  if (!COMPOUND.test(node.type)) return false;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "module" || parent.type === "block") return walkedBlock(parent);
  if (parent.type === "decorated_definition")
    return node.type === "class_definition" && !!parent.parent && walkedBlock(parent.parent);
  return /_clause$/.test(node.type) && expanded(parent);
}

/** Whitespace tree-sitter-python skips between `def` and the name (line continuations too). */
const GAP = /[\s\\\u0085\u180e\u200b\u2060]+/.source;
/** `def test_x`: the name's ASCII head, for a def named like a test. */
const TEST_DEF = new RegExp(`def${GAP}(test\\w*)`, "g");
/** The same at the start of a def node: the head, or undefined for a name not starting with `test`. */
const DEF_AT = new RegExp(`(?:async${GAP})?def${GAP}(test\\w*)?`, "y");

/**
 * The heads (`test\w*`) of `def test...` names the source has more than once. A test def's
 * head is found by scanning the whole text (`def` there follows no word character, so no
 * earlier match runs into it), and two defs of one name share their head, so a file without
 * repeated heads has nothing to report.
 */
function repeatedTestHeads(source: string): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const match of source.matchAll(TEST_DEF)) {
    const head = match[1]!;
    if (seen.has(head)) repeated.add(head);
    else seen.add(head);
  }
  return repeated;
}

export default defineCheck({
  id: "duplicate-test-name",
  codes: [],
  category: "testing",
  severity: "error",
  type: "bug",
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
    // With syntax errors, the text after `def` may not be a def's name: walk every block.
    if (ctx.tree.rootNode.hasError) return { module: (root) => checkAllBlocks(ctx, root) };
    const repeated = repeatedTestHeads(ctx.source);
    if (repeated.size === 0) return {};
    return {
      module(root) {
        // Only the blocks holding two defs of one test name can report: found from those
        // defs rather than by walking every class body and branch.
        const defsByBlock = new Map<number, { block: SyntaxNode; names: Set<string>; repeats: boolean }>();
        for (const def of root.descendantsOfType("function_definition")) {
          DEF_AT.lastIndex = def.startIndex;
          const match = DEF_AT.exec(ctx.source);
          if (!match) return checkAllBlocks(ctx, root); // not `def name`: cannot tell from the text
          if (match[1] === undefined || !repeated.has(match[1])) continue;
          const name = nameOf(def);
          const block = outerNode(def).parent;
          if (!TEST_NAME.test(name) || !block) continue;
          let entry = defsByBlock.get(block.id);
          if (!entry) defsByBlock.set(block.id, (entry = { block, names: new Set(), repeats: false }));
          if (entry.names.has(name)) entry.repeats = true;
          entry.names.add(name);
        }
        for (const { block, repeats } of defsByBlock.values()) if (repeats && walkedBlock(block)) check(ctx, block);
      },
    };
  },
});

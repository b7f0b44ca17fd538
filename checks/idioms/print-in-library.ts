import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments } from "../../src/engine/ast.js";

/** Entry points and functions whose job is to print (`main`, `cli`, `dump`, `print_usage`, `show_tree`, `report`). */
const PRINTING_FUNCTION = /^_?(main|cli|dump|print|pprint|show|display|report)(_\w*)?$/;

/** `if __name__ == "__main__":` */
function isMainGuard(node: SyntaxNode): boolean {
  return (
    node.type === "if_statement" &&
    /__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__/.test(
      node.childForFieldName("condition")?.text ?? "",
    )
  );
}

export default defineCheck({
  id: "print-in-library",
  codes: [],
  category: "idioms",
  severity: "off",
  type: "bug",
  fix: "never",
  appliesTo: "non-tests",
  docs: {
    summary: "`print()` in an importable module.",
    why: "A library that prints writes to its users' stdout, which they cannot silence, redirect per module or filter by level. Use `logging` (or return the text) and leave printing to scripts and CLIs.",
    bad: "def sync(items):\n    print('syncing', len(items))\n",
    good: "import logging\n\nlogger = logging.getLogger(__name__)\n\ndef sync(items):\n    logger.info('syncing %d', len(items))\n",
    differences:
      'Off by default. Only `print()` to stdout (no `file=`, or `file=sys.stdout`). Not reported in scripts (files with an `if __name__ == "__main__":` block or a `#!` line, `__main__.py`, files under `scripts/`, `bin/`, `tools/`, `examples/`, `docs/`), in tests, or inside functions named `main`/`cli` or whose name says they print (`dump`, `print`, `pprint`, `show`, `display`, `report`, alone or followed by `_...`, optionally with a leading `_`).',
  },
  create(ctx): Visitors {
    const path = ctx.path;
    if (/(^|\/)__main__\.py$|(^|\/)(scripts?|bin|tools|examples?|docs)\//.test(path)) return {};
    if (!ctx.source.includes("print")) return {};
    // A script: `#!` on the first line, or an `if __name__ == "__main__":` block.
    if (ctx.source.startsWith("#!") || ctx.tree.rootNode.namedChildren.some(isMainGuard)) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "identifier" || fn.text !== "print" || !ctx.isBuiltin(fn)) return;
        // `print(..., file=stream)` writes where the caller asked (or to stderr), not to stdout.
        const file = callArguments(call).keywords.get("file");
        if (file && !(file.type === "attribute" && ctx.qualifiedName(file) === "sys.stdout")) return;
        for (let cur = call.parent; cur; cur = cur.parent) {
          if (cur.type === "function_definition" && PRINTING_FUNCTION.test(cur.childForFieldName("name")?.text ?? ""))
            return;
        }
        ctx.report({
          node: call,
          message: "`print()` in a library module: use `logging` so callers can control the output",
        });
      },
    };
  },
});

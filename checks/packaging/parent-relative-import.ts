import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";

export default defineCheck({
  id: "parent-relative-import",
  codes: ["TID252"],
  category: "packaging",
  severity: "info",
  type: "taste",
  houseStyle: { counted: "imports of the own package are absolute rather than from a parent package" },
  fix: "never",
  docs: {
    summary: "A relative import from a parent package: `from .. import x`.",
    why: "`from ..models import User` depends on where the importing file sits: moving the module or the package silently changes what it refers to, and readers have to count dots to know what is imported. An absolute import (`from myapp.models import User`) says it directly. Imports from the module's own package (`from . import x`) stay fine.",
    bad: "from ..models import User\n",
    good: "from myapp.models import User\nfrom . import views\n",
    differences:
      'Like Ruff\'s default `ban-relative-imports = "parents"`. Ruff reports each imported name and, when it knows the package, offers to rewrite the import as an absolute one; peptalk reports the statement once and offers no fix.',
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("..")) return {};
    // The house style: absolute imports of the file's own top-level package (`src/` layout aware).
    const dirs = ctx.path.split("/").slice(0, -1);
    const top = dirs[0] === "src" ? dirs[1] : dirs[0];
    const ownPackage = (dotted: SyntaxNode | null | undefined): boolean =>
      !!top && dotted?.type === "dotted_name" && dotted.namedChildren[0]?.text === top;
    return {
      import_statement(node) {
        if (node.namedChildren.some((c) => ownPackage(c.type === "aliased_import" ? c.childForFieldName("name") : c)))
          ctx.follows(node);
      },
      import_from_statement(node) {
        const module = node.childForFieldName("module_name");
        if (ownPackage(module)) ctx.follows(node);
        if (module?.type !== "relative_import") return;
        const prefix = module.namedChildren.find((c) => c.type === "import_prefix");
        const dots = prefix?.text.replace(/\s+/g, "").length ?? 0;
        if (dots < 2) return;
        ctx.report({
          node: module,
          message: `Relative import from a parent package (\`${module.text}\`): use an absolute import`,
        });
      },
    };
  },
});

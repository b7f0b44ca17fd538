import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";

/**
 * Why a relative import of `level` dots certainly climbs above the top-level package, or null
 * when it may resolve. `level` dots need the file's directory and `level - 1` directories above
 * it to be packages.
 */
function beyondTop(ctx: CheckContext, level: number): string | null {
  const dirs = ctx.path.split("/").slice(0, -1);
  const project = ctx.project;
  if (!project?.paths) {
    // Without the file list the repository root itself may be a package (plugin repositories
    // are): only a climb above even that is certain.
    return level > dirs.length + 1 ? "above the repository root" : null;
  }
  if (level > dirs.length) {
    // A root `__init__.py`: the repository is a package whose parents are not known here.
    if (project.hasPath("__init__.py")) return null;
    return "above the repository root";
  }
  for (let i = 0; i < level; i++) {
    const dir = dirs.slice(0, dirs.length - i).join("/");
    if (project.hasPath(`${dir}/__init__.py`)) continue;
    // `src/` in a src layout is the import root, not a package; any other directory without
    // `__init__.py` may be a namespace package (PEP 420).
    return dir === "src" ? "above the packages in `src/`" : null;
  }
  return null;
}

export default defineCheck({
  id: "relative-import-beyond-top-level",
  codes: [],
  pylint: ["relative-beyond-top-level"],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A relative import that climbs above the top-level package.",
    why: "Each leading dot of `from ... import x` climbs one package: past the top-level package there is nothing to import from, and the import fails with `ImportError: attempted relative import beyond top-level package` as soon as the module loads.",
    bad: "from ... import settings\n",
    good: "from .. import settings\n",
    differences:
      "Reported only when certain: with the repository's file list, when the climb passes the repository root (and the root has no `__init__.py`) or leaves a src-layout `src/` directory; a directory without `__init__.py` elsewhere may be a namespace package and is not judged. Without the file list, only a climb that passes even a package at the repository root is reported.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("from .") && !/from\s+\./.test(ctx.source)) return {};
    return {
      import_from_statement(node: SyntaxNode) {
        const module = node.childForFieldName("module_name");
        if (module?.type !== "relative_import") return;
        const prefix = module.namedChildren.find((c) => c.type === "import_prefix");
        const level = prefix?.text.replace(/\s+/g, "").length ?? 0;
        if (level === 0) return;
        const where = beyondTop(ctx, level);
        if (!where) return;
        ctx.report({
          node: module,
          message: `\`${module.text}\` climbs ${level} package level${level === 1 ? "" : "s"} from \`${ctx.path}\`, ${where}: the import fails with \`ImportError\``,
        });
      },
    };
  },
});

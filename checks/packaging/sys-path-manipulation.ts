import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingFunction } from "../../src/engine/ast.js";
import { explainedByComment } from "../../src/engine/comments.js";
import { anyWithin } from "../../src/engine/text.js";

const METHODS = new Set(["sys.path.append", "sys.path.insert", "sys.path.extend"]);

/** Files that are run rather than imported: scripts, tools, docs configuration, setup/conftest. */
function isScriptPath(path: string): boolean {
  if (/(^|\/)(tools|bin|docs?|examples?|benchmarks?|_?tests?|testing)\//.test(path)) return true;
  // `scripts/`, `build_scripts/`, `test_foo_scripts/`
  if (/(^|\/)[^/]*scripts?\//.test(path)) return true;
  return /(^|\/)(setup|conftest|noxfile|fabfile|manage|conf|__main__)\.py$/.test(path);
}

/** Inside `if __name__ == "__main__":` (its body, not an `else`). */
function inMainGuard(node: SyntaxNode): boolean {
  for (let cur: SyntaxNode | null = node; cur?.parent; cur = cur.parent) {
    const parent = cur.parent;
    if (parent.type !== "if_statement" || parent.childForFieldName("consequence")?.id !== cur.id) continue;
    const condition = parent.childForFieldName("condition")?.text.replace(/\s+/g, "") ?? "";
    if (/^__name__==(['"])__main__\1$|^(['"])__main__\2==__name__$/.test(condition)) return true;
  }
  return false;
}

/** A module of a package: its directory has `__init__.py` (when the file list is known). */
function inPackage(ctx: CheckContext): boolean {
  const project = ctx.project;
  if (!project?.paths) return true;
  const dir = ctx.path.includes("/") ? ctx.path.slice(0, ctx.path.lastIndexOf("/")) : "";
  return dir !== "" && project.hasPath(`${dir}/__init__.py`);
}

export default defineCheck({
  id: "sys-path-manipulation",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  appliesTo: "non-tests",
  docs: {
    summary: "`sys.path.append/insert(...)` when a library module is imported.",
    why: "A package that edits `sys.path` as it is imported changes how every later import in the process resolves: a module of the same name elsewhere can be shadowed, and the code works only from one directory layout. Make the project installable (`pip install -e .`) and use absolute or relative imports instead.",
    bad: "import os\nimport sys\n\nsys.path.insert(0, os.path.dirname(__file__))\n\nimport helpers\n",
    good: "from . import helpers\n",
    differences:
      'Only code that runs on import is reported (module and class level, not function bodies), in files that are imported rather than run: scripts (`scripts/`, `tools/`, `bin/`, `docs/`, `examples/`, `setup.py`, `conftest.py`, `__main__.py`, files with a `#!` line or an unguarded top-level `main()` call), test files and `if __name__ == "__main__":` blocks are left alone, and with the repository\'s file list only modules of a package (a directory with `__init__.py`) are judged. A change with a comment on its line or just above is left alone: the team says why it does it.',
  },
  create(ctx): Visitors {
    if (!/\bsys\b/.test(ctx.source) || !/\bpath\b/.test(ctx.source)) return {};
    if (ctx.source.startsWith("#!") || isScriptPath(ctx.path) || !inPackage(ctx)) return {};
    // A module that calls `main()` unguarded at the top level is a script, whatever its path.
    if (/^(?:(?:sys\.exit|raise SystemExit)\(\s*)?main\(/m.test(ctx.source)) return {};
    const judge = (node: SyntaxNode, what: string): void => {
      if (enclosingFunction(node) || inMainGuard(node)) return;
      // The team says why it edits the path (hypothesis's CLI makes the working directory
      // importable, appending so nothing installed is shadowed): a choice made, not an accident.
      if (explainedByComment(ctx.source, node)) return;
      ctx.report({
        node,
        message: `\`${what}\` at import time changes how every later import resolves: make the project installable and import normally`,
      });
    };
    // `sys.path` is spelled `sys.path` (or `s.path` after `import sys as s`), `path` after
    // `from sys import path`, or another name after `from sys import path as p`. Its last part
    // tells most other names apart (`x = ...`, `items.append`) without resolving them.
    const pathAliased = /\bpath(?:\s|\\|#[^\r\n]*[\r\n])+as\b/.test(ctx.source);
    const mayBeSysPath = (node: SyntaxNode): boolean => {
      if (node.type === "identifier") return pathAliased || node.text === "path";
      if (node.type === "attribute") return node.childForFieldName("attribute")?.text === "path";
      // Anything else resolves to no name at all (or is a rare `dotted_name`): no cost to ask.
      return true;
    };
    const isSysPath = (node: SyntaxNode | null): boolean =>
      !!node && mayBeSysPath(node) && ctx.qualifiedName(node) === "sys.path";
    // Without an alias, every statement that touches `sys.path` spells `path` in its text: the
    // others are told apart by position, before any child is read.
    const paths = Array.from(ctx.source.matchAll(/\bpath\b/g), (m) => m.index);
    const mentionsPath = (node: SyntaxNode): boolean => pathAliased || anyWithin(paths, node.startIndex, node.endIndex);
    return {
      call(call) {
        if (!mentionsPath(call)) return;
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" || !/^(append|insert|extend)$/.test(fn.childForFieldName("attribute")?.text ?? ""))
          return;
        const object = fn.childForFieldName("object");
        if (!object || !mayBeSysPath(object)) return;
        const name = ctx.qualifiedName(fn);
        if (name && METHODS.has(name)) judge(call, `${name}()`);
      },
      augmented_assignment(node) {
        if (mentionsPath(node) && isSysPath(node.childForFieldName("left"))) judge(node, "sys.path +=");
      },
      assignment(node) {
        if (!mentionsPath(node)) return;
        const left = node.childForFieldName("left");
        if (left?.type === "subscript" && isSysPath(left.childForFieldName("value"))) judge(node, "sys.path[...] =");
        else if (isSysPath(left)) judge(node, "sys.path =");
      },
    };
  },
});

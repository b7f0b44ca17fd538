import { defineCheck, type Visitors } from "../../src/engine/check.js";

export default defineCheck({
  id: "star-import",
  codes: ["F403"],
  pylint: ["wildcard-import"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  fix: "never",
  docs: {
    summary: "`from module import *`.",
    why: "A star import hides where names come from, lets a later release of the module silently shadow your names, and defeats linters and IDEs. Import the names you use, or the module itself.",
    bad: "from os.path import *\n\nprint(join('a', 'b'))\n",
    good: "from os.path import join\n\nprint(join('a', 'b'))\n",
    differences:
      "Not reported in `.pyi` stubs, where a star import is how a stub re-exports a module, nor in a package's `__init__.py`, where it re-exports the package's modules (the package's public face). A `# noqa: F401` on the line silences it too, as pyflakes users write it.",
  },
  create(ctx): Visitors {
    // In a stub, `from m import *` is the standard way to re-export a module (typeshed does it).
    if (ctx.path.endsWith(".pyi")) return {};
    // A package's `__init__.py` re-exporting its modules is the package's interface.
    if (/(^|\/)__init__\.py$/.test(ctx.path)) return {};
    return {
      import_from_statement(node) {
        if (!node.namedChildren.some((c) => c.type === "wildcard_import")) return;
        const module = node.childForFieldName("module_name")?.text ?? "";
        ctx.report({ node, message: `\`from ${module} import *\` hides which names are used` });
      },
    };
  },
});

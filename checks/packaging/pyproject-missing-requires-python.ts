import { defineProjectCheck } from "../../src/engine/check.js";
import { tableAt, tableHeaderLine } from "../../src/engine/pyproject.js";

export default defineProjectCheck({
  id: "pyproject-missing-requires-python",
  codes: [],
  category: "packaging",
  severity: "info",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A `[project]` table without `requires-python`.",
    why: "Without `requires-python`, pip installs the package on any interpreter, and users of an old Python get a release that fails at import instead of the last one that works. Linters and peptalk also use it as the target version.",
  },
  examples: {
    bad: { files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\n' } },
    good: { files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\nrequires-python = ">=3.9"\n' } },
  },
  run(ctx) {
    const pyproject = ctx.project.pyproject;
    const project = tableAt(pyproject?.data, ["project"]);
    if (!pyproject || !project || "requires-python" in project) return;
    const dynamic = project["dynamic"];
    if (Array.isArray(dynamic) && dynamic.includes("requires-python")) return;
    ctx.report({
      path: pyproject.path,
      line: tableHeaderLine(pyproject.text, ["project"]) ?? 1,
      message:
        '`[project]` has no `requires-python`: pip will install it on Pythons it does not support; add e.g. `requires-python = ">=3.9"`',
    });
  },
});

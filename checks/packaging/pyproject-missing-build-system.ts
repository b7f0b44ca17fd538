import { defineProjectCheck } from "../../src/engine/check.js";
import { tableAt, tableHeaderLine } from "../../src/engine/pyproject.js";

export default defineProjectCheck({
  id: "pyproject-missing-build-system",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`pyproject.toml` with a `[project]` table but no `[build-system]`.",
    why: "Without `[build-system]`, pip and build fall back to the legacy setuptools path (PEP 517/518): the build backend and its version are whatever happens to be installed, so the same commit can build differently on two machines. Projects that are never built (uv or PDM applications, Poetry with `package-mode = false`) are left alone.",
  },
  examples: {
    bad: { files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\n' } },
    good: {
      files: {
        "pyproject.toml":
          '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "acme"\nversion = "1.0"\n',
      },
    },
  },
  run(ctx) {
    const pyproject = ctx.project.pyproject;
    const doc = pyproject?.data;
    if (!pyproject || !doc || !tableAt(doc, ["project"]) || "build-system" in doc) return;
    // Applications that are never packaged need no build backend.
    if (tableAt(doc, ["tool", "uv"])?.["package"] === false) return;
    if (tableAt(doc, ["tool", "poetry"])?.["package-mode"] === false) return;
    if (tableAt(doc, ["tool", "pdm"])?.["distribution"] === false) return;
    if (ctx.project.hasPath("uv.lock") && tableAt(doc, ["tool", "uv"])?.["package"] !== true) return;
    ctx.report({
      path: pyproject.path,
      line: tableHeaderLine(pyproject.text, ["project"]) ?? 1,
      message:
        '`[project]` without `[build-system]`: pip falls back to a legacy setuptools build; declare the backend (PEP 517/518), e.g. `requires = ["hatchling"]`',
    });
  },
});

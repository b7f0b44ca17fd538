import { defineProjectCheck } from "../../src/engine/check.js";
import { LOCK_FILES } from "../../src/engine/project.js";
import { requirementLines, tableAt } from "../../src/engine/pyproject.js";

// The runtime requirement files of an application; dev, test, docs and lint lists are tooling.
const RUNTIME_FILE =
  /^(requirements(-prod(uction)?)?\.txt|requirements\/(base|prod|production|main|requirements)\.txt)$/;

export default defineProjectCheck({
  id: "unpinned-requirements",
  codes: [],
  category: "packaging",
  severity: "info",
  type: "bug",
  fix: "never",
  docs: {
    summary: "An application's `requirements.txt` with unpinned entries and no lock file.",
    why: "A deployment that installs `flask>=2` gets whatever is newest that day: two deploys of the same commit can run different code, and a bad upstream release breaks production without a change on your side. Applications pin exact versions (`==`) or compile a lock (pip-compile, `uv pip compile`). Libraries are left alone: they should declare ranges.",
  },
  examples: {
    bad: { files: { "requirements.txt": "flask>=2.0\nrequests\n" } },
    good: { files: { "requirements.txt": "flask==3.0.3\nrequests==2.32.3\n" } },
  },
  run(ctx) {
    const { project } = ctx;
    if (!project.paths) return;
    // A library (a buildable package) declares ranges on purpose; a lock pins elsewhere.
    const doc = project.pyproject?.data;
    if (doc && (tableAt(doc, ["project"]) || tableAt(doc, ["tool", "poetry"]) || "build-system" in doc)) return;
    if (project.hasPath("setup.py") || project.hasPath("setup.cfg")) return;
    if (LOCK_FILES.some((lock) => project.hasPath(lock))) return;
    for (const path of project.paths) {
      if (!RUNTIME_FILE.test(path)) continue;
      // pip-tools keeps the ranges in `.in` and compiles the `.txt`.
      if (project.hasPath(`${path.slice(0, -4)}.in`)) continue;
      const text = project.read(path);
      if (text === undefined) continue;
      const unpinned = requirementLines(text).filter((r) => {
        const req = r.requirement;
        if (!req || req.type !== "ProjectName") return false;
        return !(req.versionSpec ?? []).some((s) => s.operator === "==" || s.operator === "===");
      });
      if (unpinned.length === 0) continue;
      const names = unpinned.map((r) => (r.requirement as { name: string }).name);
      const shown =
        names
          .slice(0, 3)
          .map((n) => `\`${n}\``)
          .join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
      ctx.report({
        path,
        line: unpinned[0]!.line,
        message: `\`${path}\` leaves ${shown} unpinned and the project has no lock file: each install may get different versions; pin with \`==\` or compile a lock (pip-compile, \`uv pip compile\`)`,
      });
    }
  },
});

import { defineProjectCheck } from "../../src/engine/check.js";
import { parseTomlFile } from "../../src/engine/project.js";

// setup.py files that are fixtures, examples or vendored code, not the project's build.
const NOT_A_BUILD =
  /(^|\/)(tests?|testing|fixtures?|examples?|docs?|vendor(ed)?|third_party|site-packages|node_modules)\//;

export default defineProjectCheck({
  id: "setup-py-without-pyproject",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`setup.py` with no `pyproject.toml` declaring a `[build-system]` beside it.",
    why: "Without a PEP 517/518 `[build-system]`, pip builds through the deprecated `setup.py` path: build dependencies cannot be declared, the setuptools version is whatever is installed, and pip has announced the removal of the legacy fallback. A three-line `pyproject.toml` keeps `setup.py` working.",
  },
  examples: {
    bad: { files: { "setup.py": 'from setuptools import setup\n\nsetup(name="acme")\n' } },
    good: {
      files: {
        "setup.py": 'from setuptools import setup\n\nsetup(name="acme")\n',
        "pyproject.toml": '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n',
      },
    },
  },
  run(ctx) {
    const { project } = ctx;
    const candidates = project.paths ?? (project.read("setup.py") !== undefined ? ["setup.py"] : []);
    for (const path of candidates) {
      if (!(path === "setup.py" || path.endsWith("/setup.py")) || NOT_A_BUILD.test(path)) continue;
      const dir = path.slice(0, -"setup.py".length);
      const pyprojectPath = `${dir}pyproject.toml`;
      if (project.hasPath(pyprojectPath)) {
        const text = project.read(pyprojectPath);
        // Unknown text: the front door did not read it; do not guess.
        if (text === undefined) continue;
        const doc = parseTomlFile(pyprojectPath, text).data;
        if (!doc || "build-system" in doc) continue;
      }
      ctx.report({
        path,
        line: 1,
        message: `\`${path}\` has no \`pyproject.toml\` \`[build-system]\` beside it: pip uses the deprecated legacy build; declare \`requires = ["setuptools>=61"]\` and \`build-backend = "setuptools.build_meta"\``,
      });
    }
  },
});

import { defineProjectCheck } from "../../src/engine/check.js";
import { apiChanges, isBreakingRelease } from "../../src/engine/api/compare.js";
import { parseTomlFile } from "../../src/engine/project.js";

function projectVersion(data: Record<string, unknown> | null | undefined): string | null {
  const project = data?.["project"];
  const poetry = (data?.["tool"] as Record<string, unknown> | undefined)?.["poetry"];
  for (const table of [project, poetry]) {
    const version = table && typeof table === "object" ? (table as Record<string, unknown>)["version"] : undefined;
    if (typeof version === "string") return version;
  }
  return null;
}

export default defineProjectCheck({
  type: "bug",
  id: "public-api-change",
  codes: [],
  category: "api",
  severity: "warning",
  fix: "never",
  docs: {
    summary:
      "An incompatible change to the package's public API: a removed module, class, function or method, a removed or renamed parameter, a new required parameter, or a parameter that can no longer be passed the old way.",
    why: "Users of a library call it from code no one in the pull request can see. A renamed keyword or a removed method is invisible in the diff's tests but breaks them on the next release. Public means reachable from the package (every directory a package) without a leading underscore and, when the module has `__all__`, listed there; test modules are not public. peptalk says nothing when the pull request also bumps the major version in `pyproject.toml` (the minor for 0.x), or when the old name stays as a deprecated alias (`old = new`, or a function that warns with `DeprecationWarning`). Compatible changes (a new optional parameter) are listed in the check run's summary, not reported. A removal is reported on the removed line, on the left (base) side of the diff. Stubs count: when a module has a `.pyi` stub at base and at head, the stub is its declared API (a `pkg-stubs/` package's over one beside the module); when only one side has a stub, both sides are read from the source.",
  },
  examples: {
    bad: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch(url, *, timeout=10):\n    return url\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" },
    },
    good: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch(url, timeout=10, *, retries=0):\n    return url\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" },
    },
  },
  run(ctx) {
    const api = ctx.project.api;
    if (!api) return;
    const baseToml = ctx.project.readBase("pyproject.toml");
    if (typeof baseToml === "string") {
      const before = projectVersion(parseTomlFile("pyproject.toml", baseToml).data);
      const after = projectVersion(ctx.project.pyproject?.data);
      if (isBreakingRelease(before, after)) return;
    }
    for (const change of apiChanges(api.base, api.head)) {
      const breaking = change.changes.filter((c) => c.breaking);
      if (breaking.length === 0 || change.deprecatedAlias) continue;
      const what = breaking.map((c) => c.text).join("; ");
      // A removal goes on the removed line, on the diff's LEFT side; a change on its head line.
      const where = change.removed
        ? { path: change.basePath!, line: change.baseLine!, side: "LEFT" as const }
        : { path: change.path, line: change.line };
      const consequence = change.removed
        ? "code that uses it fails with ImportError or AttributeError"
        : "callers written for the old signature fail with TypeError";
      ctx.report({
        ...where,
        message: `Public API change in \`${change.object}\`: ${what}; ${consequence}. Keep a deprecated alias or release it as a new major version`,
      });
    }
  },
});

import { defineProjectCheck, type ProjectReportSpec } from "../../src/engine/check.js";
import { brokenCalls, changedPathsOf, citeSites, inOrder, type BrokenCall } from "../../src/engine/api/breakage.js";

export default defineProjectCheck({
  type: "bug",
  id: "broken-call",
  codes: [],
  category: "api",
  severity: "error",
  fix: "never",
  docs: {
    summary: "A call in a module the pull request does not touch no longer matches the function's new signature.",
    why: "Removing a keyword, adding a required parameter or making a parameter keyword-only changes every caller, and the callers outside the diff are the ones a reviewer does not see: `tests/test_sync.py` still passes `timeout=` and fails with `TypeError` after the merge. peptalk resolves calls across the repository (`from pkg.mod import f; f(...)`, `import pkg.mod as m; m.f(...)`, `pkg.mod.Class(...)` → `__init__`, `Class.method(...)`, `super().method(...)`) and reports a call only when it bound to the old signature and certainly does not bind to the new one: no `*args`/`**kwargs` on either side, no decorator that may change the signature, no monkeypatching of the name.",
  },
  examples: {
    bad: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch(url):\n    return url\n",
        "tests/test_client.py":
          "from pkg.client import fetch\n\n\ndef test_fetch():\n    assert fetch('x', timeout=3) == 'x'\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" },
    },
    good: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch(url, timeout=10, retries=0):\n    return url\n",
        "tests/test_client.py":
          "from pkg.client import fetch\n\n\ndef test_fetch():\n    assert fetch('x', timeout=3) == 'x'\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url, timeout=10):\n    return url\n" },
    },
  },
  run(ctx) {
    const api = ctx.project.api;
    if (!api) return;
    const reports: ProjectReportSpec[] = [];
    const broken = brokenCalls(api, changedPathsOf(api, ctx.project.changedPaths));
    const byDefinition = new Map<string, BrokenCall[]>();
    for (const b of broken) {
      reports.push({
        path: b.path,
        line: b.line,
        message: `\`${b.callee}(...)\` no longer matches \`${b.target}\` as this pull request changes it (${b.reason}), so the call raises TypeError`,
      });
      const key = `${b.defPath}\0${b.defLine}`;
      byDefinition.set(key, [...(byDefinition.get(key) ?? []), b]);
    }
    for (const sites of byDefinition.values()) {
      const first = sites[0]!;
      reports.push({
        path: first.defPath,
        line: first.defLine,
        message: `\`${first.target}\` changed here: the call at ${citeSites(sites)} no longer matches (${first.reason})`,
      });
    }
    for (const report of inOrder(reports)) ctx.report(report);
  },
});

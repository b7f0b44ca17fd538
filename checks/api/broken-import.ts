import { defineProjectCheck, type ProjectReportSpec } from "../../src/engine/check.js";
import { brokenImports, changedPathsOf, citeSites, inOrder, type BrokenImport } from "../../src/engine/api/breakage.js";

export default defineProjectCheck({
  type: "bug",
  id: "broken-import",
  codes: [],
  category: "api",
  severity: "error",
  fix: "never",
  docs: {
    summary: "A module the pull request does not touch imports a name (or module) the pull request removes or renames.",
    why: "The diff looks clean and every changed file passes its linters, but another module still says `from pkg.client import fetch`: after the merge it fails with `ImportError` the first time it is imported, often only in a test or a rarely used entry point. peptalk indexes the whole repository at base and head and reports each untouched import of a removed name (in the summary, on the import line) and, on the line of the pull request that removed the name (the diff's left side), who still imports it. A stub (`.pyi`) that drops a name while the module keeps it breaks no import: only the source is judged. Guarded imports (`try`/`if`), star imports, modules with `__getattr__` and names set through `setattr` or monkeypatching are left alone.",
  },
  examples: {
    bad: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch_all(url):\n    return url\n",
        "tests/test_client.py": "from pkg.client import fetch\n\n\ndef test_fetch():\n    assert fetch('x') == 'x'\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url):\n    return url\n" },
    },
    good: {
      files: {
        "pkg/__init__.py": "",
        "pkg/client.py": "def fetch_all(url):\n    return url\n\n\nfetch = fetch_all\n",
        "tests/test_client.py": "from pkg.client import fetch\n\n\ndef test_fetch():\n    assert fetch('x') == 'x'\n",
      },
      changed: ["pkg/client.py"],
      base: { "pkg/client.py": "def fetch(url):\n    return url\n" },
    },
  },
  run(ctx) {
    const api = ctx.project.api;
    if (!api) return;
    const reports: ProjectReportSpec[] = [];
    const broken = brokenImports(api, changedPathsOf(api, ctx.project.changedPaths));
    const byRemoval = new Map<string, BrokenImport[]>();
    for (const b of broken) {
      const what = b.name === null ? `\`import ${b.module}\`` : `\`from ${b.module} import ${b.name}\``;
      const gone = b.name === null ? `the module \`${b.module}\`` : `\`${b.name}\` from \`${b.module}\``;
      reports.push({
        path: b.path,
        line: b.line,
        message: `${what}: this pull request removes ${gone} (\`${b.removal.basePath}:${b.removal.baseLine}\` at base), so this import raises ImportError`,
      });
      const key = `${b.removal.basePath}\0${b.removal.baseLine}\0${b.name ?? b.module}`;
      byRemoval.set(key, [...(byRemoval.get(key) ?? []), b]);
    }
    for (const sites of byRemoval.values()) {
      const first = sites[0]!;
      reports.push({
        // On the removed line, as GitHub shows it on the diff's LEFT side.
        path: first.removal.basePath,
        line: first.removal.baseLine,
        side: "LEFT",
        message:
          first.name === null
            ? `the module \`${first.module}\` is removed with this file, still imported by ${citeSites(sites)}`
            : `\`${first.name}\` removed here, still imported by ${citeSites(sites)}`,
      });
    }
    for (const report of inOrder(reports)) ctx.report(report);
  },
});

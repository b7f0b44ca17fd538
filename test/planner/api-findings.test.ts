// What a PR breaks elsewhere reaches the plan: api findings in files the PR does not touch stay
// in the summary and count for the gate; the API changes table lists every public change.
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { apiInputFromTexts } from "../../src/engine/api/index.js";
import { apiChanges } from "../../src/engine/api/compare.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { enabledChecks, runEngine } from "../../src/engine/engine.js";
import { planReview } from "../../src/planner/plan-review.js";

const BASE_CLIENT = "def fetch(url, timeout=10):\n    return url\n\n\ndef ping():\n    return 1\n";
const HEAD_CLIENT = "def fetch(url, timeout=10, retries=0):\n    return url\n";
const PATCH =
  "@@ -1,6 +1,2 @@\n-def fetch(url, timeout=10):\n+def fetch(url, timeout=10, retries=0):\n     return url\n-\n-\n-def ping():\n-    return 1";
const HEAD = {
  "pkg/__init__.py": "",
  "pkg/client.py": HEAD_CLIENT,
  "tests/test_sync.py": "from pkg.client import ping\n",
};

async function plan(raw: unknown = {}) {
  const { config } = resolveConfig(raw, { rules: allChecks });
  const api = apiInputFromTexts(HEAD, { "pkg/client.py": BASE_CLIENT });
  const result = await runEngine(
    {
      files: [{ path: "pkg/client.py", content: HEAD_CLIENT }],
      config,
      project: { paths: Object.keys(HEAD), changedPaths: ["pkg/client.py"], files: HEAD, api },
    },
    allChecks,
  );
  return planReview({
    findings: result.findings,
    changedFiles: [{ path: "pkg/client.py", status: "modified", patch: PATCH }],
    existing: [],
    config,
    analysed: result.analysed,
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
    fileTexts: new Map([["pkg/client.py", HEAD_CLIENT]]),
    apiChanges: apiChanges(api.base, api.head),
  });
}

describe("api findings in the plan", () => {
  it.each(["changed-lines", "changed-files"])(
    "keeps the untouched importer's finding in the summary and counts it (scope %s)",
    async (scope) => {
      const p = await plan({ check: { scope } });
      const importer = p.summaryOnly.find((s) => s.finding.path === "tests/test_sync.py");
      expect(importer?.finding.rule).toBe("broken-import");
      expect(importer?.reason).toBe("outside-diff");
      expect(p.gate.counted).toContain(importer?.finding);
      expect(p.check.conclusion).toBe("failure");
      expect(p.check.summary).toContain("`tests/test_sync.py:1` `broken-import`");
    },
  );

  it("lists compatible and incompatible public changes in an API changes table", async () => {
    const p = await plan();
    expect(p.check.summary).toContain("### API changes");
    expect(p.check.summary).toContain("| `pkg.client.fetch` | new optional parameter `retries` | yes |");
    expect(p.check.summary).toContain("| `pkg.client.ping` | function removed | **no** |");
  });
});

// `peptalk review` reads the repository at base and head from local git objects and reports
// what the diff breaks in files it does not touch; `peptalk check` has no base and says nothing.
import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "../helpers/cli.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args],
    { cwd, encoding: "utf8" },
  );
}

const client =
  "import json\n\n\ndef fetch(url, timeout=10):\n    return json.dumps(url)\n\n\ndef ping():\n    return 1\n";

/** `main` has pkg/client.py with fetch(url, timeout) and ping(); `feature` changes it. */
function repo(headClient: string, extra: Record<string, string> = {}): string {
  const root = tempTree({
    ...extra,
    "pkg/__init__.py": "",
    "pkg/client.py": client,
    "tests/test_sync.py":
      "import os\nimport sys\nfrom pkg.client import ping\nfrom pkg.client import fetch\n\n\ndef test_fetch():\n    assert fetch('x', timeout=2)\n",
  });
  git(root, "init", "-q");
  git(root, "add", ".");
  git(root, "commit", "-qm", "base");
  git(root, "checkout", "-qb", "feature");
  writeFileSync(join(root, "pkg/client.py"), headClient);
  git(root, "commit", "-qam", "feature");
  return root;
}

describe("peptalk review: what this PR breaks elsewhere", () => {
  it("reports the broken import in the untouched test and the removal on the PR line", () => {
    const root = repo("import json\n\n\ndef fetch(url, timeout=10):\n    return json.dumps(url)\n");
    const result = runCli(["review", "--base", "main", "--format", "json"], root);
    const plan = JSON.parse(result.stdout);
    const summaryOnly = plan.summaryOnly.map(
      (s: { path: string; line: number; rule: string }) => `${s.path}:${s.line} ${s.rule}`,
    );
    expect(summaryOnly).toContain("tests/test_sync.py:3 broken-import");
    const all = [...plan.comments, ...plan.summaryOnly].map(
      (c: { rule: string; body?: string; message?: string }) => `${c.rule}: ${c.body ?? c.message}`,
    );
    expect(
      all.some(
        (t: string) =>
          t.startsWith("broken-import:") && t.includes("`ping` removed here, still imported by `tests/test_sync.py:3`"),
      ),
    ).toBe(true);
    expect(result.code).toBe(1);
  });

  it("reports the broken call and lists the API changes in the summary", () => {
    const root = repo(client.replace("url, timeout=10", "url, *, limit=10, verbose=False"));
    const result = runCli(["review", "--base", "main", "--format", "markdown"], root);
    expect(result.stdout).toContain("### API changes");
    expect(result.stdout).toContain(
      "| `pkg.client.fetch` | parameter `timeout` removed; new optional parameter `limit`; new optional parameter `verbose` | **no** |",
    );
    expect(result.stdout).toContain(
      "`tests/test_sync.py:8` `broken-call`: `fetch(...)` no longer matches `pkg.client.fetch` as this pull request changes it (no longer accepts the keyword `timeout`)",
    );
  });

  it("lists a compatible change and reports nothing", () => {
    const root = repo(client.replace("timeout=10", "timeout=10, retries=0"));
    const result = runCli(["review", "--base", "main", "--format", "markdown"], root);
    expect(result.stdout).toContain("| `pkg.client.fetch` | new optional parameter `retries` | yes |");
    expect(result.stdout).not.toMatch(/broken-|public-api-change/);
  });

  it("leaves out files the config excludes (vendored code, fixtures)", () => {
    const root = repo("import json\n\n\ndef fetch(url, timeout=10):\n    return json.dumps(url)\n", {
      ".github/peptalk.yml": "exclude:\n  - 'fixtures/**'\n",
      "fixtures/old_client.py": "from pkg.client import ping\n",
    });
    const plan = JSON.parse(runCli(["review", "--base", "main", "--format", "json"], root).stdout);
    const sites = plan.summaryOnly
      .filter((s: { rule: string }) => s.rule === "broken-import")
      .map((s: { path: string; line: number }) => `${s.path}:${s.line}`);
    // The fixture is neither a finding nor counted among the importers on the removal line.
    expect(sites).toEqual(["tests/test_sync.py:3"]);
    // The removal's comment sits on the removed `def ping():`, line 8 of the base (LEFT side).
    const removal = plan.comments.find(
      (c: { path: string; rule: string }) => c.path === "pkg/client.py" && c.rule === "broken-import",
    );
    expect(`${removal.line} ${removal.side}`).toBe("8 LEFT");
    expect(removal.body).toContain("`ping` removed here, still imported by `tests/test_sync.py:3`");
  });

  it("`peptalk check` has no base and stays silent", () => {
    const root = repo("def other():\n    pass\n");
    unlinkSync(join(root, "pkg/client.py"));
    const result = runCli(["check", "--format", "json", "."], root);
    expect(result.stdout).not.toMatch(/broken-import|broken-call|public-api-change/);
  });
});

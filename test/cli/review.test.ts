import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "../helpers/cli.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args],
    {
      cwd,
      encoding: "utf8",
    },
  );
}

/** A repository whose `feature` branch changes app.py on top of `main`. */
function repoWithBranch(): string {
  // The team runs Ruff (its default selection has E713): `not-in-test`, a taste rule, speaks.
  const root = tempTree({
    "app.py": "def old(x: object) -> bool:\n    return x == None\n",
    "README.md": "hi\n",
    "ruff.toml": "line-length = 100\n",
  });
  git(root, "init", "-q");
  git(root, "add", ".");
  git(root, "commit", "-qm", "base");
  git(root, "checkout", "-qb", "feature");
  writeFileSync(
    join(root, "app.py"),
    "def old(x: object) -> bool:\n    return x == None\n\n\ndef new(y: object, items: list = []) -> object:\n    if not y in items:\n        return items\n",
  );
  git(root, "commit", "-qam", "feature");
  return root;
}

describe("peptalk review (local git diff)", () => {
  it("prints the plan: inline comments on changed lines with suggestions, the rest summary-only, the conclusion", () => {
    const root = repoWithBranch();
    const result = runCli(["review"], root);
    expect(result.stdout).toContain("Conclusion: failure (1 error, 1 warning in 1 file)");
    expect(result.stdout).toContain("app.py:5  error mutable-default-argument");
    expect(result.stdout).toContain("app.py:6  warning not-in-test: Membership test should use `not in`");
    expect(result.stdout).toContain("      |     if y not in items:");
    expect(result.stdout).toContain("app.py:2  none-comparison");
    expect(result.stdout).toContain("[outside-diff]");
    expect(result.code).toBe(1);
  });

  it("prints JSON with --format json and honours --base/--head", () => {
    const root = repoWithBranch();
    const plan = JSON.parse(runCli(["review", "--base", "main", "--head", "feature", "--format", "json"], root).stdout);
    expect(plan.comments.map((c: { line: number; rule: string }) => `${c.line} ${c.rule}`)).toEqual([
      "5 mutable-default-argument",
      "6 not-in-test",
    ]);
    expect(plan.gate).toEqual({ counted: 2, failing: 1, preExisting: 1 });
  });

  it("says there is nothing new when the diff adds no findings", () => {
    const root = repoWithBranch();
    const result = runCli(["review", "--base", "feature", "--head", "feature"], root);
    expect(result.stdout).toContain("Conclusion: success (0 new findings");
    expect(result.code).toBe(0);
  });

  it("rejects unknown revisions and --post without --pr", () => {
    const root = repoWithBranch();
    expect(runCli(["review", "--base", "nope"], root)).toMatchObject({
      code: 2,
      stderr: "peptalk: unknown git revision: nope\n",
    });
    expect(runCli(["review", "--post"], root)).toMatchObject({
      code: 2,
      stderr: "peptalk: --post needs --pr OWNER/REPO#N\n",
    });
    expect(runCli(["review", "--pr", "bad"], root).stderr).toContain("--pr takes OWNER/REPO#NUMBER");
  });

  it("reports a dependency bumped in pyproject.toml while uv.lock stays stale, on the changed line", () => {
    const pyproject = (deps: string): string =>
      `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "acme"\nversion = "1.0"\nrequires-python = ">=3.9"\ndependencies = [\n${deps}]\n`;
    const root = tempTree({
      "pyproject.toml": pyproject('  "requests>=2.31",\n'),
      "uv.lock": "version = 1\n",
      "acme/__init__.py": "",
    });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-qm", "base");
    git(root, "checkout", "-qb", "feature");
    writeFileSync(join(root, "pyproject.toml"), pyproject('  "requests>=2.32",\n  "httpx>=0.27",\n'));
    git(root, "commit", "-qam", "bump");
    const plan = JSON.parse(runCli(["review", "--format", "json"], root).stdout);
    const comments = plan.comments.map((c: { path: string; line: number; rule: string; body: string }) => c);
    expect(comments.map((c: { path: string; line: number; rule: string }) => `${c.path}:${c.line} ${c.rule}`)).toEqual([
      "pyproject.toml:11 lockfile-not-updated",
    ]);
    expect(comments[0].body).toContain("adds `httpx`, changes `requests`");
    expect(comments[0].body).toContain("uv lock");

    // Committing the refreshed lock settles it.
    writeFileSync(join(root, "uv.lock"), "version = 1\n# refreshed\n");
    git(root, "commit", "-qam", "lock");
    const after = JSON.parse(runCli(["review", "--format", "json"], root).stdout);
    expect(after.comments).toEqual([]);
  });
});

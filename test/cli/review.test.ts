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
  const root = tempTree({ "app.py": "def old(x: object) -> bool:\n    return x == None\n", "README.md": "hi\n" });
  git(root, "init", "-q");
  git(root, "add", ".");
  git(root, "commit", "-qm", "base");
  git(root, "checkout", "-qb", "feature");
  writeFileSync(
    join(root, "app.py"),
    "def old(x: object) -> bool:\n    return x == None\n\n\ndef new(y: object, items: list = []) -> object:\n    if not y in items:\n        return y\n",
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
});

// The pre-commit hook as pre-commit runs it: the hook's `entry` with the staged files of
// matching types as arguments, in the repository's root.
import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { runCli, tempTree } from "../helpers/cli.js";

interface Hook {
  id: string;
  entry: string;
  language: string;
  types_or: string[];
  require_serial: boolean;
  args?: string[];
}

const hooks = parse(readFileSync(new URL("../../.pre-commit-hooks.yaml", import.meta.url), "utf8")) as Hook[];
const hook = hooks.find((h) => h.id === "peptalk")!;

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    encoding: "utf8",
  });
}

/** The staged files pre-commit would pass: added/copied/modified/renamed, of the hook's types. */
function stagedFilesForHook(cwd: string): string[] {
  const extensions = hook.types_or.flatMap((t) => (t === "python" ? [".py", ".pyi"] : t === "pyi" ? [".pyi"] : []));
  return git(cwd, "diff", "--cached", "--name-only", "--diff-filter=ACMR")
    .split("\n")
    .filter((f) => extensions.some((e) => f.endsWith(e)));
}

describe("pre-commit hook", () => {
  it("is a node hook that runs `peptalk check` once on Python and stub files", () => {
    expect(hook).toMatchObject({ entry: "peptalk check", language: "node", require_serial: true });
    expect(hook.types_or).toEqual(["python", "pyi"]);
  });

  it("checks the staged Python files of a repository and fails the commit on findings", () => {
    const repo = tempTree({
      ".github/peptalk.yml": "rules:\n  none-comparison: error\n",
      "committed.py": "x == None\n",
      "pkg/staged.py": "def f(x):\n    return x == None\n",
      "notes.txt": "x == None\n",
      "unstaged.py": "y == None\n",
    });
    git(repo, "init", "-q");
    git(repo, "add", "committed.py");
    git(repo, "commit", "-qm", "base");
    git(repo, "add", "pkg/staged.py", "notes.txt", ".github/peptalk.yml");
    const files = stagedFilesForHook(repo);
    expect(files).toEqual(["pkg/staged.py"]);
    const [, ...entryArgs] = hook.entry.split(" ");
    const result = runCli([...entryArgs, ...(hook.args ?? []), ...files], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("pkg/staged.py:2:17: error none-comparison");
    expect(result.stdout).not.toContain("committed.py");
    expect(result.stdout).not.toContain("unstaged.py");
  });

  it("passes a clean commit", () => {
    const repo = tempTree({ "ok.py": "def f(x):\n    return x is None\n" });
    git(repo, "init", "-q");
    git(repo, "add", "ok.py");
    const [, ...entryArgs] = hook.entry.split(" ");
    expect(runCli([...entryArgs, ...stagedFilesForHook(repo)], repo).code).toBe(0);
  });

  it("keeps its result cache at the repository root, ignored by git, and a later commit gets the same answer", () => {
    const repo = tempTree({ "pkg/a.py": "def f(x):\n    return x == None\n", "pkg/b.py": "y = 1\n" });
    git(repo, "init", "-q");
    git(repo, "add", "pkg");
    const [, ...entryArgs] = hook.entry.split(" ");
    const first = runCli([...entryArgs, ...stagedFilesForHook(repo)], repo);
    expect(existsSync(join(repo, ".peptalk_cache"))).toBe(true);
    expect(git(repo, "status", "--porcelain", "--untracked-files=all")).not.toContain(".peptalk_cache");
    // A later run with the cache in place reports a.py as before.
    git(repo, "commit", "-qm", "c");
    writeFileSync(join(repo, "pkg/b.py"), "y = 2\n");
    git(repo, "add", "pkg/b.py");
    const second = runCli([...entryArgs, ...stagedFilesForHook(repo), "pkg/a.py"], repo);
    expect(second.stdout).toBe(first.stdout);
  });
});

// Taste rules as a user meets them: `peptalk rules` says which rules are taste, `peptalk check`
// and `peptalk review` say what house style they inferred and speak only where it holds.
import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "../helpers/cli.js";

const annotated = (name: string): string => `def ${name}(value: int) -> int:\n    return value\n\n\n`;
const bare = (name: string): string => `def ${name}(value):\n    return value\n\n\n`;
const many = (n: number, make: (name: string) => string): string =>
  Array.from({ length: n }, (_, i) => make(`f${i}`)).join("");

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args],
    {
      cwd,
    },
  );
}

describe("taste rules in the CLI", () => {
  it("`peptalk rules` says whether each rule is a bug or a taste rule", () => {
    const rules = JSON.parse(runCli(["rules", "--format", "json"], process.cwd()).stdout) as {
      id: string;
      type: string;
    }[];
    const type = (id: string): string | undefined => rules.find((r) => r.id === id)?.type;
    expect(type("mutable-default-argument")).toBe("bug");
    expect(type("missing-return-annotation")).toBe("taste");
    expect(rules.every((r) => r.type === "bug" || r.type === "taste")).toBe(true);
    const page = runCli(["rules", "--format", "markdown"], process.cwd()).stdout;
    expect(page).toContain("| rule | category | type | codes | default | fix |");
    expect(page).toContain("| [missing-return-annotation](#missing-return-annotation) | typing | taste | ANN201 |");
    expect(page).toContain(
      "Type: **taste** (speaks where the team selected it, or where the file's code follows the convention: public functions have a return annotation)",
    );
  });

  it("`peptalk check` reports the outlier of an annotated module and says why", () => {
    const root = tempTree({ "pkg/__init__.py": "", "pkg/typed.py": many(9, annotated) + bare("legacy") });
    const result = runCli(["check", "."], root);
    expect(result.stdout).toContain(
      "pkg/typed.py:37:5: info missing-return-annotation [ANN201] Public function `legacy` has no return annotation",
    );
    expect(result.stdout).toContain(
      "House style: pkg/typed.py: 9 of 10 public functions have a return annotation, so missing-return-annotation reports 1 finding.",
    );
    // Selected by the user, a taste rule reports everywhere: no inference to explain.
    const selected = runCli(["check", "--select", "missing-return-annotation", "."], root);
    expect(selected.stdout).toContain("pkg/typed.py:37:5: info missing-return-annotation");
    expect(selected.stdout).not.toContain("House style");
  });

  it("`peptalk check` sums the house style up per rule on a big run", () => {
    const files: Record<string, string> = { "pkg/__init__.py": "" };
    for (let i = 0; i < 12; i++) files[`pkg/m${i}.py`] = many(9, annotated) + bare("legacy");
    const result = runCli(
      ["check", "--select", "missing-return-annotation,missing-parameter-annotation", "."],
      tempTree(files),
    );
    expect(result.stdout).not.toContain("House style"); // selected: nothing inferred
    const inferred = runCli(["check", "."], tempTree(files)).stdout;
    expect(inferred).toContain(
      "House style: missing-return-annotation reports 12 findings in 12 files whose code follows the convention (pkg/m0.py: 9 of 10 public functions have a return annotation).",
    );
    expect(inferred.match(/^House style/gm)).toHaveLength(2);
  });

  it("`peptalk check` stays quiet on a module that annotates nothing, and says so", () => {
    const root = tempTree({ "pkg/__init__.py": "", "pkg/untyped.py": many(10, bare) });
    const result = runCli(["check", "."], root);
    expect(result.stdout).not.toContain("missing-return-annotation [ANN201]");
    expect(result.stdout).toContain(
      "House style: 20 taste findings left unsaid in 1 file whose code does not follow the convention (missing-parameter-annotation 10, missing-return-annotation 10)",
    );
  });

  it("`peptalk review` comments a new unannotated function in an annotated module, with the inferred style in the summary", () => {
    const root = tempTree({ "pkg/__init__.py": "", "pkg/typed.py": many(6, annotated) });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-qm", "base");
    git(root, "checkout", "-qb", "feature");
    writeFileSync(join(root, "pkg/typed.py"), many(6, annotated) + bare("added"));
    git(root, "commit", "-qam", "feature");
    const plan = JSON.parse(runCli(["review", "--format", "json"], root).stdout) as {
      comments: { line: number; rule: string }[];
    };
    expect(plan.comments.map((c) => `${c.line} ${c.rule}`).sort()).toEqual([
      "25 missing-parameter-annotation",
      "25 missing-return-annotation",
    ]);
    const markdown = runCli(["review", "--format", "markdown"], root).stdout;
    expect(markdown).toContain("### House style");
    expect(markdown).toContain(
      "- `pkg/typed.py`: 6 of 6 public functions have a return annotation in its unchanged code, so `missing-return-annotation` spoke.",
    );
  });
});

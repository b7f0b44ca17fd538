import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "../helpers/cli.js";

const SAMPLE = "def f(x: object) -> object:\n    if x == None:\n        return 1\n    return x != None\n";
/** One safe fix (E713: the same bytecode) and one unsafe fix (E711: `__eq__` may be overloaded). */
const MIXED = "def f(k: object, d: dict) -> object:\n    if not k in d:\n        return 1\n    return k == None\n";
/** A Ruff config with its default selection: E713 (`not-in-test`, a taste rule) is then the team's choice. */
const RUFF_DEFAULTS = { "ruff.toml": "line-length = 100\n" };
const MIXED_SAFE_FIXED =
  "def f(k: object, d: dict) -> object:\n    if k not in d:\n        return 1\n    return k == None\n";

interface JsonFinding {
  path: string;
  rule: string;
  line: number;
  fix: { applicability: string; unsafeReason?: string } | null;
}
function jsonFindings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

describe("peptalk check (as a process)", () => {
  it("prints findings as text with a summary and exits 0 when nothing reaches fail_on", () => {
    const root = tempTree({ "pkg/__init__.py": "", "pkg/a.py": SAMPLE, "pkg/clean.py": "x = 1\n" });
    const result = runCli(["check", "."], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "pkg/a.py:2:13: warning none-comparison [E711] Comparison to `None` should be `is`, not `==`",
    );
    // E711's fix is unsafe: not marked fixable, counted as hidden (Ruff's wording).
    expect(result.stdout).toMatch(
      /2 findings \(0 errors, 2 warnings, 0 info\) in 1 file of 3 checked; 2 hidden fixes can be enabled with the `--unsafe-fixes` option\./,
    );
    expect(result.stdout).not.toContain("\x1b["); // no colour when stdout is not a TTY
  });

  it("exits 1 when findings reach the failing severity", () => {
    const root = tempTree({ "a.py": SAMPLE });
    expect(runCli(["check", "--fail-on", "warning"], root).code).toBe(1);
    const configured = tempTree({ "a.py": SAMPLE, ".github/peptalk.yml": "rules:\n  none-comparison: error\n" });
    expect(runCli(["check"], configured).code).toBe(1);
  });

  it("prints the JSON contract", () => {
    const root = tempTree({ "a.py": "x == None\n" });
    const result = runCli(["check", "a.py", "--format", "json"], root);
    expect(JSON.parse(result.stdout)).toEqual({
      findings: [
        {
          path: "a.py",
          rule: "none-comparison",
          codes: ["E711"],
          severity: "warning",
          message: "Comparison to `None` should be `is`, not `==`",
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 10,
          fix: {
            description: "Replace `==` with `is`",
            applicability: "unsafe",
            unsafeReason: expect.stringContaining("`__eq__`"),
            edits: [{ line: 1, column: 3, endLine: 1, endColumn: 5, text: "is" }],
          },
        },
      ],
    });
  });

  it("prints GitHub workflow annotations", () => {
    const root = tempTree({ "a.py": "x == None\n" });
    const result = runCli(["check", "--format", "github"], root);
    expect(result.stdout.trim()).toBe(
      "::warning file=a.py,line=1,endLine=1,col=6,endColumn=10,title=peptalk none-comparison (E711)::Comparison to `None` should be `is`, not `==`",
    );
  });

  it("prints SARIF 2.1.0 with rules, regions and only safe fixes", () => {
    const root = tempTree({ "a.py": "x == None\nok = not k in d\n", ...RUFF_DEFAULTS });
    const sarif = JSON.parse(runCli(["check", "--format", "sarif", "--unsafe-fixes"], root).stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("none-comparison");
    const byRule = new Map(run.results.map((r: { ruleId: string }) => [r.ruleId, r]));
    expect(byRule.get("none-comparison")).toMatchObject({
      ruleId: "none-comparison",
      level: "warning",
      locations: [
        { physicalLocation: { artifactLocation: { uri: "a.py" }, region: { startLine: 1, startColumn: 6 } } },
      ],
    });
    // A SARIF fix may be applied without a human: the unsafe E711 fix is left out, even with --unsafe-fixes.
    expect(byRule.get("none-comparison")).not.toHaveProperty("fixes");
    expect(byRule.get("not-in-test")).toMatchObject({ fixes: [{ description: { text: "Use `not in`" } }] });
  });

  it("marks fixes --fix would apply with [*] and counts the hidden unsafe ones", () => {
    const root = tempTree({ "a.py": MIXED, ...RUFF_DEFAULTS });
    const result = runCli(["check"], root);
    expect(result.stdout).toContain("a.py:2:12: warning not-in-test [E713] [*] Membership test should use `not in`");
    expect(result.stdout).toContain(
      "a.py:4:17: warning none-comparison [E711] Comparison to `None` should be `is`, not `==`",
    );
    expect(result.stdout).toMatch(
      /; 1 fixable with --fix; 1 hidden fix can be enabled with the `--unsafe-fixes` option\.$/m,
    );
  });

  it("applies only safe fixes with --fix, and says how many unsafe ones it left", () => {
    const root = tempTree({ "a.py": MIXED, ...RUFF_DEFAULTS });
    const result = runCli(["check", "--fix"], root);
    expect(readFileSync(join(root, "a.py"), "utf8")).toBe(MIXED_SAFE_FIXED);
    expect(result.stdout).toMatch(
      /1 finding \(0 errors, 1 warning, 0 info\) in 1 file of 1 checked; 1 fix applied; 1 hidden fix can be enabled with the `--unsafe-fixes` option\./,
    );
  });

  it("applies unsafe fixes too with --fix --unsafe-fixes", () => {
    const root = tempTree({ "a.py": MIXED, "b.py": SAMPLE, ...RUFF_DEFAULTS });
    const result = runCli(["check", "--fix", "--unsafe-fixes"], root);
    expect(readFileSync(join(root, "a.py"), "utf8")).toBe(
      "def f(k: object, d: dict) -> object:\n    if k not in d:\n        return 1\n    return k is None\n",
    );
    expect(readFileSync(join(root, "b.py"), "utf8")).toBe(
      "def f(x: object) -> object:\n    if x is None:\n        return 1\n    return x is not None\n",
    );
    expect(result.stdout).toMatch(/No findings in 2 files; 4 fixes applied\./);
  });

  it("shows unsafe fixes as available with --unsafe-fixes alone, and changes nothing", () => {
    const root = tempTree({ "a.py": MIXED, ...RUFF_DEFAULTS });
    const result = runCli(["check", "--unsafe-fixes"], root);
    expect(readFileSync(join(root, "a.py"), "utf8")).toBe(MIXED);
    expect(result.stdout).toContain("a.py:4:17: warning none-comparison [E711] [*] Comparison to `None`");
    expect(result.stdout).toMatch(/; 2 fixable with --fix\.$/m);
    expect(result.stdout).not.toContain("hidden");
  });

  it("gives each fix's applicability in JSON, with the reason an unsafe one needs a human", () => {
    const root = tempTree({ "a.py": MIXED, ...RUFF_DEFAULTS });
    const findings = jsonFindings(runCli(["check", "--format", "json"], root).stdout);
    const fixes = Object.fromEntries(findings.map((f) => [f.rule, f.fix]));
    expect(fixes["not-in-test"]).toMatchObject({ applicability: "safe" });
    expect(fixes["not-in-test"]).not.toHaveProperty("unsafeReason");
    expect(fixes["none-comparison"]).toMatchObject({
      applicability: "unsafe",
      unsafeReason: expect.stringMatching(/overrid/),
    });
  });

  it("selects and ignores by id, code and category", () => {
    const root = tempTree({ "a.py": SAMPLE });
    expect(JSON.parse(runCli(["check", "--select", "E711", "--format", "json"], root).stdout).findings).toHaveLength(2);
    expect(JSON.parse(runCli(["check", "--ignore", "idioms", "--format", "json"], root).stdout).findings).toHaveLength(
      0,
    );
  });

  it("skips a file it cannot read as UTF-8, saying why, and checks the rest", () => {
    const root = tempTree({ "a.py": SAMPLE, "latin.py": Buffer.from([0x73, 0x3d, 0x22, 0xe9, 0x22, 0x0a]) });
    const result = runCli(["check", "--format", "json"], root);
    expect(JSON.parse(result.stdout).findings).toHaveLength(2);
    expect(result.stderr).toContain("peptalk: skipped latin.py: not valid UTF-8");
  });

  it("analyses many files on worker threads with the same, ordered result", () => {
    const files: Record<string, string> = {};
    files["pkg/__init__.py"] = "";
    for (let i = 0; i < 120; i++) files[`pkg/m${String(i).padStart(3, "0")}.py`] = SAMPLE;
    const root = tempTree(files);
    const findings = JSON.parse(runCli(["check", "--format", "json"], root).stdout).findings as {
      path: string;
      line: number;
    }[];
    expect(findings).toHaveLength(240);
    const keys = findings.map((f) => `${f.path}:${f.line}`);
    expect(keys).toEqual([...keys].sort());
  });

  it.each([
    [["check", "missing-dir"], /^peptalk: no such file or directory: missing-dir\n$/],
    [["check", "--format", "xml"], /^peptalk: --format must be one of text, json, sarif, github, not "xml"\n$/],
    [["check", "--bogus"], /^peptalk: Unknown option '--bogus'/],
    [["check", "--select", "no-such-rule"], /^peptalk: unknown rule, code or category: no-such-rule\n$/],
    [["check", "--python", "three"], /^peptalk: --python takes a version like 3.10/],
    [["frobnicate"], /^peptalk: unknown command "frobnicate"/],
  ])("exits 2 with a one-line error for %j", (args, message) => {
    const result = runCli(args, tempTree({ "a.py": "x = 1\n" }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 and names the key for a broken config", () => {
    const root = tempTree({ "a.py": "x = 1\n", ".github/peptalk.yml": "reveiw:\n  max_comments: 3\n" });
    const result = runCli(["check"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('peptalk: config error at reveiw: Unknown key "reveiw". Did you mean "review"?\n');
  });
});

describe("peptalk rules", () => {
  it("lists every rule as JSON with its docs", () => {
    const rules = JSON.parse(runCli(["rules", "--format", "json"], process.cwd()).stdout) as {
      id: string;
      docs: { summary: string };
    }[];
    expect(rules.find((r) => r.id === "none-comparison")).toMatchObject({
      id: "none-comparison",
      codes: ["E711"],
      fixable: "sometimes",
    });
    for (const r of rules) expect(r.docs.summary.length).toBeGreaterThan(0);
  });
});

describe("configuration discovery", () => {
  it("finds .github/peptalk.yml at the repository root when run from a subdirectory", () => {
    const root = tempTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".github/peptalk.yml": "rules:\n  none-comparison: off\n",
      "pkg/__init__.py": "",
      "pkg/a.py": SAMPLE,
    });
    const result = runCli(["check", ".", "--format", "json"], join(root, "pkg"));
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it("accepts [tool.peptalk] in pyproject.toml with the same schema", () => {
    const root = tempTree({ "pyproject.toml": '[tool.peptalk.rules]\nnone-comparison = "error"\n', "a.py": SAMPLE });
    const result = runCli(["check", "--format", "json"], root);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].severity).toBe("error");
  });

  it("refuses a repository configured in both places, with a clear error", () => {
    const root = tempTree({
      "pyproject.toml": '[tool.peptalk]\npython = "3.12"\n',
      ".github/peptalk.yml": 'python: "3.11"\n',
      "a.py": "x = 1\n",
    });
    const result = runCli(["check"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/configured twice: in \.github\/peptalk\.yml and in \[tool\.peptalk\]/);
  });

  it("honours the repository's Ruff ignores", () => {
    const root = tempTree({ "ruff.toml": 'lint.ignore = ["E711"]\n', "a.py": SAMPLE });
    expect(JSON.parse(runCli(["check", "--format", "json"], root).stdout).findings).toEqual([]);
  });
});

describe("files given on the command line: every one is checked or reported skipped", () => {
  const FLAGGED = "x == None\n";
  /** The summary's "N file(s) of M checked" / "No findings in M files" count. */
  function checkedCount(stdout: string): number {
    const match = /of (\d+) checked|No findings in (\d+) files?/.exec(stdout);
    if (!match) throw new Error(`no summary in: ${stdout}`);
    return Number(match[1] ?? match[2]);
  }
  function flaggedPaths(stdout: string): string[] {
    return jsonFindings(stdout)
      .filter((f) => f.rule === "none-comparison")
      .map((f) => f.path)
      .sort();
  }

  it("names the files of several directories outside git by their own directory, so none collide", () => {
    const root = tempTree({ "dirA/__init__.py": FLAGGED, "dirA/a.py": FLAGGED, "dirB/__init__.py": FLAGGED });
    const text = runCli(["check", "dirA", "dirB", "--select", "E711"], root).stdout;
    expect(checkedCount(text)).toBe(3);
    const json = runCli(["check", "dirA", "dirB", "--select", "E711", "--format", "json"], root).stdout;
    expect(flaggedPaths(json)).toEqual(["dirA/__init__.py", "dirA/a.py", "dirB/__init__.py"]);
  });

  it("checks a file once when roots nest or overlap, or when it is given twice", () => {
    const root = tempTree({ "pkg/__init__.py": FLAGGED, "pkg/sub/__init__.py": FLAGGED, "pkg/sub/m.py": FLAGGED });
    const args = ["check", "pkg", "pkg/sub", "pkg/sub/m.py", "./pkg/sub/m.py", "pkg/sub/m.py", "--select", "E711"];
    const text = runCli(args, root);
    expect(checkedCount(text.stdout)).toBe(3);
    expect(text.stdout).not.toContain("skipped");
    expect(flaggedPaths(runCli([...args, "--format", "json"], root).stdout)).toEqual([
      "pkg/__init__.py",
      "pkg/sub/__init__.py",
      "pkg/sub/m.py",
    ]);
  });

  it("follows symlinks to files and directories once, and reports the second path and loops as skipped", () => {
    const root = tempTree({ "pkg/real.py": FLAGGED, "shared/util.py": FLAGGED, "outside/ext.py": FLAGGED });
    symlinkSync("real.py", join(root, "pkg/alias.py"));
    symlinkSync("../shared", join(root, "pkg/shared"));
    symlinkSync("../outside/ext.py", join(root, "pkg/ext.py"));
    symlinkSync(".", join(root, "pkg/loop"));
    symlinkSync("missing.py", join(root, "pkg/dead.py"));
    const result = runCli(["check", "pkg", "--select", "E711"], root);
    expect(result.code).toBe(0);
    // real.py, ext.py (a link to a file outside) and shared/util.py (through the linked directory).
    expect(checkedCount(result.stdout)).toBe(3);
    expect(result.stdout).toContain("pkg/alias.py: skipped: same file as pkg/real.py");
    expect(result.stdout).toContain("pkg/loop: skipped: same directory as pkg");
    expect(result.stdout).toContain("pkg/dead.py: skipped: broken symbolic link");
    expect(result.stdout).toMatch(/3 files skipped\.$/m);
    const json = runCli(["check", "pkg", "--select", "E711", "--format", "json"], root).stdout;
    expect(flaggedPaths(json)).toEqual(["pkg/ext.py", "pkg/real.py", "pkg/shared/util.py"]);

    // Given as well, the real directory is the path kept; the link to it is the one skipped.
    const both = runCli(["check", "pkg", "shared", "--select", "E711", "--format", "json"], root);
    expect(flaggedPaths(both.stdout)).toEqual(["pkg/ext.py", "pkg/real.py", "shared/util.py"]);
    expect(both.stderr).toContain("peptalk: skipped pkg/shared: same directory as shared");
  });

  it("keeps repository-relative paths inside a repository and names a directory outside it from the working directory", () => {
    const root = tempTree({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/peptalk.yml": "exclude: ['generated/**']\n",
      "repo/__init__.py": FLAGGED,
      "repo/generated/g.py": FLAGGED,
      "other/__init__.py": FLAGGED,
    });
    const cwd = join(root, "repo");
    const text = runCli(["check", ".", "../other", "--select", "E711"], cwd);
    expect(checkedCount(text.stdout)).toBe(2);
    const json = runCli(["check", ".", "../other", "--select", "E711", "--format", "json"], cwd).stdout;
    expect(flaggedPaths(json)).toEqual(["../other/__init__.py", "__init__.py"]);
    // A file the configuration excludes is said to be skipped when it is named, not silently dropped.
    const named = runCli(["check", "generated/g.py", "--select", "E711"], cwd);
    expect(named.stdout).toContain("generated/g.py: skipped: excluded by the configuration");
    // ... and quietly left out when a directory walk meets it.
    expect(text.stdout).not.toContain("generated");
  });

  it("does the same in a real git checkout, with paths relative to its root", () => {
    const root = tempTree({ "repo/pkg/__init__.py": FLAGGED, "repo/pkg/m.py": FLAGGED, "other/__init__.py": FLAGGED });
    const repo = join(root, "repo");
    expect(spawnSync("git", ["init", "-q"], { cwd: repo }).status).toBe(0);
    const args = ["check", "pkg", "pkg/m.py", "../other", "--select", "E711", "--format", "json"];
    const fromRepo = runCli(args, repo);
    expect(flaggedPaths(fromRepo.stdout)).toEqual(["../other/__init__.py", "pkg/__init__.py", "pkg/m.py"]);
    // Run from a subdirectory, the paths shown are relative to where peptalk runs.
    const fromPkg = runCli(["check", ".", "../../other", "--select", "E711", "--format", "json"], join(repo, "pkg"));
    expect(flaggedPaths(fromPkg.stdout)).toEqual(["../../other/__init__.py", "__init__.py", "m.py"]);
  });

  it("checks every module of two stdlib-like packages given side by side", () => {
    const files: Record<string, string> = {};
    for (const pkg of ["tkinter", "unittest"])
      for (const mod of ["__init__", "__main__", "constants"]) files[`lib/${pkg}/${mod}.py`] = FLAGGED;
    const root = tempTree(files);
    mkdirSync(join(root, "lib/tkinter/__pycache__"));
    const result = runCli(["check", "tkinter", "unittest", "--select", "E711", "--format", "json"], join(root, "lib"));
    expect(flaggedPaths(result.stdout)).toEqual(
      Object.keys(files)
        .map((p) => p.slice("lib/".length))
        .sort(),
    );
  });
});

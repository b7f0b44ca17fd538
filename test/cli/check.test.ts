import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "../helpers/cli.js";

const SAMPLE = "def f(x: object) -> object:\n    if x == None:\n        return 1\n    return x != None\n";

describe("peptalk check (as a process)", () => {
  it("prints findings as text with a summary and exits 0 when nothing reaches fail_on", () => {
    const root = tempTree({ "pkg/__init__.py": "", "pkg/a.py": SAMPLE, "pkg/clean.py": "x = 1\n" });
    const result = runCli(["check", "."], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "pkg/a.py:2:13: warning none-comparison [E711] Comparison to `None` should be `is`, not `==`",
    );
    expect(result.stdout).toMatch(
      /2 findings \(0 errors, 2 warnings, 0 info\) in 1 file of 3 checked; 2 fixable with --fix\./,
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

  it("prints SARIF 2.1.0 with rules, regions and fixes", () => {
    const root = tempTree({ "a.py": "x == None\n" });
    const sarif = JSON.parse(runCli(["check", "--format", "sarif"], root).stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("none-comparison");
    expect(run.results[0]).toMatchObject({
      ruleId: "none-comparison",
      level: "warning",
      locations: [
        { physicalLocation: { artifactLocation: { uri: "a.py" }, region: { startLine: 1, startColumn: 6 } } },
      ],
      fixes: [{ description: { text: "Replace `==` with `is`" } }],
    });
  });

  it("applies safe fixes in place with --fix and reports what is left", () => {
    const root = tempTree({ "a.py": SAMPLE });
    const result = runCli(["check", "--fix"], root);
    expect(readFileSync(join(root, "a.py"), "utf8")).toBe(
      "def f(x: object) -> object:\n    if x is None:\n        return 1\n    return x is not None\n",
    );
    expect(result.stdout).toMatch(/No findings in 1 file; 2 fixes applied\./);
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

// `peptalk check`'s result cache, run as a process: a warm run prints what a cold one does, and
// every input a file's findings depend on invalidates its entry.
import { describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, runCli, tempTree, type CliResult } from "../helpers/cli.js";

const A = "def f(x: int = None) -> int:\n    return x == None\n";
const ASYNC_TEST = "import asyncio\n\n\nasync def test_x():\n    await asyncio.sleep(0)\n";
const ARGS = ["check", ".", "--select", "typing,idioms,testing", "--format", "json", "--fail-on", "never"];

interface Entry {
  path: string;
  key: string;
  result: { findings: { message: string; rule: string }[] };
}

function entries(cacheDir: string): { file: string; entry: Entry }[] {
  const root = join(cacheDir, "v1");
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((shard) =>
    readdirSync(join(root, shard))
      .filter((n) => n.endsWith(".json"))
      .map((n) => {
        const file = join(root, shard, n);
        return { file, entry: JSON.parse(readFileSync(file, "utf8")) as Entry };
      }),
  );
}

/** Marks every cached finding of `path`, so output that carries the mark came from the cache. */
function tamper(cacheDir: string, path: string): number {
  let marked = 0;
  for (const { file, entry } of entries(cacheDir)) {
    if (entry.path !== path) continue;
    for (const f of entry.result.findings) f.message = `CACHED ${f.message}`;
    marked += entry.result.findings.length;
    writeFileSync(file, JSON.stringify(entry));
  }
  return marked;
}

/** Runs with the cache, checks the output equals a run without it, and returns it. */
function checkAgainstCold(root: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const warm = runCli(ARGS, root, env);
  const cold = runCli([...ARGS, "--no-cache"], root, env);
  expect(warm.code).toBe(0);
  expect(warm.stdout).toBe(cold.stdout);
  return warm;
}

describe("peptalk check result cache", () => {
  it("is created at the project root, ignores itself, and a warm run prints the same from the cache", () => {
    const root = tempTree({ "a.py": A, "b.py": "x = 1\nif x == None:\n    pass\n" });
    const cold = runCli(ARGS, root);
    expect(cold.code).toBe(0);
    expect(readFileSync(join(root, ".peptalk_cache/.gitignore"), "utf8")).toMatch(/^\*$/m);
    expect(
      entries(join(root, ".peptalk_cache"))
        .map((e) => e.entry.path)
        .sort(),
    ).toEqual(["a.py", "b.py"]);
    expect(runCli(ARGS, root).stdout).toBe(cold.stdout);
    // The warm run reads its findings from the entries: a marked entry shows in the output.
    expect(tamper(join(root, ".peptalk_cache"), "a.py")).toBeGreaterThan(0);
    expect(runCli(ARGS, root).stdout).toContain("CACHED ");
  });

  it("re-analyses exactly the edited file", () => {
    const root = tempTree({ "a.py": A, "b.py": "x = 1\nif x == None:\n    pass\n" });
    runCli(ARGS, root);
    tamper(join(root, ".peptalk_cache"), "a.py");
    tamper(join(root, ".peptalk_cache"), "b.py");
    writeFileSync(join(root, "b.py"), "x = 1\nif x != None:\n    pass\n");
    const out = runCli(ARGS, root).stdout;
    const findings = (JSON.parse(out) as { findings: { path: string; message: string }[] }).findings;
    // a.py still comes from its (marked) entry; b.py is analysed afresh.
    expect(findings.filter((f) => f.path === "a.py").every((f) => f.message.startsWith("CACHED "))).toBe(true);
    expect(findings.filter((f) => f.path === "b.py").map((f) => f.message)).toEqual([
      "Comparison to `None` should be `is not`, not `!=`",
    ]);
  });

  it("follows the peptalk config (.github/peptalk.yml and [tool.peptalk])", () => {
    const root = tempTree({ "a.py": A, "pyproject.toml": '[project]\nname = "p"\n' });
    expect(checkAgainstCold(root).stdout).toContain("none-comparison");
    writeFileSync(
      join(root, "pyproject.toml"),
      '[project]\nname = "p"\n\n[tool.peptalk.rules]\nnone-comparison = "off"\n',
    );
    expect(checkAgainstCold(root).stdout).toContain("implicit-optional");
    // Off by default but `--select`ed: it still reports, at its natural level; `error` changes the level.
    writeFileSync(join(root, "pyproject.toml"), '[project]\nname = "p"\n');
    mkdirSync(join(root, ".github"));
    writeFileSync(join(root, ".github/peptalk.yml"), "rules:\n  none-comparison: error\n");
    expect(checkAgainstCold(root).stdout).toContain('"severity": "error"');
  });

  it("follows requires-python in pyproject.toml (a fix that needs Python 3.10)", () => {
    const root = tempTree({ "a.py": A, "pyproject.toml": '[project]\nname = "p"\nrequires-python = ">=3.8"\n' });
    const old = checkAgainstCold(root).stdout;
    writeFileSync(join(root, "pyproject.toml"), '[project]\nname = "p"\nrequires-python = ">=3.11"\n');
    const modern = checkAgainstCold(root).stdout;
    expect(modern).not.toBe(old);
    expect(modern).toContain("int | None");
  });

  it("follows Ruff's select in pyproject.toml", () => {
    const root = tempTree({ "a.py": A, "pyproject.toml": '[project]\nname = "p"\n' });
    expect(checkAgainstCold(root).stdout).toContain("E711");
    writeFileSync(join(root, "pyproject.toml"), '[project]\nname = "p"\n\n[tool.ruff.lint]\nselect = ["RUF"]\n');
    const out = checkAgainstCold(root).stdout;
    expect(out).not.toContain("E711");
    expect(out).toContain("RUF013");
  });

  it("follows the project files a check reads (pytest.ini) and a stub beside a module", () => {
    const root = tempTree({ "test_b.py": ASYNC_TEST, "a.py": A });
    expect(checkAgainstCold(root).stdout).not.toContain("test-without-assertion");
    writeFileSync(join(root, "pytest.ini"), "[pytest]\nasyncio_mode = auto\n");
    expect(checkAgainstCold(root).stdout).toContain("test-without-assertion");
    // A stub makes the module's missing annotations the stub's business.
    writeFileSync(join(root, "a.py"), "def f(x=None):\n    return x == None\n");
    expect(checkAgainstCold(root).stdout).toContain("missing-parameter-annotation");
    writeFileSync(join(root, "a.pyi"), "def f(x: int | None = None) -> bool: ...\n");
    expect(checkAgainstCold(root).stdout).not.toMatch(/"path": "a\.py",\s*"rule": "missing-parameter-annotation"/);
  });

  it("ignores and rewrites a corrupt entry", () => {
    const root = tempTree({ "a.py": A });
    const cold = runCli(ARGS, root);
    const [first] = entries(join(root, ".peptalk_cache"));
    writeFileSync(first!.file, '{"path": "a.py", "key": ');
    expect(runCli(ARGS, root).stdout).toBe(cold.stdout);
    expect(entries(join(root, ".peptalk_cache")).map((e) => e.entry.path)).toEqual(["a.py"]);
  });

  it("--no-cache leaves no cache; --cache-dir and PEPTALK_CACHE_DIR move it", () => {
    const root = tempTree({ "a.py": A });
    runCli([...ARGS, "--no-cache"], root);
    expect(existsSync(join(root, ".peptalk_cache"))).toBe(false);
    runCli([...ARGS, "--cache-dir", "elsewhere"], root);
    expect(entries(join(root, "elsewhere")).length).toBe(1);
    const viaEnv = tempTree({});
    runCli(ARGS, root, { PEPTALK_CACHE_DIR: viaEnv });
    expect(entries(viaEnv).length).toBe(1);
    expect(existsSync(join(root, ".peptalk_cache"))).toBe(false);
  });

  it("--fix re-analyses the files it changed", () => {
    const root = tempTree({ "a.py": "def f(k: object, d: dict) -> bool:\n    return not k in d\n" });
    runCli(ARGS, root);
    const fixed = runCli([...ARGS.slice(0, -4), "--fix", "--fail-on", "never"], root);
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(root, "a.py"), "utf8")).toContain("k not in d");
    expect(checkAgainstCold(root).stdout).not.toContain("E713");
  });

  it("two runs at once both print the cold output and leave a valid cache", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`m${i}.py`] = `${A}\n\ndef g${i}(y=None):\n    return y != None\n`;
    const root = tempTree(files);
    const cold = runCli([...ARGS, "--no-cache"], root);
    const [one, two] = await Promise.all([spawnCli(ARGS, root), spawnCli(ARGS, root)]);
    expect(one).toBe(cold.stdout);
    expect(two).toBe(cold.stdout);
    expect(entries(join(root, ".peptalk_cache")).length).toBe(60);
    expect(runCli(ARGS, root).stdout).toBe(cold.stdout);
  });
});

function spawnCli(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env["PATH"], HOME: process.env["HOME"] },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

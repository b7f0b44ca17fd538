// The precision sampler (docs/precision.md) run as a process on real `peptalk check --format json` reports.
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, tempTree } from "../helpers/cli.js";

const SAMPLER = join(dirname(fileURLToPath(import.meta.url)), "sample.mjs");

interface Picked {
  project: string;
  path: string;
  line: number;
  rule: string;
}

function runSampler(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SAMPLER, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `peptalk check` reports of two projects, written where the sampler reads them. */
function reports(): string {
  // 29 `x == None` lines in alpha, 2 in beta, and one `except: pass` in beta (bare-except;
  // silent-except ships off).
  const alpha = tempTree({ "alpha/a.py": "x = 1\n" + "x == None\n".repeat(29) });
  const beta = tempTree({ "beta/b.py": "x = 1\nx == None\nx == None\ntry:\n    pass\nexcept:\n    pass\n" });
  const out = tempTree({});
  for (const [root, name] of [
    [alpha, "alpha"],
    [beta, "beta"],
  ] as const) {
    const result = runCli(["check", name, "--format", "json", "--fail-on", "never"], root);
    expect(result.code).toBe(0);
    writeFileSync(join(out, `${name}.json`), result.stdout);
  }
  return out;
}

describe("test/precision/sample.mjs", () => {
  const dir = reports();

  it("shares a rule's slots over projects and takes evenly spaced findings within each", () => {
    const result = runSampler([dir, "--per-rule", "4", "--format", "json"]);
    expect(result.code).toBe(0);
    const groups = JSON.parse(result.stdout) as { rule: string; total: number; picked: Picked[] }[];
    const none = groups.find((group) => group.rule === "none-comparison");
    expect(none?.total).toBe(31);
    // Round-robin gives alpha 2 and beta 2 slots; alpha's 29 findings (lines 2-30) are taken at
    // indices 7 and 21 (every 14.5th, centred), beta's two are both taken.
    expect(none?.picked.map((f) => `${f.project}:${f.path}:${f.line}`)).toEqual([
      "alpha:alpha/a.py:9",
      "alpha:alpha/a.py:23",
      "beta:beta/b.py:2",
      "beta:beta/b.py:3",
    ]);
    // A rule with fewer findings than slots is taken whole; rules that fire most come first, ties by id.
    expect(groups.map((group) => group.rule)).toEqual(["none-comparison", "bare-except"]);
    expect(groups[1]?.picked).toHaveLength(1);
  });

  it("with --balance none takes every k-th finding of the rule, whatever its project", () => {
    const result = runSampler([
      dir,
      "--per-rule",
      "4",
      "--balance",
      "none",
      "--rule",
      "none-comparison",
      "--format",
      "json",
    ]);
    const [none] = JSON.parse(result.stdout) as { picked: Picked[] }[];
    // 31 findings sorted by project, path and line: indices 3, 11, 19 and 27 (every 7.75th, centred).
    expect(none?.picked.map((f) => `${f.project}:${f.line}`)).toEqual(["alpha:5", "alpha:13", "alpha:21", "alpha:29"]);
    expect(runSampler([dir, "--balance", "files"]).code).toBe(2);
  });

  it("prints a markdown skeleton with an empty label column, the same on every run", () => {
    const first = runSampler([dir, "--per-rule", "4"]);
    expect(first.stdout).toContain("### none-comparison (31 findings, 4 sampled)");
    expect(first.stdout).toContain(
      "| 1 | alpha | alpha/a.py:9 | Comparison to `None` should be `is`, not `==` |  |  |",
    );
    expect(runSampler([dir, "--per-rule", "4"]).stdout).toBe(first.stdout);
  });

  it("skips JSON files that are not peptalk reports and rejects a bad --per-rule", () => {
    writeFileSync(join(dir, "notes.json"), "[]");
    const result = runSampler([dir, "--rule", "bare-except"]);
    expect(result.stderr).toContain("skipping notes.json");
    expect(result.stdout).toContain("### bare-except (1 findings, 1 sampled)");
    expect(runSampler([dir, "--per-rule", "0"]).code).toBe(2);
  });
});

// Ruff's own selection as the oracle for how peptalk reads a repository's Ruff config: for every
// code peptalk maps, on a snippet that triggers it, Ruff reports the code exactly when peptalk
// keeps it (`isCodeEnabled`) and, for taste rules, counts it as the team's choice (`teamSelects`).
import { describe, expect, it } from "@jest/globals";
import { createRequire } from "node:module";
import { allChecks } from "../../checks/index.js";
import { readOutsideSettings, ruffSelects } from "../../src/engine/outside/settings.js";

const require = createRequire(import.meta.url);
const ruff = require("@astral-sh/ruff-wasm-nodejs") as typeof import("@astral-sh/ruff-wasm-nodejs");

/** Codes whose check's documented `bad` example does not trigger that very code in Ruff. */
const SNIPPETS: Record<string, string> = {
  ASYNC220: "import subprocess\n\nasync def main():\n    subprocess.Popen(['ls'])\n",
  PLE0604: "foo = 1\n__all__ = [foo]\n",
  S102: "exec('x = 1')\n",
  S604: "def run(command):\n    spawn(command, shell=True)\n",
};
/** INP001 looks at the file system, which ruff-wasm does not have. */
const CANNOT_JUDGE = new Set(["INP001"]);

const codes = [...new Set(allChecks.flatMap((c) => c.codes))].filter((c) => !CANNOT_JUDGE.has(c)).sort();
const snippetFor = (code: string): string =>
  SNIPPETS[code] ?? allChecks.find((c) => c.codes.includes(code) && c.kind === "file")!.docs.bad;

interface Lint {
  select?: string[];
  "extend-select"?: string[];
  ignore?: string[];
  "per-file-ignores"?: Record<string, string[]>;
}

/** The Ruff CLI's default selection; ruff-wasm's own default (the playground's) differs, so it is passed. */
const RUFF_CLI_DEFAULT = ["E4", "E7", "E9", "F"];

function ruffReports(lint: Lint, code: string): boolean {
  const settings = { "target-version": "py312", lint: { select: RUFF_CLI_DEFAULT, ...lint } };
  const ws = new ruff.Workspace(settings, ruff.PositionEncoding.Utf16);
  try {
    return (ws.check(snippetFor(code)) as { code: string | null }[]).some((d) => d.code === code);
  } finally {
    ws.free();
  }
}

function toml(lint: Lint): string {
  const list = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
  const lines = ["[tool.ruff]", "line-length = 100", "[tool.ruff.lint]"];
  for (const key of ["select", "extend-select", "ignore"] as const)
    if (lint[key]) lines.push(`${key} = ${list(lint[key])}`);
  if (lint["per-file-ignores"]) {
    lines.push("[tool.ruff.lint.per-file-ignores]");
    for (const [pattern, list_] of Object.entries(lint["per-file-ignores"]))
      lines.push(`${JSON.stringify(pattern)} = ${list(list_)}`);
  }
  return lines.join("\n") + "\n";
}

// ruff-wasm lints an unnamed file: `**` matches it, `tests/**` does not; so for `pkg/module.py`.
const PATH = "pkg/module.py";

const TABLE: Lint[] = [
  { select: ["B", "E", "F", "I", "UP", "W"] },
  { select: ["I"] },
  { select: ["S"] },
  { select: ["A"] },
  { select: ["E"] },
  { select: ["D"] },
  { select: ["T"] },
  { select: ["C"] },
  { select: ["C4"], ignore: ["C"] },
  { select: ["PL"] },
  { select: ["PLW"] },
  { select: ["PLE", "PLR"], ignore: ["PL"] },
  { select: ["ALL"] },
  { select: ["ALL"], ignore: ["PL", "S1", "ANN", "N80"] },
  { select: ["E7"], ignore: ["E731"] },
  { select: ["N8"], "extend-select": ["TID252", "PT0"] },
  { select: ["ASYNC2", "B9"], ignore: ["B904"] },
  { select: ["RUF0"], ignore: ["RUF01"] },
  { select: ["TRIO"] },
  { select: ["SIM", "S"], ignore: ["SIM1"] },
  { select: ["UP", "DTZ", "EM", "TRY", "TID"] },
  { select: ["ALL"], "per-file-ignores": { "**": ["SIM", "UP0", "E7"], "tests/**": ["ALL"] } },
  { select: ["E", "F"], "per-file-ignores": { "**": ["E71"] } },
  // No `select`: Ruff runs its defaults (E4, E7, E9, F) plus extend-select.
  {},
  { "extend-select": ["UP", "N"], ignore: ["E71"] },
  { ignore: ["F"] },
];

describe("Ruff selectors: linter first, then code", () => {
  it.each([
    ["I", "INP001", false],
    ["S", "SIM102", false],
    ["A", "ANN001", false],
    ["A", "A002", true],
    ["E", "EM101", false],
    ["D", "DTZ003", false],
    ["T", "TRY203", false],
    ["T", "TID252", false],
    ["T", "T201", true],
    ["PL", "PLW0603", true],
    ["PLE", "PLW0603", false],
    ["C", "C416", true],
    ["C9", "C416", false],
    ["TCH", "TC001", true],
    ["ALL", "RUF012", true],
  ])("%s selects %s: %s", (selector, code, expected) => {
    expect(ruffSelects(selector, code)).toBe(expected);
  });

  it.each(codes.map((c) => [c]))("the snippet for %s triggers it in Ruff", (code) => {
    expect(ruffReports({ select: [code] }, code)).toBe(true);
  });

  it.each(TABLE.map((lint) => [JSON.stringify(lint), lint] as const))(
    "peptalk enables each code exactly when Ruff does: %s",
    (_label, lint) => {
      const settings = readOutsideSettings({ "pyproject.toml": toml(lint) });
      const disagreements = codes.flatMap((code) => {
        const theirs = ruffReports(lint, code);
        const ours = settings.teamSelects(code) && settings.isCodeEnabled(code, PATH);
        // With an explicit select, what peptalk runs at all follows Ruff too.
        const runs = lint.select ? settings.isCodeEnabled(code, PATH) : theirs;
        return ours === theirs && runs === theirs ? [] : [`${code}: ruff ${theirs}, peptalk ${ours}/${runs}`];
      });
      expect(disagreements).toEqual([]);
    },
  );
});

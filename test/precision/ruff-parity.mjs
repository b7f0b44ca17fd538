#!/usr/bin/env node
/* global console, process */
// Where peptalk, asked for rules (as a team's Ruff `select` asks), reports a line that Ruff (ruff-wasm), selecting
// the same codes, does not: what a team whose Ruff is clean would still hear. docs/precision.md ("Fresh code, taste rules", command 3).
// Usage (from the repository root of the project to check): node ruff-parity.mjs PEPTALK_MAIN_JS PATH RULE_ID...
// Prints one JSON line: {"extra": {rule: ["path:line message", ...]}, "missing": {code: count}}.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [main, target, ...ids] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const ruff = require("@astral-sh/ruff-wasm-nodejs");
const run = (args) =>
  execFileSync("node", [main, ...args], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
const rules = JSON.parse(run(["rules", "--format", "json"]));
const codesOf = new Map(rules.map((r) => [r.id, r.codes]));
const codes = ids.flatMap((id) => codesOf.get(id) ?? []);
const workspace = new ruff.Workspace(
  { "target-version": "py39", lint: { select: codes } },
  ruff.PositionEncoding.Utf16,
);
const checkArgs = [
  "check",
  target,
  "--select",
  ids.join(","),
  "--python",
  "3.9",
  "--format",
  "json",
  "--fail-on",
  "never",
];
const ours = new Map();
for (const f of JSON.parse(run(checkArgs)).findings) ours.set(f.path, [...(ours.get(f.path) ?? []), f]);
const files = execFileSync("git", ["ls-files", "*.py"], { encoding: "utf8" }).trim().split("\n");
const extra = {};
const missing = {};
for (const path of files.filter((p) => p.startsWith(target))) {
  let diagnostics;
  try {
    diagnostics = workspace.check(readFileSync(path, "utf8"));
  } catch {
    continue;
  }
  const theirs = new Set(diagnostics.filter((d) => d.code).map((d) => `${d.code}:${d.start_location.row}`));
  const mine = new Set();
  for (const f of ours.get(path) ?? []) {
    const fCodes = codesOf.get(f.rule) ?? [];
    for (const c of fCodes) mine.add(`${c}:${f.line}`);
    if (!fCodes.some((c) => theirs.has(`${c}:${f.line}`)))
      (extra[f.rule] ??= []).push(`${path}:${f.line} ${f.message}`);
  }
  for (const key of theirs) if (!mine.has(key)) missing[key.split(":")[0]] = (missing[key.split(":")[0]] ?? 0) + 1;
}
console.log(JSON.stringify({ extra, missing }));

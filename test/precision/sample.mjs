#!/usr/bin/env node
/* global console, process */
// Draws the hand-judged precision sample of docs/precision.md from `peptalk check --format json` outputs.
// Deterministic: per rule, the PER_RULE slots are shared out evenly over the projects where it fires (a project
// with fewer findings than its share gives the rest back), and within a project the findings, sorted by path,
// line and column, are taken evenly spaced (every k-th). So one huge project (sympy's generated rubi rules)
// cannot fill a rule's whole sample, and each project's picks spread over its files.
// Usage: node test/precision/sample.mjs DIR_OF_JSON [--per-rule N] [--rule ID] [--format markdown|json]
//        [--balance project|none]   (`none`: every k-th over all of a rule's findings, ignoring projects)
// The project name of a finding is its JSON file's name without `.json` (e.g. `stdlib-email`).
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

function parseArgs(argv) {
  const options = { dir: undefined, perRule: 12, rule: undefined, format: "markdown", balance: "project" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--per-rule") options.perRule = Number(argv[++i]);
    else if (arg === "--rule") options.rule = argv[++i];
    else if (arg === "--format") options.format = argv[++i];
    else if (arg === "--balance") options.balance = argv[++i];
    else options.dir = arg;
  }
  const valid =
    Number.isInteger(options.perRule) && options.perRule >= 1 && ["project", "none"].includes(options.balance);
  if (!options.dir || !valid) {
    console.error(
      "usage: sample.mjs DIR_OF_JSON [--per-rule N] [--rule ID] [--format markdown|json] [--balance project|none]",
    );
    process.exit(2);
  }
  return options;
}

function loadFindings(dir) {
  const findings = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const project = basename(file, ".json");
    const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (!Array.isArray(report?.findings)) {
      console.error(`sample.mjs: skipping ${file}: not a \`peptalk check --format json\` report`);
      continue;
    }
    for (const finding of report.findings) findings.push({ project, ...finding });
  }
  return findings;
}

function compareFindings(a, b) {
  if (a.project !== b.project) return a.project < b.project ? -1 : 1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

// Every k-th with a fractional step, centred in each stride, so the picks cover the whole sorted range.
function evenlySpaced(items, count) {
  if (count === 0) return [];
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step + step / 2)]);
}

// Round-robin over projects in name order until the slots run out or every finding is taken.
function shareSlots(byProject, perRule) {
  const projects = [...byProject.keys()].sort();
  const slots = new Map(projects.map((project) => [project, 0]));
  let left = perRule;
  while (left > 0) {
    const open = projects.filter((project) => slots.get(project) < byProject.get(project).length);
    if (open.length === 0) break;
    for (const project of open) {
      if (left === 0) break;
      slots.set(project, slots.get(project) + 1);
      left--;
    }
  }
  return projects.flatMap((project) => evenlySpaced(byProject.get(project), slots.get(project)));
}

function sample(findings, perRule, onlyRule, balance) {
  const byRule = new Map();
  for (const finding of findings) {
    if (onlyRule && finding.rule !== onlyRule) continue;
    if (!byRule.has(finding.rule)) byRule.set(finding.rule, []);
    byRule.get(finding.rule).push(finding);
  }
  // Rules that fire most first: they dominate what users see.
  const rules = [...byRule.keys()].sort((a, b) => byRule.get(b).length - byRule.get(a).length || (a < b ? -1 : 1));
  return rules.map((rule) => {
    const all = byRule.get(rule).sort(compareFindings);
    const byProject = new Map();
    for (const finding of all) {
      if (!byProject.has(finding.project)) byProject.set(finding.project, []);
      byProject.get(finding.project).push(finding);
    }
    const picked = balance === "none" ? evenlySpaced(all, perRule) : shareSlots(byProject, perRule);
    return { rule, total: all.length, picked };
  });
}

const cell = (text) => String(text).replaceAll("|", "\\|").replaceAll("\n", " ");

function printMarkdown(groups) {
  for (const { rule, total, picked } of groups) {
    console.log(`### ${rule} (${total} findings, ${picked.length} sampled)\n`);
    console.log("| # | project | path:line | message | label | why (FP/NOISE) |");
    console.log("|---|---|---|---|---|---|");
    picked.forEach((f, i) => {
      console.log(`| ${i + 1} | ${f.project} | ${cell(f.path)}:${f.line} | ${cell(f.message)} |  |  |`);
    });
    console.log("");
  }
}

const options = parseArgs(process.argv.slice(2));
const groups = sample(loadFindings(options.dir), options.perRule, options.rule, options.balance);
if (options.format === "json") console.log(JSON.stringify(groups, null, 2));
else printMarkdown(groups);

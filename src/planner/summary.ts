// The check run's markdown summary: the gate's verdict first, then tables and notes.
import type { Finding } from "../engine/types.js";
import { renderApiChanges } from "./api-changes.js";
import type { PlanInput, ReviewPlan } from "./types.js";

/** GitHub's limit for output.summary is 65,535 characters. */
export const MAX_SUMMARY = 65_000;
const MAX_LISTED = 50;

const REASONS = {
  "outside-diff": "not on a line this PR changes",
  "over-cap": "over the comment limit (review.max_comments)",
  "comments-off": "inline comments are off (review.comments)",
  "no-patch": "GitHub shows no diff for this file (binary or too large)",
} as const;

function where(f: Finding): string {
  return `\`${f.path}:${f.line}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderSummary(plan: ReviewPlan, input: PlanInput): string {
  const { config } = input;
  const out: string[] = [];
  if (input.note) out.push(input.note, "");
  if (input.configErrors?.length) {
    out.push("### Configuration errors", "", "peptalk could not use `.github/peptalk.yml` as written:", "");
    for (const e of input.configErrors) out.push(`- ${e.path ? `\`${e.path}\`: ` : ""}${escapeCell(e.message)}`);
    out.push("");
  }
  const failOn = config.check.fail_on;
  const scope = {
    "changed-lines": "on lines this PR adds or changes",
    "changed-files": "in the files this PR changes",
    all: "anywhere",
  }[config.check.scope];
  if (failOn === "never")
    out.push(`The gate is off (\`check.fail_on: never\`): ${plan.gate.counted.length} findings ${scope}.`);
  else if (plan.gate.failing.length > 0)
    out.push(
      `**${plan.gate.failing.length} finding${plan.gate.failing.length === 1 ? "" : "s"} at or above \`${failOn}\`** ${scope}.`,
    );
  else
    out.push(`No findings at or above \`${failOn}\` ${scope}: **${plan.gate.counted.length} new findings** in total.`);
  if (plan.gate.preExisting > 0) {
    out.push(
      "",
      `${plan.gate.preExisting} pre-existing finding${plan.gate.preExisting === 1 ? " was" : "s were"} left out of the gate (\`check.scope: ${config.check.scope}\`).`,
    );
  }
  out.push(
    "",
    `Inline: ${plan.comments.length} new comment${plan.comments.length === 1 ? "" : "s"}, ${plan.alreadyCommented.length} already commented on an earlier push, ${plan.threadsToResolve.length} fixed thread${plan.threadsToResolve.length === 1 ? "" : "s"} resolved.`,
  );

  const all = input.findings;
  if (all.length > 0) {
    const byRule = new Map<string, { severity: string; total: number; counted: number }>();
    const countedSet = new Set(plan.gate.counted);
    for (const f of all) {
      const row = byRule.get(f.rule) ?? { severity: f.severity, total: 0, counted: 0 };
      row.total++;
      if (countedSet.has(f)) row.counted++;
      byRule.set(f.rule, row);
    }
    out.push("", "### By rule", "", "| rule | severity | new | total |", "|---|---|---|---|");
    for (const [rule, row] of [...byRule].sort((a, b) => b[1].total - a[1].total))
      out.push(`| \`${rule}\` | ${row.severity} | ${row.counted} | ${row.total} |`);
    const byFile = new Map<string, number>();
    for (const f of all) byFile.set(f.path, (byFile.get(f.path) ?? 0) + 1);
    out.push("", "### By file", "", "| file | findings |", "|---|---|");
    for (const [path, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, MAX_LISTED))
      out.push(`| \`${escapeCell(path)}\` | ${n} |`);
    if (byFile.size > MAX_LISTED) out.push(`| …and ${byFile.size - MAX_LISTED} more files | |`);
  }

  out.push(...renderApiChanges(input.apiChanges));

  const notInline = plan.summaryOnly.filter(
    (s) => s.reason !== "outside-diff" || plan.gate.counted.includes(s.finding),
  );
  if (notInline.length > 0) {
    out.push("", "### Not commented inline", "");
    for (const s of notInline.slice(0, MAX_LISTED))
      out.push(`- ${where(s.finding)} \`${s.finding.rule}\`: ${escapeCell(s.finding.message)} (${REASONS[s.reason]})`);
    if (notInline.length > MAX_LISTED) out.push(`- …and ${notInline.length - MAX_LISTED} more (see the annotations)`);
  }
  if (input.findings.length > plan.check.annotations.length) {
    out.push("", `Annotations show the first ${plan.check.annotations.length} of ${input.findings.length} findings.`);
  }
  if (input.skipped?.length) {
    out.push("", "### Skipped files", "");
    for (const s of input.skipped.slice(0, MAX_LISTED))
      out.push(`- \`${escapeCell(s.path)}\`: ${escapeCell(s.reason)}`);
  }
  if (input.failures?.length) {
    out.push("", "### Checks that failed", "", "These checks crashed on a file; every other check still ran.", "");
    for (const f of input.failures.slice(0, MAX_LISTED))
      out.push(`- \`${f.rule}\` on \`${escapeCell(f.path)}\`: ${escapeCell(f.message)}`);
  }
  if (input.honoured?.length) {
    out.push("", "### Repository settings honoured", "");
    for (const h of input.honoured) out.push(`- ${escapeCell(h)}`);
  }
  const text = out.join("\n");
  return text.length > MAX_SUMMARY
    ? `${text.slice(0, MAX_SUMMARY - 100)}\n\n…(summary truncated at GitHub's size limit)`
    : text;
}

// The check run's markdown summary: the gate's verdict first, then tables and notes.
// Anything from the PR (paths, code in messages, error texts) goes through markdown.ts.
import type { Finding } from "../engine/types.js";
import { renderApiChanges } from "./api-changes.js";
import { codeSpan, renderMessage, tableCell } from "./markdown.js";
import type { PlanInput, ReviewPlan, SummaryOnlyReason } from "./types.js";

/** GitHub's limit for output.summary is 65,535 characters. */
export const MAX_SUMMARY = 65_000;
const MAX_LISTED = 50;

const REASONS: Record<SummaryOnlyReason, string> = {
  "outside-diff": "not on a line this PR changes",
  "over-cap": "over the comment limit (review.max_comments)",
  "comments-off": "inline comments are off (review.comments)",
  "no-patch": "GitHub shows no diff for this file (binary or too large)",
  "not-in-hunk": "GitHub would not take a comment on these lines",
};

/** "1 new finding", "2 new findings". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `path:line`; a line the PR removed is a base line, and says so. */
export function where(f: { path: string; line: number; side?: "LEFT" }): string {
  return `${codeSpan(`${f.path}:${f.line}`)}${f.side === "LEFT" ? " (removed line)" : ""}`;
}

/** One line of a list of findings: where, which rule, what. */
export function findingLine(f: Finding, reason?: string): string {
  return `- ${where(f)} \`${f.rule}\`: ${renderMessage(f.message)}${reason ? ` (${reason})` : ""}`;
}

export function renderSummary(plan: ReviewPlan, input: PlanInput): string {
  const { config } = input;
  const out: string[] = [];
  if (input.note) out.push(input.note, "");
  if (input.configErrors?.length) {
    out.push("### Configuration errors", "", "peptalk could not use `.github/peptalk.yml` as written:", "");
    for (const e of input.configErrors)
      out.push(`- ${e.path ? `${codeSpan(e.path)}: ` : ""}${renderMessage(e.message)}`);
    out.push("");
  }
  const failOn = config.check.fail_on;
  const scope = {
    "changed-lines": "on lines this PR adds or changes",
    "changed-files": "in the files this PR changes",
    all: "anywhere",
  }[config.check.scope];
  const counted = plan.gate.counted.length;
  if (failOn === "never")
    out.push(`The gate is off (\`check.fail_on: never\`): ${plural(counted, "finding")} ${scope}.`);
  else if (plan.gate.failing.length > 0)
    out.push(`**${plural(plan.gate.failing.length, "finding")} at or above \`${failOn}\`** ${scope}.`);
  else out.push(`No findings at or above \`${failOn}\` ${scope}: **${plural(counted, "new finding")}** in total.`);
  if (plan.gate.preExisting > 0) {
    out.push(
      "",
      `${plural(plan.gate.preExisting, "pre-existing finding was", "pre-existing findings were")} left out of the gate (\`check.scope: ${config.check.scope}\`).`,
    );
  }
  out.push(
    "",
    `Inline: ${plural(plan.comments.length, "new comment")}, ${plan.alreadyCommented.length} already commented on an earlier push, ${plural(plan.threadsToResolve.length, "fixed thread")} resolved.`,
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
      out.push(`| ${tableCell(codeSpan(path))} | ${n} |`);
    if (byFile.size > MAX_LISTED) out.push(`| …and ${plural(byFile.size - MAX_LISTED, "more file")} | |`);
  }

  out.push(...renderApiChanges(input.apiChanges));

  const notInline = plan.summaryOnly.filter(
    (s) => s.reason !== "outside-diff" || plan.gate.counted.includes(s.finding),
  );
  if (notInline.length > 0) {
    out.push("", "### Not commented inline", "");
    for (const s of notInline.slice(0, MAX_LISTED)) out.push(findingLine(s.finding, REASONS[s.reason]));
    if (notInline.length > MAX_LISTED) out.push(`- …and ${notInline.length - MAX_LISTED} more`);
  }
  // Annotations address head lines only: findings on removed lines are listed here instead.
  const listed = new Set(notInline.map((s) => s.finding));
  const onRemoved = input.findings.filter((f) => f.side === "LEFT" && !listed.has(f));
  if (onRemoved.length > 0) {
    out.push("", "### On removed lines", "");
    for (const f of onRemoved.slice(0, MAX_LISTED)) out.push(findingLine(f));
    if (onRemoved.length > MAX_LISTED) out.push(`- …and ${onRemoved.length - MAX_LISTED} more`);
  }
  if (plan.check.annotationsLeftOut > 0) {
    out.push(
      "",
      `Annotations mark ${plural(plan.check.annotations.length, "finding")}: those the gate counts and the most severe others. ${plural(plan.check.annotationsLeftOut, "more finding is", "more findings are")} counted in the tables above only.`,
    );
  }
  if (input.skipped?.length) {
    out.push("", "### Skipped files", "");
    for (const s of input.skipped.slice(0, MAX_LISTED)) out.push(`- ${codeSpan(s.path)}: ${renderMessage(s.reason)}`);
    if (input.skipped.length > MAX_LISTED) out.push(`- …and ${plural(input.skipped.length - MAX_LISTED, "more file")}`);
  }
  if (input.failures?.length) {
    out.push("", "### Checks that failed", "", "These checks crashed on a file; every other check still ran.", "");
    for (const f of input.failures.slice(0, MAX_LISTED))
      out.push(`- \`${f.rule}\`${f.path ? ` on ${codeSpan(f.path)}` : ""}: ${renderMessage(f.message)}`);
  }
  const styles = input.houseStyle ?? [];
  if (styles.length > 0) {
    // Taste rules speak only where the file's own code follows the convention: say what was inferred.
    out.push("", "### House style", "");
    for (const f of styles.filter((s) => s.holds).slice(0, MAX_LISTED))
      out.push(
        `- ${codeSpan(f.path)}: ${renderMessage(f.text)} ${f.scope === "file" ? "in the file" : "in its unchanged code"}, so \`${f.rule}\` spoke.`,
      );
    const unsaid = styles.filter((s) => !s.holds).reduce((n, s) => n + s.silenced, 0);
    if (unsaid > 0)
      out.push(`- ${plural(unsaid, "taste finding")} left unsaid where the code does not follow the convention.`);
  }
  if (input.honoured?.length) {
    out.push("", "### Repository settings honoured", "");
    for (const h of input.honoured) out.push(`- ${renderMessage(h)}`);
  }
  const text = out.join("\n");
  return text.length > MAX_SUMMARY
    ? `${text.slice(0, MAX_SUMMARY - 100)}\n\n…(summary truncated at GitHub's size limit)`
    : text;
}

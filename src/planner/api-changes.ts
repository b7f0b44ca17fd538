// The check run's "API changes" section: every public signature the PR changes, compatible
// ones included, as a table a release manager can paste into a changelog.
import type { ApiChange } from "../engine/api/compare.js";

const MAX_ROWS = 100;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderApiChanges(changes: readonly ApiChange[] | undefined): string[] {
  if (!changes?.length) return [];
  const out = ["", "### API changes", "", "| object | change | compatible |", "|---|---|---|"];
  for (const change of changes.slice(0, MAX_ROWS)) {
    const what = change.changes.map((c) => c.text).join("; ");
    const compatible = change.changes.every((c) => !c.breaking) ? "yes" : "**no**";
    out.push(`| \`${cell(change.object)}\` | ${cell(what)} | ${compatible} |`);
  }
  if (changes.length > MAX_ROWS) out.push(`| …and ${changes.length - MAX_ROWS} more | | |`);
  return out;
}

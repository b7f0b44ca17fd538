// How a finding reads as a review comment, and the hidden marker that lets peptalk
// recognise its own comments on later pushes (content-based, so robust to moved lines).
import type { RuleInfo } from "../engine/check.js";
import type { Finding } from "../engine/types.js";
import { RULES_DOC_URL } from "../version.js";

const MARKER = /<!-- peptalk:v1:([0-9a-f]{8,64}) -->/;
/** GitHub rejects bodies over 65,536 characters; stay well below. */
export const MAX_BODY = 65_000;

export function marker(fingerprint: string): string {
  return `<!-- peptalk:v1:${fingerprint} -->`;
}

export function fingerprintOf(body: string | null | undefined): string | null {
  return body ? (MARKER.exec(body)?.[1] ?? null) : null;
}

/** The first sentence of a rule's "why": one line of reason under the message. */
export function oneLineWhy(rule: RuleInfo | undefined): string {
  if (!rule) return "";
  const match = /^(.+?[.!?])(\s|$)/s.exec(rule.docs.why.replace(/\s+/g, " "));
  return match ? match[1]! : rule.docs.why;
}

/** A fence longer than any backtick run inside the suggested code. */
function fenceFor(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

export function renderComment(finding: Finding, rule: RuleInfo | undefined, suggestion: string | null): string {
  const codes = finding.codes.length ? ` (${finding.codes.join(", ")})` : "";
  const parts = [`**${finding.severity}** · \`${finding.rule}\`${codes}: ${finding.message}`];
  const why = oneLineWhy(rule);
  if (why) parts.push(why);
  if (suggestion !== null) {
    const fence = fenceFor(suggestion);
    parts.push(
      `${finding.fix?.description ?? "Suggested fix"}:\n\n${fence}suggestion\n${suggestion}${suggestion.endsWith("\n") || suggestion === "" ? "" : "\n"}${fence}`,
    );
  }
  parts.push(
    `<sub>[${finding.rule} docs](${RULES_DOC_URL}#${finding.rule}) · silence with \`# peptalk: ignore[${finding.rule}]\`</sub>`,
  );
  parts.push(marker(finding.fingerprint));
  const body = parts.join("\n\n");
  return body.length > MAX_BODY
    ? body.slice(0, MAX_BODY - 200) + `\n\n…(truncated)\n\n${marker(finding.fingerprint)}`
    : body;
}

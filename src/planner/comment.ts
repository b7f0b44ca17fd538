// How a finding reads as a review comment, and the hidden marker that lets peptalk
// recognise its own comments on later pushes (content-based, so robust to moved lines).
import type { RuleInfo } from "../engine/check.js";
import type { Finding } from "../engine/types.js";
import { blockFence, renderMessage } from "./markdown.js";

/**
 * peptalk's marker ends every comment it writes: the fingerprint, and (since the marker grew
 * it) the rule, so a later push knows which rule a thread is about. Only a marker at the very
 * end counts: a marker quoted from the PR inside a code span earlier in the body does not.
 */
const MARKER = /<!-- peptalk:v1:([0-9a-f]{8,64})(?: rule=([a-z0-9-]+))? -->\s*$/;
/** The header of comments written before the marker named the rule: "**warning** · `rule`". */
const HEADER_RULE = /^\*\*(?:error|warning|info)\*\* · `([a-z0-9-]+)`/;
/** GitHub rejects bodies over 65,536 characters; stay well below. */
export const MAX_BODY = 65_000;

export function marker(fingerprint: string, rule?: string): string {
  return `<!-- peptalk:v1:${fingerprint}${rule ? ` rule=${rule}` : ""} -->`;
}

export function fingerprintOf(body: string | null | undefined): string | null {
  return body ? (MARKER.exec(body)?.[1] ?? null) : null;
}

/** The rule a peptalk comment is about: from its marker, else from its header line. */
export function ruleOf(body: string | null | undefined): string | null {
  if (!body) return null;
  const found = MARKER.exec(body);
  if (!found) return null;
  return found[2] ?? HEADER_RULE.exec(body)?.[1] ?? null;
}

/** The first sentence of a rule's "why": one line of reason under the message. */
export function oneLineWhy(rule: RuleInfo | undefined): string {
  if (!rule) return "";
  const match = /^(.+?[.!?])(\s|$)/s.exec(rule.docs.why.replace(/\s+/g, " "));
  return match ? match[1]! : rule.docs.why;
}

function block(info: string, code: string): string {
  const fence = blockFence(code);
  return `${fence}${info}\n${code}${code.endsWith("\n") || code === "" ? "" : "\n"}${fence}`;
}

export interface CommentOptions {
  /** Where the footer links the rule's docs (docs/rules.md); null: no link. */
  docsUrl: string | null;
}

/**
 * A finding as a review comment. `rewritten` is the finding's whole lines with its fix applied:
 * a safe fix becomes a one-click suggestion, an unsafe one a plain code block with the reason a
 * human must look first (as Ruff's --unsafe-fixes: it may change behaviour).
 */
export function renderComment(
  finding: Finding,
  rule: RuleInfo | undefined,
  rewritten: string | null,
  options: CommentOptions,
): string {
  const codes = finding.codes.length ? ` (${finding.codes.join(", ")})` : "";
  const head = `**${finding.severity}** · \`${finding.rule}\`${codes}: ${renderMessage(finding.message)}`;
  const why = oneLineWhy(rule);
  const docs = options.docsUrl ? `[${finding.rule} docs](${options.docsUrl}#${finding.rule})` : `\`${finding.rule}\``;
  const footer = `<sub>${docs} · silence with \`# peptalk: ignore[${finding.rule}]\`</sub>`;
  const compose = (fix: string | null): string =>
    [head, why, fix, footer, marker(finding.fingerprint, finding.rule)].filter((p) => p).join("\n\n");

  let fix: string | null = null;
  if (rewritten !== null && finding.fix) {
    const title = renderMessage(finding.fix.description || "Suggested fix");
    fix =
      finding.fix.safety === "safe"
        ? `${title}:\n\n${block("suggestion", rewritten)}`
        : `${title} (needs a human: ${renderMessage(finding.fix.unsafeReason ?? "this fix may change what the code does")}):\n\n${block("python", rewritten)}`;
  }
  const body = compose(fix);
  if (body.length <= MAX_BODY) return body;
  // Only the rewritten code can be this long (messages are capped): leave it out, never cut it.
  return compose(fix === null ? null : "(The fix is too long to show here.)");
}

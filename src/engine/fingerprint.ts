import { createHash } from "node:crypto";
import type { Finding } from "./types.js";

/** Whitespace-insensitive text of a line: what survives re-indentation and reflowing. */
export function normaliseLine(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Fingerprints depend on content, not on line numbers or commits, so a finding is
 * recognised after the lines around it move, after a rebase or a force-push.
 * `occurrence` tells apart identical findings on identical lines in one file.
 */
export function fingerprint(rule: string, path: string, lineText: string, occurrence: number): string {
  return createHash("sha256")
    .update(`${rule}\0${path}\0${normaliseLine(lineText)}\0${occurrence}`)
    .digest("hex")
    .slice(0, 16);
}

/** Assign fingerprints to one file's findings, sorted by position. */
export function assignFingerprints(findings: Omit<Finding, "fingerprint">[], lines: readonly string[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const text = lines[f.line - 1] ?? "";
    const key = `${f.rule}\0${normaliseLine(text)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...f, fingerprint: fingerprint(f.rule, f.path, text, occurrence) };
  });
}

import { createHash } from "node:crypto";
import type { Finding } from "./types.js";

/** Whitespace-insensitive text of a line: what survives re-indentation and reflowing. */
export function normaliseLine(text: string): string {
  return text.replace(/\s+/g, "");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Fingerprints depend on content, not on line numbers or commits, so a finding is
 * recognised after the lines around it move, after a rebase or a force-push: the rule, the
 * path, the qualified name of the enclosing def or class (`Class.method`, "" at module
 * level) and the whitespace-free text of the line. `occurrence` tells apart identical
 * findings on identical lines within one scope, so a copy added in another function leaves
 * the numbering of the others alone.
 */
export function fingerprint(rule: string, path: string, scope: string, lineText: string, occurrence: number): string {
  return fingerprintOfDigest(rule, path, scope, sha256(normaliseLine(lineText)), occurrence);
}

function fingerprintOfDigest(rule: string, path: string, scope: string, lineDigest: string, occurrence: number) {
  return sha256(`${rule}\0${path}\0${scope}\0${lineDigest}\0${occurrence}`).slice(0, 16);
}

/**
 * Assign fingerprints to one file's findings, sorted by position; `scopes[i]` is the enclosing
 * scope's qualified name for `findings[i]` (module level when absent). Each line is normalised
 * and hashed once however many findings it holds, so a long line full of findings stays linear.
 */
export function assignFingerprints(
  findings: readonly Omit<Finding, "fingerprint">[],
  lines: readonly string[],
  scopes: readonly string[] = [],
): Finding[] {
  const seen = new Map<string, number>();
  const lineDigests = new Map<number, string>();
  return findings.map((f, i) => {
    let digest = lineDigests.get(f.line);
    if (digest === undefined) {
      digest = sha256(normaliseLine(lines[f.line - 1] ?? ""));
      lineDigests.set(f.line, digest);
    }
    const scope = scopes[i] ?? "";
    const key = `${f.rule}\0${scope}\0${digest}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...f, fingerprint: fingerprintOfDigest(f.rule, f.path, scope, digest, occurrence) };
  });
}

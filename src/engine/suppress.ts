// Suppression comments: `# noqa`, `# noqa: B006,E711`, `# peptalk: ignore[rule-id]` on a
// line; `# peptalk: ignore-file`, `# ruff: noqa`, `# flake8: noqa` for the whole file
// (optionally with codes); `# pylint: disable=name` on a line.
import type { Tree } from "tree-sitter";

export interface SuppressionComment {
  line: number;
  /** Which findings it silences: "*" for all, else codes / rule ids / pylint names. */
  targets: Set<string> | "*";
  scope: "line" | "file";
  text: string;
  /** Set when a finding was silenced by it (for unused-suppression reporting). */
  used: boolean;
  /** Which of its explicit targets silenced something. */
  usedTargets: Set<string>;
}

// `# noqa` must end the word: `# noqa-free` or `# noqaxyz` are not suppressions (as in Ruff).
const NOQA = /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)|(?![\w-]))/i;
const FILE_NOQA = /^#\s*(?:ruff|flake8)\s*:\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?\s*$/i;
const PEPTALK_IGNORE = /#\s*peptalk:\s*ignore(?:\[([a-z0-9\-_,\s]+)\])?(?!-)/;
const PEPTALK_FILE = /^#\s*peptalk:\s*ignore-file(?:\[([a-z0-9\-_,\s]+)\])?\s*$/;
const PYLINT = /#\s*pylint:\s*disable=([a-z0-9\-_,\s]+)/i;

function list(text: string | undefined): Set<string> | "*" {
  if (!text) return "*";
  return new Set(text.split(/[\s,]+/).filter(Boolean));
}

/** Cheap pre-filter: most files hold no suppression comment at all. */
const ANY_SUPPRESSION = /noqa|peptalk:|pylint:/i;

export function parseSuppressions(tree: Tree, source: string): SuppressionComment[] {
  const out: SuppressionComment[] = [];
  if (!ANY_SUPPRESSION.test(source)) return out;
  for (const comment of tree.rootNode.descendantsOfType("comment")) {
    const text = comment.text;
    const line = comment.startPosition.row + 1;
    let match: RegExpExecArray | null;
    if ((match = PEPTALK_FILE.exec(text)) || (match = FILE_NOQA.exec(text))) {
      out.push({ line, targets: list(match[1]), scope: "file", text, used: false, usedTargets: new Set() });
      continue;
    }
    if ((match = NOQA.exec(text)))
      out.push({ line, targets: list(match[1]), scope: "line", text, used: false, usedTargets: new Set() });
    if ((match = PEPTALK_IGNORE.exec(text)))
      out.push({ line, targets: list(match[1]), scope: "line", text, used: false, usedTargets: new Set() });
    if ((match = PYLINT.exec(text))) {
      // A bare `# pylint: disable=all` is a wildcard; otherwise only checks that declare the name.
      const names = list(match[1]);
      out.push({
        line,
        targets: names !== "*" && names.has("all") ? "*" : names,
        scope: "line",
        text,
        used: false,
        usedTargets: new Set(),
      });
    }
  }
  return out;
}

export interface SuppressibleFinding {
  rule: string;
  codes: readonly string[];
  pylint?: readonly string[];
  line: number;
  endLine: number;
}

interface ByLine {
  file: SuppressionComment[];
  lines: Map<number, SuppressionComment[]>;
}
const indexes = new WeakMap<readonly SuppressionComment[], ByLine>();

/** The comments by line, built once per list: a file with thousands of both stays linear. */
function byLine(comments: readonly SuppressionComment[]): ByLine {
  let index = indexes.get(comments);
  if (!index) {
    index = { file: [], lines: new Map() };
    for (const c of comments) {
      if (c.scope === "file") index.file.push(c);
      else {
        const list = index.lines.get(c.line);
        if (list) list.push(c);
        else index.lines.set(c.line, [c]);
      }
    }
    indexes.set(comments, index);
  }
  return index;
}

/** Whether a finding is silenced; marks the comment that silenced it as used. */
export function isSuppressed(finding: SuppressibleFinding, comments: readonly SuppressionComment[]): boolean {
  if (comments.length === 0) return false;
  const index = byLine(comments);
  const candidates = [
    ...index.file,
    ...(index.lines.get(finding.line) ?? []),
    ...(finding.endLine !== finding.line ? (index.lines.get(finding.endLine) ?? []) : []),
  ];
  let hit = false;
  for (const c of candidates) {
    const matched = matches(c.targets, finding);
    if (matched) {
      c.used = true;
      if (matched !== "*") c.usedTargets.add(matched);
      hit = true;
    }
  }
  return hit;
}

/**
 * Codes of other linters that silence the same finding: a `# noqa` written for flake8-bugbear or
 * pyflakes means what ours would. B902 (invalid first argument) covers pep8-naming's N805; pyflakes
 * users silence a star import with F401, which on a star-import line is the F403 finding.
 */
const EQUIVALENT_CODES: Readonly<Record<string, readonly string[]>> = {
  B902: ["N805"],
  F401: ["F403"],
};

/** The target that silences the finding ("*" for a wildcard), or null. */
function matches(targets: Set<string> | "*", finding: SuppressibleFinding): string | null {
  if (targets === "*") return "*";
  if (targets.has(finding.rule)) return finding.rule;
  const code = finding.codes.find((c) => targets.has(c));
  if (code) return code;
  for (const target of targets)
    if (EQUIVALENT_CODES[target.toUpperCase()]?.some((c) => finding.codes.includes(c))) return target;
  return finding.pylint?.find((name) => targets.has(name)) ?? null;
}

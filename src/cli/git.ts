// Reading a local repository through git: what `peptalk review` needs to build the same
// inputs the App gets from GitHub (changed files with patches, texts at a commit).
import { execFileSync } from "node:child_process";
import type { ChangedFile } from "../planner/types.js";

export function git(root: string, args: readonly string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  }) as string;
}

export function gitBytes(root: string, args: readonly string[]): Buffer {
  return execFileSync("git", args, { cwd: root, maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

export function revParse(root: string, ref: string): string {
  return git(root, ["rev-parse", "--verify", `${ref}^{commit}`]).trim();
}

/** The branch PRs usually target: origin's HEAD, else main, else master. */
export function defaultBranch(root: string): string | null {
  for (const candidate of [
    "refs/remotes/origin/HEAD",
    "refs/heads/main",
    "refs/heads/master",
    "refs/remotes/origin/main",
    "refs/remotes/origin/master",
  ]) {
    try {
      revParse(root, candidate);
      return candidate;
    } catch {
      // try the next
    }
  }
  return null;
}

const STATUS: Record<string, ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

/** Changed files between two commits with GitHub-style per-file patches (hunks only). */
export function diffFiles(root: string, base: string, head: string): ChangedFile[] {
  const statusLines = git(root, ["diff", "--name-status", "-M", "-z", base, head]).split("\0").filter(Boolean);
  const files: ChangedFile[] = [];
  for (let i = 0; i < statusLines.length;) {
    const code = statusLines[i++]!;
    const status = STATUS[code[0]!] ?? "modified";
    if (status === "renamed" || status === "copied") {
      const previousPath = statusLines[i++]!;
      files.push({ path: statusLines[i++]!, status, previousPath });
    } else {
      files.push({ path: statusLines[i++]!, status });
    }
  }
  for (const file of files) {
    if (file.status === "removed") continue;
    const paths = file.previousPath ? [file.previousPath, file.path] : [file.path];
    const diff = git(root, ["diff", "--no-color", "--no-ext-diff", "-M", "-U3", base, head, "--", ...paths]);
    const start = diff.indexOf("\n@@");
    // Binary files have no hunks, as on GitHub.
    if (start >= 0) file.patch = diff.slice(start + 1).replace(/\n$/, "");
  }
  return files;
}

export function showFile(root: string, ref: string, path: string): Buffer | null {
  try {
    return gitBytes(root, ["show", `${ref}:${path}`]);
  } catch {
    return null;
  }
}

export function listTree(root: string, ref: string): string[] {
  return git(root, ["ls-tree", "-r", "-z", "--name-only", ref]).split("\0").filter(Boolean);
}

/** Every blob under a commit with its SHA (`git ls-tree -r`), optionally only some paths. */
export function listTreeBlobs(
  root: string,
  ref: string,
  keep: (path: string) => boolean = () => true,
): { path: string; sha: string }[] {
  const out: { path: string; sha: string }[] = [];
  for (const entry of git(root, ["ls-tree", "-r", "-z", ref]).split("\0")) {
    // "<mode> <type> <sha>\t<path>"
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [, type, sha] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    if (type === "blob" && sha && keep(path)) out.push({ path, sha });
  }
  return out;
}

/** The contents of many blobs in one `git cat-file --batch` process. */
export function readBlobs(root: string, shas: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (shas.length === 0) return out;
  const raw = execFileSync("git", ["cat-file", "--batch"], {
    cwd: root,
    input: `${shas.join("\n")}\n`,
    maxBuffer: 2 * 1024 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let at = 0;
  while (at < raw.length) {
    const eol = raw.indexOf(10, at);
    if (eol < 0) break;
    const [sha, type, size] = raw.subarray(at, eol).toString("utf8").split(" ");
    at = eol + 1;
    if (type === "missing" || size === undefined) continue;
    const length = Number(size);
    out.set(sha!, raw.subarray(at, at + length));
    at += length + 1;
  }
  return out;
}

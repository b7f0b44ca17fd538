// Turning front-door input into text the engine can analyse, or a reason it cannot.
import { minimatch } from "minimatch";

/** Bytes as read, or text already decoded by the front door. */
export type FileContent = string | Uint8Array;

export interface SourceFile {
  path: string;
  /**
   * The content, or a function that reads it. A local run over thousands of files passes
   * readers: the engine then holds a file's bytes only while it looks at them (to filter and
   * hash them, then to analyse them), never every file at once.
   */
  content: FileContent | (() => FileContent);
}

/** A file's content, read now if the front door passed a reader. */
export function contentOf(source: Pick<SourceFile, "content">): FileContent {
  return typeof source.content === "function" ? source.content() : source.content;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeSource(content: string | Uint8Array, maxBytes: number): Decoded {
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  if (size > maxBytes) return { ok: false, reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(size)})` };
  if (typeof content === "string") {
    if (content.includes("\0")) return { ok: false, reason: "binary file (contains NUL bytes)" };
    return { ok: true, text: content.replace(/^\uFEFF/, "") };
  }
  if (content.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary file (contains NUL bytes)" };
  try {
    return { ok: true, text: decoder.decode(content) };
  } catch {
    return { ok: false, reason: "not valid UTF-8 (peptalk reads Python source as UTF-8, PEP 3120)" };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)} kB`;
  return `${n} bytes`;
}

const GLOB_OPTIONS = { dot: true, matchBase: false } as const;

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some(
    (glob) =>
      minimatch(path, glob, GLOB_OPTIONS) || (!glob.includes("/") && minimatch(path, `**/${glob}`, GLOB_OPTIONS)),
  );
}

/** include/exclude as DESIGN.md says: included by a glob, and not excluded by any. */
export function isIncluded(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  return (
    matchesAny(path, include) &&
    !matchesAny(path, exclude) &&
    !matchesAny(
      path,
      exclude.map((g) => (g.endsWith("/**") ? g : `${g.replace(/\/$/, "")}/**`)),
    )
  );
}

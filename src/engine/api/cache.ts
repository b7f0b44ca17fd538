// FileIndex entries by git blob SHA, shared by every pull request of the process. Bounded by
// an estimate of their size in bytes; the least recently used entries go first.
import type { FileIndex } from "./types.js";

export const DEFAULT_CACHE_BYTES = 200 * 1024 * 1024;

export class BlobIndexCache {
  private readonly entries = new Map<string, FileIndex>();
  private size = 0;
  /** Entries parsed (misses) since creation: the benchmark and tests read it. */
  parsed = 0;

  constructor(readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.entries.size;
  }

  has(sha: string): boolean {
    return this.entries.has(sha);
  }

  get(sha: string): FileIndex | undefined {
    const entry = this.entries.get(sha);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(sha);
      this.entries.set(sha, entry);
    }
    return entry;
  }

  set(sha: string, entry: FileIndex): void {
    const old = this.entries.get(sha);
    if (old) {
      this.size -= old.bytes;
      this.entries.delete(sha);
    }
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(sha, entry);
    this.size += entry.bytes;
    for (const [key, value] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(key);
      this.size -= value.bytes;
    }
  }
}

/** The cache every front door of this process shares. */
export const sharedBlobCache = new BlobIndexCache();

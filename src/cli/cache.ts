// `peptalk check`'s result cache on disk: one JSON file per (path, key), like `.ruff_cache`.
// Entries are written to a temporary file and renamed into place, so a concurrent run sees a
// whole entry or none; one that cannot be read or parsed is a miss and is written again.
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CACHE_SCHEMA, type CachedFileResult, type ResultCache } from "../engine/cache.js";
import { PEPTALK_VERSION } from "../version.js";

export const CACHE_DIR_NAME = ".peptalk_cache";
export const DEFAULT_MAX_CACHE_BYTES = 100 * 1024 * 1024;

interface Entry {
  path: string;
  key: string;
  result: CachedFileResult;
}

let codeHash: string | undefined;

/**
 * A hash of the code that decides findings (the checks and the engine, as built), so a rebuilt
 * peptalk with the same version number never serves results of the old checks.
 */
export function buildCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|ts|json)$/.test(name) && !name.endsWith(".d.ts") && !name.endsWith(".map")) {
        hash.update(`${full.slice(here.length)}\0`).update(readFileSync(full));
      }
    }
  };
  walk(join(here, "../engine"));
  walk(join(here, "../../checks"));
  codeHash = hash.digest("hex");
  return codeHash;
}

export class DiskResultCache implements ResultCache {
  readonly buildKey: string;
  private readonly entries: string;
  private written = 0;

  constructor(
    readonly dir: string,
    private readonly maxBytes = DEFAULT_MAX_CACHE_BYTES,
  ) {
    this.buildKey = `${PEPTALK_VERSION}\0${CACHE_SCHEMA}\0${buildCodeHash()}`;
    this.entries = join(dir, `v${CACHE_SCHEMA}`);
  }

  private file(path: string, key: string): string {
    const name = createHash("sha256").update(`${path}\0${key}`).digest("hex");
    return join(this.entries, name.slice(0, 2), `${name.slice(2)}.json`);
  }

  get(path: string, key: string): CachedFileResult | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(path, key), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as Partial<Entry>;
      if (entry.path !== path || entry.key !== key || !Array.isArray(entry.result?.findings)) return undefined;
      return entry.result;
    } catch {
      return undefined;
    }
  }

  put(path: string, key: string, result: CachedFileResult): void {
    const target = this.file(path, key);
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      this.ensureDir(dirname(target));
      const body = JSON.stringify({ path, key, result } satisfies Entry);
      writeFileSync(temp, body);
      renameSync(temp, target);
      this.written += Buffer.byteLength(body);
    } catch {
      // A cache that cannot be written (read-only checkout, full disk) only costs speed.
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
    }
  }

  private ensureDir(dir: string): void {
    if (existsSync(dir)) return;
    if (!existsSync(this.dir)) {
      mkdirSync(this.dir, { recursive: true });
      // Like `.ruff_cache`: the directory ignores itself, and backup tools may skip it.
      writeIfAbsent(join(this.dir, ".gitignore"), "# Automatically created by peptalk.\n*\n");
      writeIfAbsent(
        join(this.dir, "CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by peptalk.\n",
      );
    }
    mkdirSync(dir, { recursive: true });
  }

  /** After a run that wrote entries: deletes the oldest entries until the cache fits its bound. */
  prune(): void {
    if (this.written === 0) return;
    const files: { path: string; size: number; mtime: number }[] = [];
    let total = 0;
    let shards: string[];
    try {
      shards = readdirSync(this.entries);
    } catch {
      return;
    }
    for (const shard of shards) {
      let names: string[];
      try {
        names = readdirSync(join(this.entries, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(this.entries, shard, name);
        try {
          const st = statSync(path);
          // A temporary file older than a minute was left by a run that died.
          if (name.endsWith(".tmp") && Date.now() - st.mtimeMs < 60_000) continue;
          files.push({ path, size: st.size, mtime: name.endsWith(".tmp") ? 0 : st.mtimeMs });
          total += st.size;
        } catch {
          // removed by a concurrent run
        }
      }
    }
    if (total <= this.maxBytes) return;
    files.sort((a, b) => a.mtime - b.mtime);
    // Down to 80% of the bound, so the next few runs do not prune again.
    for (const f of files) {
      if (total <= this.maxBytes * 0.8) break;
      try {
        unlinkSync(f.path);
      } catch {
        // a concurrent run got there first
      }
      total -= f.size;
    }
  }
}

function writeIfAbsent(path: string, text: string): void {
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, text);
    closeSync(fd);
  } catch {
    // already there (another run made it)
  }
}

/** The cache directory a run uses: `--cache-dir`, else `PEPTALK_CACHE_DIR`, else `.peptalk_cache` at the root. */
export function cacheDirectory(root: string, flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? (env["PEPTALK_CACHE_DIR"] || join(root, CACHE_DIR_NAME));
}

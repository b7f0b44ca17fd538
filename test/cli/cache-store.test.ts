// The result cache's store on its own: entries by (path, key), corrupt entries, the size bound.
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DiskResultCache } from "../../src/cli/cache.js";
import type { Finding } from "../../src/engine/types.js";
import { makeFinding } from "../helpers/finding.js";
import { tempTree } from "../helpers/cli.js";

function finding(path: string, message: string): Finding {
  return makeFinding({ path, message });
}

function entryFiles(dir: string): string[] {
  const root = join(dir, "v1");
  return readdirSync(root).flatMap((s) => readdirSync(join(root, s)).map((n) => join(root, s, n)));
}

describe("DiskResultCache", () => {
  it("answers by path and key, and a corrupt entry is a miss", () => {
    const dir = join(tempTree({}), "c");
    const cache = new DiskResultCache(dir);
    cache.put("a.py", "k1", { findings: [finding("a.py", "one")] });
    expect(cache.get("a.py", "k1")?.findings[0]?.message).toBe("one");
    expect(cache.get("a.py", "k2")).toBeUndefined();
    expect(cache.get("b.py", "k1")).toBeUndefined();
    writeFileSync(entryFiles(dir)[0]!, "{not json");
    expect(cache.get("a.py", "k1")).toBeUndefined();
    cache.put("a.py", "k1", { findings: [] });
    expect(cache.get("a.py", "k1")).toEqual({ findings: [] });
  });

  it("prunes the oldest entries beyond its bound", () => {
    const dir = join(tempTree({}), "c");
    const big = "x".repeat(4000);
    const writer = new DiskResultCache(dir, 1_000_000);
    for (let i = 0; i < 10; i++) writer.put(`f${i}.py`, "k", { findings: [finding(`f${i}.py`, big)] });
    // f0 is made the oldest, f9 the newest.
    const byPath = new Map(entryFiles(dir).map((f) => [pathOf(f), f] as const));
    for (let i = 0; i < 10; i++) utimesSync(byPath.get(`f${i}.py`)!, 1000 + i, 1000 + i);
    const small = new DiskResultCache(dir, 25_000);
    small.put("new.py", "k", { findings: [] });
    small.prune();
    const left = entryFiles(dir).map(pathOf);
    expect(left).toContain("new.py");
    expect(left).toContain("f9.py");
    expect(left).not.toContain("f0.py");
    expect(entryFiles(dir).length).toBeLessThan(11);
  });
});

function pathOf(file: string): string {
  return (JSON.parse(readFileSync(file, "utf8")) as { path: string }).path;
}

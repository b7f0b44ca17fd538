// The repository index on the Python standard library as a stand-in repository (issue 14):
// a cold index of base and head, then a second push that changes 5 files with a warm cache.
// Run by `npm run bench` (or alone: node dist/test/bench/api-index.js <stdlib> [--write]).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { apiChecks } from "../../checks/api/index.js";
import type { ProjectCheck } from "../../src/engine/check.js";
import { apiChanges } from "../../src/engine/api/compare.js";
import { BlobIndexCache, indexRepository, type ApiInput, type IndexFile } from "../../src/engine/api/index.js";
import { createProjectContext } from "../../src/engine/project.js";
import { collectPythonFiles } from "../../src/cli/files.js";

const root = process.argv[2];
if (!root) throw new Error("usage: api-index.js <python-tree> [--write <benchmarks.md>]");

const gitSha = (text: string): string =>
  createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest("hex");

const base = new Map<string, string>();
for (const file of collectPythonFiles([root]).files.filter((f) => f.endsWith(".py")))
  base.set(relative(root, file).split("\\").join("/"), readFileSync(file, "utf8"));
const paths = [...base.keys()].sort();

/**
 * A push: `count` files changed from `from`. Each gets a new function and, where it has one,
 * its first plain public function a new required keyword-only parameter (an API change that
 * callers elsewhere feel).
 */
function push(
  from: Map<string, string>,
  offset: number,
  count: number,
): { tree: Map<string, string>; changed: string[] } {
  const tree = new Map(from);
  const changed: string[] = [];
  const candidates = paths.filter((p) => /^def [a-z]\w*\([\w, ]+\):/m.test(from.get(p)!));
  for (let i = 0; i < count; i++) {
    const path = candidates[(offset * 7 + i * 97) % candidates.length]!;
    const text = tree.get(path)!.replace(/^(def [a-z]\w*\([\w, ]+)\):/m, "$1, *, added_required):");
    tree.set(path, `${text}\n\ndef added_${offset}_${i}(a, b, *, c=1):\n    return a\n`);
    changed.push(path);
  }
  return { tree, changed };
}

/** The blob SHAs come with the tree listing (git or GitHub): they are computed before timing. */
const shas = new Map<string, string>();
const files = (tree: Map<string, string>): IndexFile[] =>
  [...tree].map(([path, text]) => ({ path, sha: shas.get(text) ?? gitSha(text), text }));
const listed = (tree: Map<string, string>): void => {
  for (const text of tree.values()) if (!shas.has(text)) shas.set(text, gitSha(text));
};

async function review(
  cache: BlobIndexCache,
  baseTree: Map<string, string>,
  headTree: Map<string, string>,
  changed: string[],
): Promise<{ seconds: number; findings: number; changes: number }> {
  listed(baseTree);
  listed(headTree);
  const start = process.hrtime.bigint();
  const texts = (tree: Map<string, string>): Record<string, string> =>
    Object.fromEntries(changed.map((p) => [p, tree.get(p)!]));
  const api: ApiInput = {
    base: await indexRepository(files(baseTree), { cache }),
    head: await indexRepository(files(headTree), { cache }),
    baseTexts: texts(baseTree),
    headTexts: texts(headTree),
  };
  const project = createProjectContext({ changedPaths: changed, api }, new Map());
  let findings = 0;
  for (const check of apiChecks as ProjectCheck[]) check.run({ project, python: [3, 12], report: () => findings++ });
  const changes = apiChanges(api.base, api.head).length;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, findings, changes };
}

const megabytes = [...base.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const cache = new BlobIndexCache();
const first = push(base, 0, 5);
const rssBefore = process.memoryUsage().rss;
const cold = await review(cache, base, first.tree, first.changed);
const parsedCold = cache.parsed;
const second = push(first.tree, 1, 5);
const warm = await review(cache, base, second.tree, [...new Set([...first.changed, ...second.changed])]);
const parsedWarm = cache.parsed - parsedCold;
const rssAfter = process.memoryUsage().rss;

const table = [
  `Corpus: ${root} — ${paths.length} \`.py\` files, ${megabytes.toFixed(1)} MB, indexed as one repository (module names from the layout).`,
  "",
  "| run | wall | blobs parsed | api findings | API changes listed |",
  "|---|---|---|---|---|",
  `| cold: index base and head (5 files changed), run the 3 api checks | ${cold.seconds.toFixed(2)} s | ${parsedCold} | ${cold.findings} | ${cold.changes} |`,
  `| second push, 5 more files changed (warm cache) | ${warm.seconds.toFixed(2)} s | ${parsedWarm} | ${warm.findings} | ${warm.changes} |`,
  "",
  `Warm push target < 1 s: **${warm.seconds < 1 ? "met" : "missed"}** (${warm.seconds.toFixed(2)} s). ` +
    `Blob cache after both pushes: ${(cache.bytes / 1e6).toFixed(1)} MB estimated (bound ${(cache.maxBytes / 1024 / 1024).toFixed(0)} MB), ` +
    `${cache.count} entries; process RSS ${(rssBefore / 1e6).toFixed(0)} → ${(rssAfter / 1e6).toFixed(0)} MB.`,
].join("\n");
console.log(table);

const writeAt = process.argv.indexOf("--write");
if (writeAt >= 0) {
  const path = process.argv[writeAt + 1] ?? join(process.cwd(), "docs/benchmarks.md");
  const doc = readFileSync(path, "utf8");
  const marker = /<!-- bench-api:start -->[\s\S]*<!-- bench-api:end -->/;
  writeFileSync(path, doc.replace(marker, `<!-- bench-api:start -->\n${table}\n<!-- bench-api:end -->`));
}

// The tarball path of the App's repository index (issue 14) on a real tree: every file of the
// tree (Python and everything else, as `git archive` ships them) packed into one gzipped
// tarball, then the Python blobs read back through fetchTarballTexts and checked against their
// blob SHAs, as the App does after one `GET .../tarball/{ref}`. GraphQL would need one query
// per 100 blobs. Run alone: node dist/test/bench/api-tarball.js <tree>
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";
import { BLOBS_PER_QUERY } from "../../src/app/fetch-contents.js";
import { fetchTarballTexts, gitBlobSha } from "../../src/app/fetch-tarball.js";
import type { GitHubClient } from "../../src/app/github.js";

const root = process.argv[2];
if (!root) throw new Error("usage: api-tarball.js <tree>");

/** Every regular file under root, skipping installed packages and bytecode caches. */
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "site-packages" || entry.name === "__pycache__") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const files = walk(root).map((path) => ({
  path: relative(root, path).split("\\").join("/"),
  bytes: readFileSync(path),
}));
const pack = tar.pack();
for (const file of files) pack.entry({ name: `owner-repo-abc1234/${file.path}` }, file.bytes);
pack.finalize();
const chunks: Buffer[] = [];
for await (const chunk of pack) chunks.push(chunk as Buffer);
const raw = Buffer.concat(chunks);
const archive = gzipSync(raw);
const wanted = new Map(files.filter((f) => f.path.endsWith(".py")).map((f) => [f.path, gitBlobSha(f.bytes)]));
const distinct = new Set(wanted.values()).size;
const gh = {
  request: async () => ({ status: 200, headers: {}, data: Readable.toWeb(Readable.from([archive])) }),
} as unknown as GitHubClient;

console.log(
  `Tree: ${root}: ${files.length} files, ${wanted.size} .py (${distinct} distinct blobs); tarball ${(archive.length / 1e6).toFixed(1)} MB gzipped, ${(raw.length / 1e6).toFixed(1)} MB uncompressed.`,
);
console.log(`Requests: 1 tarball instead of ${Math.ceil(wanted.size / BLOBS_PER_QUERY)} GraphQL queries.`);
for (let run = 1; run <= 3; run++) {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const texts = await fetchTarballTexts(gh, { owner: "o", repo: "r" }, "abc1234", {
    wanted,
    maxFileSize: 1_000_000,
    maxBytes: 200 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `run ${run}: ${texts.size} of ${distinct} blobs read and verified in ${seconds.toFixed(2)} s; RSS ${(rss / 1e6).toFixed(0)} → ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}

// `npm run bench`: peptalk check (all checks, all cores) over the machine's Python standard
// library, against a single-threaded tree-sitter parse-only pass and Ruff (wasm, all rules)
// over the same files. Prints files/s, MB/s, peak memory and the ratios; `--write` also
// records the figures in docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectPythonFiles } from "../../src/cli/files.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../../..");
const dist = join(repo, "dist");

function stdlibPath(): string | null {
  try {
    return execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return null;
  }
}

interface Measure {
  name: string;
  seconds: number;
  maxRssMb: number;
  detail: string;
}

function measure(name: string, args: string[]): Measure {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--import", join(dist, "test/bench/report-rss.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /PEPTALK_BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr);
  if (!rss || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`${name} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return { name, seconds, maxRssMb: Number(rss[1]) / 1024, detail: result.stdout.trim().slice(0, 200) };
}

const stdlib = stdlibPath();
if (!stdlib) {
  console.log("bench: skipped: no python3 on this machine to locate the standard library.");
  process.exit(0);
}
const { files } = collectPythonFiles([stdlib]);
const megabytes = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const categories = "idioms,typing,naming,packaging,testing,concurrency,security,performance";

// peptalk runs on a copy of the corpus, so the warm runs can edit files; its result cache
// starts empty, so the cold run pays for filling it.
const scratch = mkdtempSync(join(tmpdir(), "peptalk-bench-"));
const corpus = join(scratch, "stdlib");
cpSync(stdlib, corpus, {
  recursive: true,
  filter: (src) => !src.endsWith("site-packages") && (statSync(src).isDirectory() || /\.pyi?$/.test(src)),
});
const checkArgs = (): string[] => [
  join(dist, "src/cli/main.js"),
  "check",
  corpus,
  "--select",
  categories,
  "--format",
  "json",
  "--fail-on",
  "never",
  "--cache-dir",
  join(scratch, "cache"),
];

const parseOnly = measure("tree-sitter parse only (1 thread)", [join(dist, "test/bench/parse-only.js"), stdlib]);
const peptalk = measure(`peptalk check, all checks (${availableParallelism()} threads)`, checkArgs());
const warm = measure("peptalk check, warm cache, nothing changed", checkArgs());
const edited = collectPythonFiles([corpus])
  .files.filter((_, i) => i % 89 === 0)
  .slice(0, 20);
for (const file of edited) appendFileSync(file, "\n_peptalk_bench_edit = 1\n");
const warm20 = measure(`peptalk check, warm cache, ${edited.length} files changed`, checkArgs());
rmSync(scratch, { recursive: true, force: true });
const ruff = measure("ruff-wasm, all rules (1 thread)", [join(dist, "test/bench/ruff-only.js"), stdlib]);
const walkAll = measure("parse + visit every node with a tree cursor (1 thread)", [
  join(dist, "test/bench/tree-floors.js"),
  "cursor",
  stdlib,
]);
const oneQuery = measure("parse + one two-pattern tree-sitter query (1 thread)", [
  join(dist, "test/bench/tree-floors.js"),
  "query",
  stdlib,
]);

const rows = [parseOnly, peptalk, warm, warm20, ruff, walkAll, oneQuery].map(
  (m) =>
    `| ${m.name} | ${m.seconds.toFixed(2)} s | ${(files.length / m.seconds).toFixed(0)} | ${(megabytes / m.seconds).toFixed(2)} | ${m.maxRssMb.toFixed(0)} MB |`,
);
const table = [
  `Corpus: ${stdlib} — ${files.length} files, ${megabytes.toFixed(1)} MB. Machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, Node ${process.version}.`,
  "",
  "| run | wall | files/s | MB/s | peak RSS |",
  "|---|---|---|---|---|",
  ...rows,
  "",
  `peptalk / Ruff wall time: **${(peptalk.seconds / ruff.seconds).toFixed(2)}×** (target < 1.00×) · ` +
    `peptalk / parse-only: **${(peptalk.seconds / parseOnly.seconds).toFixed(2)}×** (tracked) · peak memory target < 400 MB: ` +
    `**${peptalk.maxRssMb < 400 ? "met" : "missed"}** (${peptalk.maxRssMb.toFixed(0)} MB).`,
  "",
  `Warm / cold: **${((100 * warm.seconds) / peptalk.seconds).toFixed(1)}%** with nothing changed (target < 10%), ` +
    `**${((100 * warm20.seconds) / peptalk.seconds).toFixed(1)}%** with ${edited.length} files changed (target < 15%).`,
  "",
  `Beyond parsing, one cursor visit of every node costs ${(walkAll.seconds - parseOnly.seconds).toFixed(2)} s and one ` +
    `two-pattern query ${(oneQuery.seconds - parseOnly.seconds).toFixed(2)} s, against ${parseOnly.seconds.toFixed(2)} s of parsing.`,
].join("\n");
console.log(table);

// The repository index (issue 14): cold base+head, then a warm second push; its own section.
const apiIndex = spawnSync(
  process.execPath,
  [
    join(dist, "test/bench/api-index.js"),
    stdlib,
    ...(process.argv.includes("--write") ? ["--write", join(repo, "docs/benchmarks.md")] : []),
  ],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
if (apiIndex.status !== 0) throw new Error(`api-index bench failed:\n${apiIndex.stderr.slice(-2000)}`);
console.log(`\nRepository index:\n${apiIndex.stdout.trim()}`);

if (process.argv.includes("--write")) {
  const path = join(repo, "docs/benchmarks.md");
  const doc = readFileSync(path, "utf8");
  const marker = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
  writeFileSync(path, doc.replace(marker, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
  // Keep the page in the project's format (the lint step checks it).
  execFileSync(join(repo, "node_modules/.bin/prettier"), ["--write", path]);
  console.log(`\nwrote ${path}`);
}

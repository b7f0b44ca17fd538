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

// Every run is measured three times, in rounds (each round runs everything once, side by side),
// so that a change in the machine's load touches every row alike. Each row shows the median
// and the spread; the ratios are taken within each round.
const ROUNDS = 3;
const checkArgs = (corpus: string, cacheDir: string): string[] => [
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
  cacheDir,
];

interface Round {
  parseOnly: Measure;
  cold: Measure;
  warm: Measure;
  warm20: Measure;
  ruff: Measure;
  walkAll: Measure;
  oneQuery: Measure;
  /** How many files the warm20 run found changed. */
  edited: number;
}

function round(): Round {
  // peptalk runs on a fresh copy of the corpus, so the warm runs can edit files; its result
  // cache starts empty, so the cold run pays for filling it.
  const scratch = mkdtempSync(join(tmpdir(), "peptalk-bench-"));
  const corpus = join(scratch, "stdlib");
  cpSync(stdlib!, corpus, {
    recursive: true,
    filter: (src) => !src.endsWith("site-packages") && (statSync(src).isDirectory() || /\.pyi?$/.test(src)),
  });
  const cacheDir = join(scratch, "cache");
  try {
    const parseOnly = measure("tree-sitter parse only (1 thread)", [join(dist, "test/bench/parse-only.js"), stdlib!]);
    const cold = measure(`peptalk check, all checks (${availableParallelism()} threads)`, checkArgs(corpus, cacheDir));
    const warm = measure("peptalk check, warm cache, nothing changed", checkArgs(corpus, cacheDir));
    const toEdit = collectPythonFiles([corpus])
      .files.filter((_, i) => i % 89 === 0)
      .slice(0, 20);
    for (const file of toEdit) appendFileSync(file, "\n_peptalk_bench_edit = 1\n");
    const warm20 = measure(`peptalk check, warm cache, ${toEdit.length} files changed`, checkArgs(corpus, cacheDir));
    const ruff = measure("ruff-wasm, all rules (1 thread)", [join(dist, "test/bench/ruff-only.js"), stdlib!]);
    const walkAll = measure("parse + visit every node with a tree cursor (1 thread)", [
      join(dist, "test/bench/tree-floors.js"),
      "cursor",
      stdlib!,
    ]);
    const oneQuery = measure("parse + one two-pattern tree-sitter query (1 thread)", [
      join(dist, "test/bench/tree-floors.js"),
      "query",
      stdlib!,
    ]);
    return { parseOnly, cold, warm, warm20, ruff, walkAll, oneQuery, edited: toEdit.length };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const rounds: Round[] = [];
for (let i = 0; i < ROUNDS; i++) {
  rounds.push(round());
  console.error(`bench: round ${i + 1} of ${ROUNDS} done`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
/** "median (min–max)" of the rounds' values. */
function spread(values: number[], format: (n: number) => string): string {
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}
const seconds = (n: number): string => `${n.toFixed(2)} s`;
const times = (n: number): string => `${n.toFixed(2)}×`;
const percent = (n: number): string => `${n.toFixed(1)}%`;
const mb = (n: number): string => `${n.toFixed(0)} MB`;

const rowKeys: Exclude<keyof Round, "edited">[] = [
  "parseOnly",
  "cold",
  "warm",
  "warm20",
  "ruff",
  "walkAll",
  "oneQuery",
];
const rows = rowKeys.map((key) => {
  const runs = rounds.map((r) => r[key]);
  const wall = runs.map((m) => m.seconds);
  return `| ${runs[0]!.name} | ${spread(wall, seconds)} | ${(files.length / median(wall)).toFixed(0)} | ${(megabytes / median(wall)).toFixed(2)} | ${spread(
    runs.map((m) => m.maxRssMb),
    mb,
  )} |`;
});
const toRuff = rounds.map((r) => r.cold.seconds / r.ruff.seconds);
const toParse = rounds.map((r) => r.cold.seconds / r.parseOnly.seconds);
const peaks = rounds.map((r) => r.cold.maxRssMb);
const warmShare = rounds.map((r) => (100 * r.warm.seconds) / r.cold.seconds);
const warm20Share = rounds.map((r) => (100 * r.warm20.seconds) / r.cold.seconds);
const met = (ok: boolean): string => (ok ? "met" : "missed");
const table = [
  `Corpus: ${stdlib} — ${files.length} files, ${megabytes.toFixed(1)} MB. Machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, Node ${process.version}. ${ROUNDS} rounds; each cell is the median (min–max).`,
  "",
  "| run | wall | files/s | MB/s | peak RSS |",
  "|---|---|---|---|---|",
  ...rows,
  "",
  `peptalk / Ruff wall time, per round: **${spread(toRuff, times)}** (target < 1.00×: ${met(Math.max(...toRuff) < 1)}) · ` +
    `peptalk / parse-only: **${spread(toParse, times)}** (tracked) · peak memory: **${spread(peaks, mb)}** ` +
    `(target < 400 MB: ${met(Math.max(...peaks) < 400)}).`,
  "",
  `Warm / cold: **${spread(warmShare, percent)}** with nothing changed (target < 10%: ${met(Math.max(...warmShare) < 10)}), ` +
    `**${spread(warm20Share, percent)}** with ${rounds[0]!.edited} files changed (target < 15%: ${met(Math.max(...warm20Share) < 15)}).`,
  "",
  `Beyond parsing, one cursor visit of every node costs ${seconds(median(rounds.map((r) => r.walkAll.seconds - r.parseOnly.seconds)))} and one ` +
    `two-pattern query ${seconds(median(rounds.map((r) => r.oneQuery.seconds - r.parseOnly.seconds)))}, against ${seconds(median(rounds.map((r) => r.parseOnly.seconds)))} of parsing (medians).`,
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

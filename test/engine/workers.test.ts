// The engine on real worker threads. Workers run compiled JavaScript, so the engine is built
// first, into a directory of its own under dist/ (the CLI tests run dist/src while this
// builds); the main thread under test runs from sources.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { runEngine, type FileJob, type WorkerInit } from "../../src/engine/engine.js";
import { WorkerPool } from "../../src/engine/worker-pool.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BUILD = "dist/workers-test";
const realWorker = new URL(`../../${BUILD}/src/engine/worker.js`, import.meta.url);
/** The compiled worker with faults injected by file name (see the fixture). */
const faultyWorker = new URL("../fixtures/faulty-worker.mjs", import.meta.url);
const config = resolveConfig({}, { rules: allChecks }).config;
/** A file whose parse alone takes seconds: tree-sitter's error recovery on unclosed `(`. */
const bomb = "def f(\n".repeat(40_000);

beforeAll(() => {
  execFileSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json", "--noCheck", "--outDir", BUILD],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}, 300_000);

describe("runEngine on worker threads", () => {
  it("keeps the event loop free while a CPU bomb is analysed, even for one file", async () => {
    // The timer must fire while the file is being analysed, not after: the engine reports the
    // file done through onProgress, so the timer has to come first.
    let fileDone = false;
    let firedDuringAnalysis: boolean | null = null;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        firedDuringAnalysis = !fileDone;
        resolve();
      }, 50),
    );
    const result = await runEngine(
      {
        files: [{ path: "bomb.py", content: bomb }],
        config,
        workers: "always",
        fileBudgetMs: 3000,
        workerScript: realWorker,
        onProgress: () => (fileDone = true),
      },
      allChecks,
    );
    await timer;
    expect(firedDuringAnalysis).toBe(true);
    expect(result.skipped).toEqual([{ path: "bomb.py", reason: "not analysed: over the 3 s budget" }]);
    expect(result.analysed).toEqual([]);
  }, 60_000);

  it("returns the same findings as in-process analysis", async () => {
    const files = [
      { path: "a.py", content: "def f(x=[]):\n    if x == None:\n        return 1\n" },
      { path: "b.py", content: "import os\nfor list in range(3):\n    pass\n" },
    ];
    const onWorkers = await runEngine({ files, config, workers: "always", workerScript: realWorker }, allChecks);
    const inProcess = await runEngine({ files, config }, allChecks);
    expect(onWorkers.findings.length).toBeGreaterThan(0);
    expect(onWorkers).toEqual(inProcess);
  }, 60_000);

  it("reads a reader's file when a thread takes it, and reports one that cannot be read skipped", async () => {
    let goneReads = 0;
    const result = await runEngine(
      {
        files: [
          { path: "a.py", content: () => Buffer.from("x == None\n") },
          {
            path: "gone.py",
            // Readable while the engine filters the files, gone when a thread takes it.
            content: () => {
              if (++goneReads > 1) throw new Error("ENOENT: gone.py is gone");
              return Buffer.from("y == None\n");
            },
          },
        ],
        config,
        workers: "always",
        workerScript: realWorker,
      },
      allChecks.filter((c) => c.id === "none-comparison"),
    );
    expect(result.findings.map((f) => `${f.path}:${f.line} ${f.rule}`)).toEqual(["a.py:1 none-comparison"]);
    expect(result.skipped).toEqual([
      { path: "gone.py", reason: "not analysed: could not be read: ENOENT: gone.py is gone" },
    ]);
  }, 60_000);

  it("replaces a worker that hangs past the hard limit or dies, and reports its file skipped", async () => {
    const result = await runEngine(
      {
        files: [
          { path: "a.py", content: "x == None\n" },
          { path: "crash.py", content: "x == None\n" },
          { path: "hang.py", content: "x == None\n" },
          { path: "z.py", content: "y == None\n" },
        ],
        config,
        workers: "always",
        // Enough that a fresh thread's first file fits on a busy machine.
        fileBudgetMs: 1000,
        workerScript: faultyWorker,
      },
      allChecks,
    );
    expect(result.skipped).toEqual([
      { path: "crash.py", reason: "not analysed: the analysis stopped (exit code 3)" },
      { path: "hang.py", reason: "not analysed: over the 1 s budget" },
    ]);
    // The files after each fault were analysed by a fresh worker.
    expect(result.analysed).toEqual(["a.py", "z.py"]);
    expect(result.findings.map((f) => `${f.path} ${f.rule}`)).toEqual(["a.py none-comparison", "z.py none-comparison"]);
  }, 60_000);
});

describe("the shared worker pool", () => {
  const init = (checkIds: string[]): WorkerInit => ({
    checkIds,
    python: config.python,
    severities: {},
    reportUnusedSuppressions: false,
    budgetMs: 10_000,
    project: {},
  });
  const job = (path: string, content: string): FileJob => ({ path, content, isTestFile: false });

  it("runs concurrent runs on the same threads, each with its own settings, and keeps them for the next", async () => {
    const pool = new WorkerPool(realWorker, 2);
    try {
      const a = Array.from({ length: 5 }, (_, i) => job(`a${i}.py`, "x == None\n"));
      const b = Array.from({ length: 5 }, (_, i) => job(`b${i}.py`, "def f(x=[]):\n    x.append(1)\n"));
      const [first, second] = await Promise.all([
        pool.run(a, { init: init(["none-comparison"]), lanes: 2, hardLimitMs: 30_000 }),
        pool.run(b, { init: init(["mutable-default-argument"]), lanes: 2, hardLimitMs: 30_000 }),
      ]);
      const rules = (outcomes: typeof first): string[] =>
        outcomes.flatMap((o) => (o.type === "result" ? o.findings.map((f) => `${f.path} ${f.rule}`) : [o.reason]));
      expect(rules(first)).toEqual(a.map((j) => `${j.path} none-comparison`));
      expect(rules(second)).toEqual(b.map((j) => `${j.path} mutable-default-argument`));
      // Two threads served both runs, and serve the next one too.
      expect(pool.stats()).toEqual({ alive: 2, started: 2 });
      await pool.run([job("c.py", "x == None\n")], { init: init(["none-comparison"]), lanes: 2, hardLimitMs: 30_000 });
      expect(pool.stats()).toEqual({ alive: 2, started: 2 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("replaces a thread that dies, losing only its file, while another run goes on", async () => {
    const pool = new WorkerPool(faultyWorker, 1);
    try {
      const [faulty, healthy] = await Promise.all([
        pool.run([job("crash.py", "x == None\n"), job("ok.py", "x == None\n")], {
          init: init(["none-comparison"]),
          lanes: 1,
          hardLimitMs: 30_000,
        }),
        pool.run([job("other.py", "y == None\n")], { init: init(["none-comparison"]), lanes: 1, hardLimitMs: 30_000 }),
      ]);
      expect(faulty.map((o) => (o.type === "result" ? o.findings.length : o.reason))).toEqual([
        "not analysed: the analysis stopped (exit code 3)",
        1,
      ]);
      expect(healthy.map((o) => (o.type === "result" ? o.findings.length : o.reason))).toEqual([1]);
      expect(pool.stats()).toEqual({ alive: 1, started: 2 });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

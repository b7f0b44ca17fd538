// A worker thread: says when it is ready, then analyses one file per message and answers
// each with its outcome. The main thread times every file and replaces a worker that hangs
// or dies, so a file that defeats the budget costs a worker, never the server.
import { parentPort, workerData } from "node:worker_threads";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "./check.js";
import { appliesTo, jobText, type FileJob, type WorkerInit, type WorkerMessage } from "./engine.js";
import { createProjectContext } from "./project.js";
import { analyzeFile } from "./runner.js";
import { releaseTreesPeriodically } from "./memory.js";

const init = workerData as WorkerInit;
const wanted = new Set(init.checkIds);
const checks = allChecks.filter((c): c is FileCheck => c.kind === "file" && wanted.has(c.id));
const project = createProjectContext(init.project, new Map());

parentPort!.on("message", async (job: FileJob) => {
  // Let the event loop turn between files: node-tree-sitter frees trees in finalizers
  // that only run then, and without this trees pile up in native memory.
  releaseTreesPeriodically();
  await new Promise((resolve) => setImmediate(resolve));
  const analysis = analyzeFile(
    job.path,
    jobText(job),
    checks.filter((c) => appliesTo(c, job.isTestFile)),
    {
      python: init.python,
      severities: init.severities,
      isTestFile: job.isTestFile,
      project,
      reportUnusedSuppressions: init.reportUnusedSuppressions,
      budgetMs: init.budgetMs,
      houseStyle: job.houseStyle,
    },
  );
  parentPort!.postMessage({
    type: "result",
    findings: analysis.findings,
    failures: analysis.failures,
    houseStyle: analysis.houseStyle,
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
  } satisfies WorkerMessage);
});
parentPort!.postMessage({ type: "ready" } satisfies WorkerMessage);

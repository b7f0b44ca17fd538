// A worker thread: receives batches of files, returns their findings in order.
import { parentPort, workerData } from "node:worker_threads";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "./check.js";
import { appliesTo, jobText, type FileJob, type WorkerInit, type WorkerResult } from "./engine.js";
import { createProjectContext } from "./project.js";
import { analyzeFile } from "./runner.js";
import { releaseTreesPeriodically } from "./memory.js";

const init = workerData as WorkerInit;
const wanted = new Set(init.checkIds);
const checks = allChecks.filter((c): c is FileCheck => c.kind === "file" && wanted.has(c.id));
const project = createProjectContext(init.project, new Map());

parentPort!.on("message", async (jobs: FileJob[]) => {
  const result: WorkerResult = { findings: [], failures: [], houseStyle: [] };
  for (const job of jobs) {
    // Let the event loop turn between files: node-tree-sitter frees trees in finalizers
    // that only run then, and without this a batch's trees pile up in native memory.
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
        houseStyle: job.houseStyle,
      },
    );
    result.findings.push(...analysis.findings);
    result.failures.push(...analysis.failures);
    result.houseStyle.push(...analysis.houseStyle);
  }
  parentPort!.postMessage(result);
});

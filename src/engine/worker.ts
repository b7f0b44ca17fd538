// A thread of the engine's worker pool (worker-pool.ts): says when it is ready, then holds the
// settings of each run that uses it and analyses one file per message, answering each with its
// outcome. The main thread times every file and replaces a thread that hangs or dies, so a file
// that defeats the budget costs a thread, never the server.
import { parentPort } from "node:worker_threads";
import { allChecks } from "../../checks/index.js";
import type { FileCheck } from "./check.js";
import { appliesTo, jobText, type WorkerInit, type WorkerMessage } from "./engine.js";
import { createProjectContext, type ProjectContext } from "./project.js";
import { analyzeFile } from "./runner.js";
import { releaseTreesPeriodically } from "./memory.js";
import type { PoolRequest } from "./worker-pool.js";

interface RunSettings {
  init: WorkerInit;
  checks: FileCheck[];
  project: ProjectContext;
}

const runs = new Map<number, RunSettings>();

function settingsOf(init: WorkerInit): RunSettings {
  const wanted = new Set(init.checkIds);
  return {
    init,
    checks: allChecks.filter((c): c is FileCheck => c.kind === "file" && wanted.has(c.id)),
    project: createProjectContext(init.project, new Map()),
  };
}

parentPort!.on("message", async (request: PoolRequest) => {
  if (request.type === "run") {
    runs.set(request.runId, settingsOf(request.init));
    return;
  }
  if (request.type === "end") {
    runs.delete(request.runId);
    return;
  }
  const { job } = request;
  const { init, checks, project } = runs.get(request.runId)!;
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

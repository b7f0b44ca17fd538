// Concurrency checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import asyncioRunInAsync from "./asyncio-run-in-async.js";
import blockingHttpInAsync from "./blocking-http-in-async.js";
import blockingOpenInAsync from "./blocking-open-in-async.js";
import blockingSleepInAsync from "./blocking-sleep-in-async.js";
import blockingSubprocessInAsync from "./blocking-subprocess-in-async.js";
import danglingTask from "./dangling-task.js";
import deprecatedGetEventLoop from "./deprecated-get-event-loop.js";
import executorWithoutShutdown from "./executor-without-shutdown.js";
import lockWithoutWith from "./lock-without-with.js";
import multiprocessingWithoutMainGuard from "./multiprocessing-without-main-guard.js";
import unawaitedCoroutine from "./unawaited-coroutine.js";

export const concurrencyChecks: readonly Check[] = [
  asyncioRunInAsync,
  blockingHttpInAsync,
  blockingOpenInAsync,
  blockingSleepInAsync,
  blockingSubprocessInAsync,
  danglingTask,
  deprecatedGetEventLoop,
  executorWithoutShutdown,
  lockWithoutWith,
  multiprocessingWithoutMainGuard,
  unawaitedCoroutine,
];

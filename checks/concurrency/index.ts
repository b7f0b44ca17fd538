// Concurrency checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import asyncioRunInAsync from "./asyncio-run-in-async.js";
import blockingSleepInAsync from "./blocking-sleep-in-async.js";

export const concurrencyChecks: readonly Check[] = [asyncioRunInAsync, blockingSleepInAsync];

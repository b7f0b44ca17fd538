// Performance checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import listInsertFrontInLoop from "./list-insert-front-in-loop.js";
import regexCompileInLoop from "./regex-compile-in-loop.js";
import wallClockDuration from "./wall-clock-duration.js";

export const performanceChecks: readonly Check[] = [listInsertFrontInLoop, regexCompileInLoop, wallClockDuration];

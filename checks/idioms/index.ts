// Idioms checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import noneComparison from "./none-comparison.js";

export const idiomsChecks: readonly Check[] = [noneComparison];

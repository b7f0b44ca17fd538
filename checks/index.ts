// The registry: one sorted import per check. test/checks/registry.test.ts keeps it complete.
import type { Check } from "../src/engine/check.js";
import noneComparison from "./idioms/none-comparison.js";

export const allChecks: readonly Check[] = [noneComparison];

// Packaging checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";

export const packagingChecks: readonly Check[] = [];

// The registry: each category folder keeps its own sorted list (checks/<category>/index.ts).
// test/checks/registry.test.ts proves every check file is registered exactly once.
import type { Check } from "../src/engine/check.js";
import { apiChecks } from "./api/index.js";
import { concurrencyChecks } from "./concurrency/index.js";
import { idiomsChecks } from "./idioms/index.js";
import { namingChecks } from "./naming/index.js";
import { packagingChecks } from "./packaging/index.js";
import { performanceChecks } from "./performance/index.js";
import { securityChecks } from "./security/index.js";
import { testingChecks } from "./testing/index.js";
import { typingChecks } from "./typing/index.js";

export const allChecks: readonly Check[] = [
  ...idiomsChecks,
  ...typingChecks,
  ...namingChecks,
  ...packagingChecks,
  ...testingChecks,
  ...concurrencyChecks,
  ...securityChecks,
  ...performanceChecks,
  ...apiChecks,
];

// API checks (base/head pairs of the repository index), sorted by id.
import type { Check } from "../../src/engine/check.js";
import brokenCall from "./broken-call.js";
import brokenImport from "./broken-import.js";
import publicApiChange from "./public-api-change.js";

export const apiChecks: readonly Check[] = [brokenCall, brokenImport, publicApiChange];

// Naming checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import argumentName from "./argument-name.js";
import className from "./class-name.js";
import exceptionName from "./exception-name.js";
import functionName from "./function-name.js";
import selfFirstArgument from "./self-first-argument.js";

export const namingChecks: readonly Check[] = [argumentName, className, exceptionName, functionName, selfFirstArgument];

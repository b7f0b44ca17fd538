// Security checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import evalExec from "./eval-exec.js";
import hardcodedPassword from "./hardcoded-password.js";
import insecureMktemp from "./insecure-mktemp.js";
import requestWithoutTimeout from "./request-without-timeout.js";
import subprocessShellTrue from "./subprocess-shell-true.js";
import unsafePickle from "./unsafe-pickle.js";
import unsafeYamlLoad from "./unsafe-yaml-load.js";

export const securityChecks: readonly Check[] = [
  evalExec,
  hardcodedPassword,
  insecureMktemp,
  requestWithoutTimeout,
  subprocessShellTrue,
  unsafePickle,
  unsafeYamlLoad,
];

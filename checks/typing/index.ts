// Typing checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import anyInSignature from "./any-in-signature.js";
import deprecatedTypingAlias from "./deprecated-typing-alias.js";
import implicitOptional from "./implicit-optional.js";
import missingParameterAnnotation from "./missing-parameter-annotation.js";
import missingReturnAnnotation from "./missing-return-annotation.js";
import optionalToUnion from "./optional-to-union.js";

export const typingChecks: readonly Check[] = [
  anyInSignature,
  deprecatedTypingAlias,
  implicitOptional,
  missingParameterAnnotation,
  missingReturnAnnotation,
  optionalToUnion,
];

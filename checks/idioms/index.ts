// Idioms checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import bareExcept from "./bare-except.js";
import boolComparison from "./bool-comparison.js";
import fstringWithoutPlaceholders from "./fstring-without-placeholders.js";
import lambdaAssignment from "./lambda-assignment.js";
import mutableDefaultArgument from "./mutable-default-argument.js";
import noneComparison from "./none-comparison.js";
import notInTest from "./not-in-test.js";
import notIsTest from "./not-is-test.js";
import openWithoutWith from "./open-without-with.js";
import rangeLenLoop from "./range-len-loop.js";
import silentExcept from "./silent-except.js";
import starImport from "./star-import.js";
import typeComparison from "./type-comparison.js";

export const idiomsChecks: readonly Check[] = [
  bareExcept,
  boolComparison,
  fstringWithoutPlaceholders,
  lambdaAssignment,
  mutableDefaultArgument,
  noneComparison,
  notInTest,
  notIsTest,
  openWithoutWith,
  rangeLenLoop,
  silentExcept,
  starImport,
  typeComparison,
];

// Idioms checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import assertTuple from "./assert-tuple.js";
import bareExcept from "./bare-except.js";
import boolComparison from "./bool-comparison.js";
import builtinShadowing from "./builtin-shadowing.js";
import collapsibleIf from "./collapsible-if.js";
import comprehensionInAnyAll from "./comprehension-in-any-all.js";
import dataclassCandidate from "./dataclass-candidate.js";
import dictGetDefault from "./dict-get-default.js";
import dictKeysMembership from "./dict-keys-membership.js";
import duplicateDictKey from "./duplicate-dict-key.js";
import fstringWithoutPlaceholders from "./fstring-without-placeholders.js";
import functionCallDefaultArgument from "./function-call-default-argument.js";
import globalStatement from "./global-statement.js";
import isLiteral from "./is-literal.js";
import lambdaAssignment from "./lambda-assignment.js";
import loopVariableClosure from "./loop-variable-closure.js";
import manualListComprehension from "./manual-list-comprehension.js";
import mergeIsinstance from "./merge-isinstance.js";
import mutableClassDefault from "./mutable-class-default.js";
import mutableDataclassDefault from "./mutable-dataclass-default.js";
import mutableDefaultArgument from "./mutable-default-argument.js";
import needlessBool from "./needless-bool.js";
import nestedWith from "./nested-with.js";
import noneComparison from "./none-comparison.js";
import notInTest from "./not-in-test.js";
import notIsTest from "./not-is-test.js";
import objectInheritance from "./object-inheritance.js";
import openWithoutWith from "./open-without-with.js";
import printInLibrary from "./print-in-library.js";
import printfFormatting from "./printf-formatting.js";
import raiseWithoutFrom from "./raise-without-from.js";
import rangeLenLoop from "./range-len-loop.js";
import redefinedLoopVariable from "./redefined-loop-variable.js";
import repeatedEquality from "./repeated-equality.js";
import returnInInit from "./return-in-init.js";
import silentExcept from "./silent-except.js";
import starImport from "./star-import.js";
import stringConcatInLoop from "./string-concat-in-loop.js";
import superWithArguments from "./super-with-arguments.js";
import typeComparison from "./type-comparison.js";
import unnecessaryComprehension from "./unnecessary-comprehension.js";
import uselessExpression from "./useless-expression.js";
import uselessTryExcept from "./useless-try-except.js";
import utcnow from "./utcnow.js";
import yieldFrom from "./yield-from.js";
import zipWithoutStrict from "./zip-without-strict.js";

export const idiomsChecks: readonly Check[] = [
  assertTuple,
  bareExcept,
  boolComparison,
  builtinShadowing,
  collapsibleIf,
  comprehensionInAnyAll,
  dataclassCandidate,
  dictGetDefault,
  dictKeysMembership,
  duplicateDictKey,
  fstringWithoutPlaceholders,
  functionCallDefaultArgument,
  globalStatement,
  isLiteral,
  lambdaAssignment,
  loopVariableClosure,
  manualListComprehension,
  mergeIsinstance,
  mutableClassDefault,
  mutableDataclassDefault,
  mutableDefaultArgument,
  needlessBool,
  nestedWith,
  noneComparison,
  notInTest,
  notIsTest,
  objectInheritance,
  openWithoutWith,
  printInLibrary,
  printfFormatting,
  raiseWithoutFrom,
  rangeLenLoop,
  redefinedLoopVariable,
  repeatedEquality,
  returnInInit,
  silentExcept,
  starImport,
  stringConcatInLoop,
  superWithArguments,
  typeComparison,
  unnecessaryComprehension,
  uselessExpression,
  uselessTryExcept,
  utcnow,
  yieldFrom,
  zipWithoutStrict,
];

// Testing checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import assertAlwaysFalse from "./assert-always-false.js";
import asyncTestWithoutPlugin from "./async-test-without-plugin.js";
import compositeAssertion from "./composite-assertion.js";
import duplicateTestName from "./duplicate-test-name.js";
import excessiveMocking from "./excessive-mocking.js";
import parametrizeCandidate from "./parametrize-candidate.js";
import parametrizeNamesType from "./parametrize-names-type.js";
import raisesTooBroad from "./raises-too-broad.js";
import raisesWithMultipleStatements from "./raises-with-multiple-statements.js";
import sleepInTest from "./sleep-in-test.js";
import testClassWithInit from "./test-class-with-init.js";
import testWithoutAssertion from "./test-without-assertion.js";
import unittestAssertion from "./unittest-assertion.js";
import uselessYieldFixture from "./useless-yield-fixture.js";

export const testingChecks: readonly Check[] = [
  assertAlwaysFalse,
  asyncTestWithoutPlugin,
  compositeAssertion,
  duplicateTestName,
  excessiveMocking,
  parametrizeCandidate,
  parametrizeNamesType,
  raisesTooBroad,
  raisesWithMultipleStatements,
  sleepInTest,
  testClassWithInit,
  testWithoutAssertion,
  unittestAssertion,
  uselessYieldFixture,
];

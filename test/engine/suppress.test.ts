import { describe, expect, it } from "@jest/globals";
import noneComparison from "../../checks/idioms/none-comparison.js";
import selfFirstArgument from "../../checks/naming/self-first-argument.js";
import starImport from "../../checks/idioms/star-import.js";
import { analyzeFile } from "../../src/engine/runner.js";

const options = { python: [3, 9] as const, isTestFile: false, project: null, severities: {} };
const lines = (source: string): number[] =>
  analyzeFile("m.py", source, [noneComparison], options).findings.map((f) => f.line);

describe("suppression comments", () => {
  it.each([
    ["bare noqa", "a = x == None  # noqa\n", []],
    ["noqa with the code", "a = x == None  # noqa: E711\n", []],
    ["noqa with several codes", "a = x == None  # noqa: E501,E711\n", []],
    ["noqa without space", "a = x == None  # noqa:E711\n", []],
    ["noqa with another code only", "a = x == None  # noqa: E501\n", [1]],
    ["peptalk ignore by id", "a = x == None  # peptalk: ignore[none-comparison]\n", []],
    ["peptalk ignore for another rule", "a = x == None  # peptalk: ignore[bare-except]\n", [1]],
    ["peptalk ignore-file", "# peptalk: ignore-file\na = x == None\n", []],
    ["ruff file-level noqa", "# ruff: noqa\na = x == None\n", []],
    ["flake8 file-level noqa with code", "# flake8: noqa: E711\na = x == None\n", []],
    ["ruff file-level noqa for another code", "# ruff: noqa: F401\na = x == None\n", [2]],
    ["pylint disable by name", "a = x == None  # pylint: disable=singleton-comparison\n", []],
    ["a word that starts with noqa is not a noqa", "a = x == None  # noqa-free zone\n", [1]],
    ["noqa on another line", "# noqa\na = x == None\n", [2]],
    ["noqa inside a string is not a comment", 'a = x == None; s = "# noqa"\n', [1]],
    ["noqa on the last line of a multi-line finding", "a = (x ==\n  None)  # noqa: E711\n", []],
  ])("%s", (_name, source, expected) => {
    expect(lines(source)).toEqual(expected);
  });
});

describe("noqa with another linter's equivalent code", () => {
  const rulesOn = (source: string, check: typeof starImport | typeof selfFirstArgument): number[] =>
    analyzeFile("m.py", source, [check], options).findings.map((f) => f.line);

  it.each([
    ["F401 on a star import silences F403", "from os.path import *  # noqa: F401\n", []],
    ["F403 itself", "from os.path import *  # noqa:F403\n", []],
    ["an unrelated code does not", "from os.path import *  # noqa: E501\n", [1]],
  ])("star-import: %s", (_name, source, expected) => {
    expect(rulesOn(source, starImport)).toEqual(expected);
  });

  it.each([
    ["B902 silences N805", "class A:\n    def f(this,  # noqa: B902\n          x):\n        return x\n", []],
    ["without it the finding stays", "class A:\n    def f(this,\n          x):\n        return x\n", [2]],
  ])("self-first-argument: %s", (_name, source, expected) => {
    expect(rulesOn(source, selfFirstArgument)).toEqual(expected);
  });
});

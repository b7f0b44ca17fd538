// Workflow-command annotations (the Action on a fork's pull request): they address head files,
// so a finding on a removed line names its base line in the message and carries no file.
import { describe, expect, it } from "@jest/globals";
import { formatGithub } from "../../src/cli/format/github.js";
import type { Finding } from "../../src/engine/types.js";
import { makeFinding } from "../helpers/finding.js";

const finding = (over: Partial<Finding>): Finding =>
  makeFinding({
    path: "pkg/client.py",
    rule: "public-api-change",
    codes: [],
    category: "api",
    message: "Public API change in `pkg.client.ping`: function removed",
    line: 5,
    column: 1,
    endLine: 5,
    endColumn: 1,
    ...over,
  });

describe("formatGithub", () => {
  it.each<[string, Partial<Finding>, string]>([
    [
      "a head finding is annotated on its file and line",
      {},
      "::warning file=pkg/client.py,line=5,endLine=5,col=1,endColumn=1,title=peptalk public-api-change::Public API change in `pkg.client.ping`: function removed",
    ],
    [
      "a finding on a removed line names the base line, on no head file",
      { side: "LEFT" },
      "::warning title=peptalk public-api-change::pkg/client.py:5 (removed line): Public API change in `pkg.client.ping`: function removed",
    ],
  ])("%s", (_name, over, expected) => {
    expect(formatGithub([finding(over)])).toBe(expected);
  });
});

import { describe, expect, it } from "@jest/globals";
import { blockFence, codeSpan, escapeText, renderMessage } from "../../src/planner/markdown.js";
import { hazards, liveText } from "../helpers/markdown.js";

const HOSTILE = ["x` @octocat @org/security `y", "<!--", "``", "` a `", "@octocat", "&#64;octocat", "[x](http://e)"];

describe("codeSpan", () => {
  it.each(HOSTILE)("keeps %j inside one code span", (text) => {
    const md = codeSpan(text);
    // The whole span is code: nothing of it is left as live text.
    expect(liveText(md).trim()).toBe("CODE");
  });

  it("uses a single backtick for plain code and pads content that starts with a backtick", () => {
    expect(codeSpan("x == None")).toBe("`x == None`");
    expect(codeSpan("`a")).toBe("`` `a ``");
    expect(codeSpan("")).toBe("` `");
  });
});

describe("renderMessage", () => {
  it("re-fences the spans CommonMark finds and escapes the text between them", () => {
    expect(renderMessage("Use `x is None` instead")).toBe("Use `x is None` instead");
    const name = "x` @octocat @org/security `y";
    const md = renderMessage(`\`__all__\` lists \`${name}\`, which the module never defines`);
    expect(hazards(md)).toEqual([]);
  });

  it.each(HOSTILE)("renders a message quoting %j with no live mention or HTML", (name) => {
    expect(hazards(renderMessage(`Variable \`${name}\` shadows <!-- the builtin @octocat`))).toEqual([]);
  });

  it("escapes a leading list or heading marker (the text may follow a bullet)", () => {
    expect(escapeText("- a")).toBe("\\- a");
    expect(escapeText("1. a")).toBe("1\\. a");
    expect(escapeText("# a")).toBe("\\# a");
  });

  it("stays linear on a long line of alternating backtick runs", () => {
    const line = Array.from({ length: 2000 }, (_, i) => "`".repeat((i % 40) + 1) + "a").join("");
    expect(() => renderMessage(line)).not.toThrow();
  });
});

describe("blockFence", () => {
  it("is longer than any backtick run in the code, and at least three", () => {
    expect(blockFence("x = 1")).toBe("```");
    expect(blockFence("s = '````'")).toBe("`````");
    // A 400 KB run of short runs: no spread, no RangeError.
    expect(blockFence("` ".repeat(200_000))).toBe("```");
  });
});

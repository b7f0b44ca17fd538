import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { allChecks } from "../../checks/index.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { parseYamlConfig } from "../../src/cli/config-loader.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/config/${name}`, import.meta.url), "utf8");
const resolveYaml = (name: string, requiresPython?: string) => {
  const parsed = parseYamlConfig(fixture(name), name);
  const resolved = resolveConfig(parsed.data, { rules: allChecks, requiresPython });
  return { ...resolved, errors: [...parsed.errors, ...resolved.errors] };
};

describe("config resolution", () => {
  it("applies a valid config: python, severities by id and category, review and check options", () => {
    const { config, errors } = resolveYaml("basic.yml");
    expect(errors).toEqual([]);
    expect(config.python).toEqual([3, 11]);
    expect(config.pythonSource).toBe("config");
    expect(config.severities["none-comparison"]).toBe("error");
    expect(config.exclude).toEqual(["migrations/**"]);
    expect(config.review.max_comments).toBe(10);
    expect(config.review.suggestions).toBe(true);
    expect(config.check).toEqual({ fail_on: "warning", scope: "changed-lines", on_error: "failure" });
  });

  it("gives defaults for an empty file", () => {
    const { config, errors } = resolveYaml("empty.yml");
    expect(errors).toEqual([]);
    expect(config.python).toEqual([3, 9]);
    expect(config.pythonSource).toBe("default");
    expect(config.review.max_comments).toBe(25);
  });

  it("reports invalid YAML with its line", () => {
    const { errors } = resolveYaml("malformed.yml");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/malformed\.yml:\d+:\d+: invalid YAML/);
  });

  it("names unknown keys and rules and suggests the closest valid name, keeping the valid parts", () => {
    const { config, errors } = resolveYaml("unknown-key.yml");
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "reveiw", message: 'Unknown key "reveiw". Did you mean "review"?' },
        {
          path: "rules.none-comparisn",
          message: 'Unknown rule or category "none-comparisn". Did you mean "none-comparison"?',
        },
        expect.objectContaining({ path: "check.fail_on" }),
      ]),
    );
    expect(config.check.fail_on).toBe("error");
  });

  it("refuses YAML alias fan-out without expanding it", () => {
    const { errors } = resolveYaml("evil.yml");
    expect(errors).toEqual([{ path: "", message: expect.stringMatching(/evil\.yml: invalid YAML: .*alias/i) }]);
  });

  it("survives hostile values without throwing and reports each bad key", () => {
    const raw = {
      a: 1,
      b: [1],
      c: {},
      max_file_size: Infinity,
      rules: ["none-comparison"],
      python: 3.1,
      review: "yes",
    };
    const { config, errors } = resolveConfig(raw, { rules: allChecks });
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["a", "b", "c", "max_file_size", "rules", "python", "review"]));
    expect(errors.find((e) => e.path === "python")!.message).toMatch(/Quote it/);
    expect(config.maxFileSize).toBe(1_000_000);
  });

  it("points at the rule id when a Ruff code is used as a rule key", () => {
    const { errors } = resolveConfig({ rules: { E711: "off" } }, { rules: allChecks });
    expect(errors[0]!.message).toMatch(/"E711" is the code of "none-comparison"/);
  });

  it("lets a rule id win over its category, whatever the order", () => {
    const { config } = resolveConfig({ rules: { "none-comparison": "info", idioms: "off" } }, { rules: allChecks });
    expect(config.severities["none-comparison"]).toBe("info");
  });

  it.each([
    [">=3.8", [3, 8]],
    [">=3.10,<4", [3, 10]],
    ["~=3.11", [3, 11]],
    [">3.7", [3, 7]],
    ["==3.12.*", [3, 12]],
  ])("takes the target Python from requires-python %s", (spec, expected) => {
    const { config } = resolveConfig({}, { rules: allChecks, requiresPython: spec });
    expect(config.python).toEqual(expected);
    expect(config.pythonSource).toBe("requires-python");
  });

  it("prefers an explicit python over requires-python", () => {
    const { config } = resolveConfig({ python: "3.12" }, { rules: allChecks, requiresPython: ">=3.8" });
    expect(config.python).toEqual([3, 12]);
  });
});

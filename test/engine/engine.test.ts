import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { defineCheck } from "../../src/engine/check.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { enabledChecks, runEngine } from "../../src/engine/engine.js";
import noneComparison from "../../checks/idioms/none-comparison.js";
import implicitNamespacePackage from "../../checks/packaging/implicit-namespace-package.js";

const config = (raw: unknown = {}) => resolveConfig(raw, { rules: allChecks }).config;
const rules = (findings: { rule: string; path: string; line: number }[]) =>
  findings.map((f) => `${f.path}:${f.line} ${f.rule}`);

describe("runEngine", () => {
  it("skips binary, non-UTF-8 and oversized files with a reason and analyses the rest", async () => {
    const result = await runEngine(
      {
        files: [
          { path: "ok.py", content: Buffer.from("x == None\n") },
          { path: "bin.py", content: Buffer.from([0x78, 0x00, 0x01]) },
          { path: "latin1.py", content: Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]) },
          { path: "huge.py", content: "x = 1\n".repeat(50) },
        ],
        config: config({ max_file_size: 200 }),
      },
      [noneComparison],
    );
    expect(rules(result.findings)).toEqual(["ok.py:1 none-comparison"]);
    expect(result.skipped).toEqual([
      { path: "bin.py", reason: "binary file (contains NUL bytes)" },
      { path: "latin1.py", reason: expect.stringMatching(/not valid UTF-8/) },
      { path: "huge.py", reason: "larger than 200 bytes (300 bytes)" },
    ]);
    expect(result.analysed).toEqual(["ok.py"]);
  });

  it("reads files through readers when it needs them, and skips one that can no longer be read", async () => {
    const reads: string[] = [];
    const reader =
      (path: string, text: string, readable = 1) =>
      () => {
        reads.push(path);
        if (reads.filter((p) => p === path).length > readable) throw new Error(`ENOENT: ${path} is gone`);
        return Buffer.from(text);
      };
    const result = await runEngine(
      {
        files: [
          { path: "a.py", content: reader("a.py", "x == None\n", 2) },
          { path: "gone.py", content: reader("gone.py", "y == None\n", 1) },
          { path: "skip.py", content: reader("skip.py", "z == None\n") },
          { path: "locked.py", content: reader("locked.py", "w == None\n", 0) },
        ],
        config: config({ exclude: ["skip.py"] }),
      },
      [noneComparison],
    );
    expect(rules(result.findings)).toEqual(["a.py:1 none-comparison"]);
    expect(result.skipped).toEqual([
      { path: "locked.py", reason: "not analysed: could not be read: ENOENT: locked.py is gone" },
      { path: "gone.py", reason: "not analysed: could not be read: ENOENT: gone.py is gone" },
    ]);
    // Read once to filter and hash, once to analyse; an excluded file is never read.
    expect(reads.filter((p) => p === "a.py")).toHaveLength(2);
    expect(reads).not.toContain("skip.py");
  });

  it("reads a UTF-8 byte-order mark as nothing", async () => {
    const result = await runEngine(
      { files: [{ path: "bom.py", content: Buffer.from("\ufeffx == None\n") }], config: config() },
      [noneComparison],
    );
    expect(result.findings.map((f) => [f.line, f.column])).toEqual([[1, 6]]);
  });

  it("treats directories listed in namespace_packages or Ruff's namespace-packages as namespace packages", async () => {
    const files = ["acme/ns/a.py", "acme/plugins/b.py", "acme/other/c.py"].map((path) => ({
      path,
      content: "x = 1\n",
    }));
    const project = {
      paths: ["pyproject.toml", "acme/__init__.py", ...files.map((f) => f.path)],
      files: { "pyproject.toml": '[tool.ruff]\nnamespace-packages = ["acme/plugins"]\n' },
    };
    const run = (raw: unknown) =>
      runEngine({ files, config: config(raw), project }, [implicitNamespacePackage]).then((r) => rules(r.findings));
    expect(await run({ namespace_packages: ["acme/ns"] })).toEqual(["acme/other/c.py:1 implicit-namespace-package"]);
    expect(await run({ namespace_packages: ["acme/ns"], respect_ruff_config: false })).toEqual([
      "acme/other/c.py:1 implicit-namespace-package",
      "acme/plugins/b.py:1 implicit-namespace-package",
    ]);
  });

  it("applies include and exclude globs", async () => {
    const files = ["app/a.py", "migrations/0001.py", "app/b.txt", "deep/migrations/x.py"].map((path) => ({
      path,
      content: "x == None\n",
    }));
    const result = await runEngine({ files, config: config({ exclude: ["migrations/**"] }) }, [noneComparison]);
    expect(result.analysed).toEqual(["app/a.py", "deep/migrations/x.py"]);
  });

  it("returns findings in a deterministic order whatever the input order", async () => {
    const files = ["b.py", "a.py", "c/d.py"].map((path) => ({ path, content: "y = 1\nx == None\nz != None\n" }));
    const first = await runEngine({ files, config: config() }, [noneComparison]);
    const second = await runEngine({ files: [...files].reverse(), config: config() }, [noneComparison]);
    expect(rules(first.findings)).toEqual(rules(second.findings));
    expect(rules(first.findings)[0]).toBe("a.py:2 none-comparison");
  });

  it("honours select and ignore by id, code and category, and off severities", () => {
    const c = config({ rules: { "none-comparison": "off" } });
    expect(enabledChecks([noneComparison], { config: c })).toEqual([]);
    expect(enabledChecks([noneComparison], { config: c, select: ["E711"] })).toEqual([noneComparison]);
    expect(enabledChecks([noneComparison], { config: config(), ignore: ["idioms"] })).toEqual([]);
  });

  it("gates checks on the target Python", () => {
    const modern = defineCheck({ ...noneComparison, id: "modern-only", minPython: "3.10" });
    expect(enabledChecks([modern], { config: config({ python: "3.9" }) })).toEqual([]);
    expect(enabledChecks([modern], { config: config({ python: "3.10" }) })).toEqual([modern]);
  });

  it("applies the configured severity to findings", async () => {
    const result = await runEngine(
      { files: [{ path: "a.py", content: "x == None\n" }], config: config({ rules: { "none-comparison": "error" } }) },
      [noneComparison],
    );
    expect(result.findings[0]!.severity).toBe("error");
  });
});

describe("runEngine with the repository's linter config", () => {
  const files = [
    { path: "app/a.py", content: "x == None\n" },
    { path: "tests/test_a.py", content: "x == None\n" },
    { path: "migrations/m.py", content: "x == None\n" },
  ];
  const project = {
    files: {
      "pyproject.toml":
        '[tool.ruff]\nextend-exclude = ["migrations"]\n[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["E711"]\n',
    },
  };

  it("drops findings Ruff's config turns off and files it excludes, and says what it honoured", async () => {
    const result = await runEngine({ files, config: config(), project }, [noneComparison]);
    expect(rules(result.findings)).toEqual(["app/a.py:1 none-comparison"]);
    expect(result.analysed).toEqual(["app/a.py", "tests/test_a.py"]);
    expect(result.honoured).toEqual([
      "pyproject.toml [tool.ruff]: lint.per-file-ignores (1 patterns)",
      "pyproject.toml [tool.ruff]: extend-exclude = migrations",
    ]);
  });

  it("ignores the Ruff config with respect_ruff_config: false", async () => {
    const result = await runEngine({ files, config: config({ respect_ruff_config: false }), project }, [
      noneComparison,
    ]);
    expect(result.findings).toHaveLength(3);
    expect(result.honoured).toEqual([]);
  });

  it("reports suppressions that silence nothing, only when asked", async () => {
    const source =
      "a = x == None  # noqa: E711\nb = 1  # noqa: E711\nc = 2  # noqa: E501\nd = 3  # peptalk: ignore[none-comparison]\n";
    const quiet = await runEngine({ files: [{ path: "a.py", content: source }], config: config() }, [noneComparison]);
    expect(quiet.findings).toEqual([]);
    const loud = await runEngine(
      { files: [{ path: "a.py", content: source }], config: config({ report_unused_suppressions: true }) },
      [noneComparison],
    );
    expect(loud.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "2:8 unused-suppression Suppression for `E711` silences nothing here",
      "4:8 unused-suppression Suppression for `none-comparison` silences nothing here",
    ]);
  });
});

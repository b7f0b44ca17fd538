import { describe, expect, it } from "@jest/globals";
import { globCacheSize, ruffExcludes, ruffGlobMatches } from "../../src/engine/outside/glob.js";
import { parseIni } from "../../src/engine/outside/ini.js";
import { readOutsideSettings } from "../../src/engine/outside/settings.js";

describe("Ruff glob semantics (globset, literal_separator off)", () => {
  it.each([
    ["tests/*", "tests/test_a.py", true],
    ["tests/*", "tests/unit/test_a.py", true], // `*` crosses `/` in Ruff, unlike a shell
    ["tests/**/*.py", "tests/test_a.py", true],
    ["tests/**/*.py", "tests/a/b/test_a.py", true],
    ["__init__.py", "pkg/sub/__init__.py", true], // no `/`: matched against the file name
    ["__init__.py", "pkg/sub/init.py", false],
    ["*.pyi", "pkg/stubs/x.pyi", true],
    ["scripts/*.py", "src/scripts/a.py", false],
    ["test_?.py", "test_a.py", true],
    ["{docs,examples}/*", "examples/demo.py", true],
    ["[!a]*.py", "b.py", true],
    ["[!a]*.py", "a.py", false],
    ["./tests/*", "tests/a.py", true],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(ruffGlobMatches(pattern, path)).toBe(expected);
  });

  it("excludes everything under an excluded directory", () => {
    expect(ruffExcludes("build", "build/lib/x.py")).toBe(true);
    expect(ruffExcludes("migrations", "app/migrations/0001.py")).toBe(true);
    expect(ruffExcludes("vendor/*", "vendor/pkg/mod.py")).toBe(true);
    expect(ruffExcludes("build", "rebuild/x.py")).toBe(false);
  });

  it("escapes regex metacharacters", () => {
    expect(ruffGlobMatches("a+b(c).py", "a+b(c).py")).toBe(true);
    expect(ruffGlobMatches("a.py", "aXpy")).toBe(false);
  });

  it("matches a pattern with many stars in linear time (no regex backtracking)", () => {
    // With a backtracking regex this takes minutes; the test would time out.
    expect(ruffGlobMatches("*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(40))).toBe(false);
    expect(ruffExcludes("*a*a*a*a*a*a*a*a*a*a*b", `${"a".repeat(40)}/${"a".repeat(4000)}`)).toBe(false);
    expect(ruffGlobMatches("*a*a*a*a*a*a*a*a*a*a*b", `${"a".repeat(40)}b`)).toBe(true);
  });

  it("never throws on a pattern it cannot read: an unclosed class matches literally", () => {
    expect(() => ruffExcludes("[", "src/a.py")).not.toThrow();
    expect(ruffExcludes("[", "src/a.py")).toBe(false);
    expect(ruffGlobMatches("[", "[")).toBe(true);
    expect(ruffGlobMatches("a[b", "x/a[b")).toBe(true);
    const s = readOutsideSettings({ "pyproject.toml": '[tool.ruff]\nextend-exclude = ["["]\n' });
    expect(s.isExcluded("src/a.py")).toBe(false);
  });

  it("treats globset's literal characters literally (no extglobs, negation or brace sequences)", () => {
    expect(ruffGlobMatches("+(a).py", "+(a).py")).toBe(true);
    expect(ruffGlobMatches("!x.py", "!x.py")).toBe(true);
    expect(ruffGlobMatches("{1..3}.py", "2.py")).toBe(false);
  });

  it("keeps a bounded number of compiled patterns, whatever the repository sends", () => {
    for (let i = 0; i < 2000; i++) ruffGlobMatches(`generated_${i}/*`, "src/a.py");
    expect(globCacheSize()).toBeLessThanOrEqual(256);
    expect(ruffGlobMatches("tests/*", "tests/a.py")).toBe(true);
  });
});

describe("configparser-style INI", () => {
  it("reads continuation lines, both separators and comments", () => {
    const doc = parseIni(
      "[flake8]\nmax_line_length: 100\nper-file-ignores =\n    tests/*: S101\n    __init__.py:F401  # re-exports\n; comment\n[other]\nx=1\n",
    );
    expect(doc.get("flake8")).toEqual(
      new Map([
        ["max-line-length", "100"],
        ["per-file-ignores", "\ntests/*: S101\n__init__.py:F401"],
      ]),
    );
    expect(doc.get("other")!.get("x")).toBe("1");
  });
});

describe("outside linter settings", () => {
  it("is neutral without any linter config", () => {
    const s = readOutsideSettings({});
    expect(s.honoured).toEqual([]);
    expect(s.isCodeEnabled("E711", "a.py")).toBe(true);
  });

  it("applies [tool.ruff.lint] ignore by code and prefix, and lists what it honoured", () => {
    const s = readOutsideSettings({ "pyproject.toml": '[tool.ruff.lint]\nignore = ["E711", "B0"]\n' });
    expect(s.isCodeEnabled("E711", "a.py")).toBe(false);
    expect(s.isCodeEnabled("B006", "a.py")).toBe(false);
    expect(s.isCodeEnabled("B904", "a.py")).toBe(true);
    expect(s.honoured).toEqual(["pyproject.toml [tool.ruff]: lint.ignore = E711, B0"]);
  });

  it("treats an explicit select as the team's rule set, the most specific selector winning", () => {
    const s = readOutsideSettings({
      "ruff.toml": '[lint]\nselect = ["E", "F", "B006"]\nignore = ["E7"]\nextend-select = ["E711"]\n',
    });
    expect(s.isCodeEnabled("B006", "a.py")).toBe(true);
    expect(s.isCodeEnabled("B008", "a.py")).toBe(false); // not selected
    expect(s.isCodeEnabled("E712", "a.py")).toBe(false); // E7 ignore is more specific than E
    expect(s.isCodeEnabled("E711", "a.py")).toBe(true); // E711 is more specific than E7
  });

  it("lets ignore win a tie with select, as Ruff does", () => {
    const s = readOutsideSettings({ "ruff.toml": 'select = ["E711"]\nignore = ["E711"]\n' });
    expect(s.isCodeEnabled("E711", "a.py")).toBe(false);
  });

  it("prefers .ruff.toml over ruff.toml over pyproject.toml", () => {
    const s = readOutsideSettings({
      ".ruff.toml": 'lint.ignore = ["E711"]\n',
      "ruff.toml": 'lint.ignore = ["E712"]\n',
      "pyproject.toml": '[tool.ruff.lint]\nignore = ["E713"]\n',
    });
    expect([s.isCodeEnabled("E711", "a.py"), s.isCodeEnabled("E712", "a.py"), s.isCodeEnabled("E713", "a.py")]).toEqual(
      [false, true, true],
    );
  });

  it("applies per-file-ignores with Ruff's glob semantics, including negation", () => {
    const s = readOutsideSettings({
      "pyproject.toml":
        '[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["S101", "PT009"]\n"__init__.py" = ["F403"]\n"!src/**" = ["T201"]\n',
    });
    expect(s.isCodeEnabled("PT009", "tests/unit/test_a.py")).toBe(false);
    expect(s.isCodeEnabled("PT009", "src/app.py")).toBe(true);
    expect(s.isCodeEnabled("F403", "pkg/__init__.py")).toBe(false);
    expect(s.isCodeEnabled("T201", "scripts/run.py")).toBe(false);
    expect(s.isCodeEnabled("T201", "src/app.py")).toBe(true);
  });

  it("honours exclude and extend-exclude", () => {
    const s = readOutsideSettings({
      "pyproject.toml": '[tool.ruff]\nextend-exclude = ["migrations", "legacy/*.py"]\n',
    });
    expect(s.isExcluded("app/migrations/0001_initial.py")).toBe(true);
    expect(s.isExcluded("legacy/old.py")).toBe(true);
    expect(s.isExcluded("app/models.py")).toBe(false);
  });

  it("reads flake8 settings from the first of setup.cfg, tox.ini, .flake8 with a [flake8] section", () => {
    const s = readOutsideSettings({
      "setup.cfg": "[metadata]\nname = x\n",
      "tox.ini": "[flake8]\nextend-ignore = E711,E712\nper-file-ignores =\n    tests/*:E713\n    scripts/*.py: E714\n",
      ".flake8": "[flake8]\nextend-ignore = B006\n",
    });
    expect(s.isCodeEnabled("E711", "a.py")).toBe(false);
    expect(s.isCodeEnabled("B006", "a.py")).toBe(true); // .flake8 is not read: tox.ini came first
    expect(s.isCodeEnabled("E713", "tests/t.py")).toBe(false);
    expect(s.isCodeEnabled("E714", "scripts/run.py")).toBe(false);
    expect(s.honoured).toEqual([
      "tox.ini [flake8]: extend-ignore = E711, E712",
      "tox.ini [flake8]: per-file-ignores (2 patterns)",
    ]);
  });
});

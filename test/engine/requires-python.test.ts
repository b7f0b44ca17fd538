import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allChecks } from "../../checks/index.js";
import { installedMetadata } from "../../src/cli/installed-metadata.js";
import { loadConfig } from "../../src/cli/config-loader.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { enabledChecks } from "../../src/engine/engine.js";
import {
  declaredRequiresPython,
  metadataRequiresPython,
  setupCfgPythonRequires,
  setupPyPythonRequires,
} from "../../src/engine/requires-python.js";

describe("where requires-python is declared", () => {
  it.each([
    ["[metadata]\nname = x\n[options]\npython_requires = >=3.7\n", ">=3.7"],
    ["[options]\npackages = find:\npython_requires=>=2.7, !=3.0.*\n", ">=2.7, !=3.0.*"],
    ["[metadata]\npython_requires = >=3.7\n", null],
    ["[options]\ninstall_requires = x\n", null],
  ])("setup.cfg %j", (text, expected) => {
    expect(setupCfgPythonRequires(text)).toBe(expected);
  });

  it.each([
    ["setup(\n    name='x',\n    python_requires='>=3.6',\n)\n", ">=3.6"],
    ['setup(name="x", python_requires=">=2.7, !=3.0.*")\n', ">=2.7, !=3.0.*"],
    ["setup(name='x', python_requires=PY_REQ)\n", null],
    ["setup(name='x', python_requires='>=' + MIN)\n", null],
  ])("setup.py literal only %j", (text, expected) => {
    expect(setupPyPythonRequires(text)).toBe(expected);
  });

  it.each([
    ["Metadata-Version: 2.1\nName: SQLAlchemy\nRequires-Python: >=2.7, !=3.0.*\n\nlong text\n", ">=2.7, !=3.0.*"],
    ["Metadata-Version: 2.1\nName: x\n\nRequires-Python: >=3.9 in the description\n", null],
  ])("core metadata %j", (text, expected) => {
    expect(metadataRequiresPython(text)).toBe(expected);
  });

  it("pyproject wins over setup.cfg, which wins over setup.py and metadata", () => {
    expect(
      declaredRequiresPython({
        pyproject: '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
        setupCfg: "[options]\npython_requires = >=3.7\n",
      }),
    ).toBe(">=3.10");
    expect(
      declaredRequiresPython({
        setupCfg: "[options]\npython_requires = >=3.7\n",
        setupPy: "python_requires='>=3.6',\n",
      }),
    ).toBe(">=3.7");
    expect(declaredRequiresPython({ metadata: "Name: x\nRequires-Python: >=3.8\n" })).toBe(">=3.8");
    expect(declaredRequiresPython({})).toBeNull();
  });
});

describe("an installed package's metadata", () => {
  const site = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "peptalk-site-"));
    mkdirSync(join(dir, "sqlalchemy"));
    writeFileSync(join(dir, "sqlalchemy", "__init__.py"), "");
    mkdirSync(join(dir, "SQLAlchemy-1.4.46.egg-info"));
    writeFileSync(join(dir, "SQLAlchemy-1.4.46.egg-info", "PKG-INFO"), "Name: SQLAlchemy\nRequires-Python: >=2.7\n");
    writeFileSync(join(dir, "SQLAlchemy-1.4.46.egg-info", "top_level.txt"), "sqlalchemy\n");
    mkdirSync(join(dir, "click-8.1.3.dist-info"));
    writeFileSync(join(dir, "click-8.1.3.dist-info", "METADATA"), "Name: click\nRequires-Python: >=3.7\n");
    mkdirSync(join(dir, "click"));
    writeFileSync(join(dir, "click", "__init__.py"), "");
    mkdirSync(join(dir, "unknownpkg"));
    writeFileSync(join(dir, "unknownpkg", "__init__.py"), "");
    return dir;
  };

  it("is found beside the package in site-packages, by top_level.txt or by name", () => {
    const dir = site();
    expect(installedMetadata(join(dir, "sqlalchemy"))).toMatch(/>=2.7/);
    expect(installedMetadata(join(dir, "click"))).toMatch(/>=3.7/);
    expect(installedMetadata(join(dir, "unknownpkg"))).toBeUndefined();
  });

  it("sets the CLI's target Python", () => {
    const dir = site();
    const loaded = loadConfig(join(dir, "sqlalchemy"));
    expect(loaded.config.python).toEqual([2, 7]);
    expect(loaded.config.pythonSource).toBe("requires-python");
    expect(loadConfig(join(dir, "unknownpkg")).config.pythonSource).toBe("default");
  });

  it("setup.cfg at the root sets it too", () => {
    const dir = mkdtempSync(join(tmpdir(), "peptalk-repo-"));
    writeFileSync(join(dir, "setup.cfg"), "[options]\npython_requires = >=3.11\n");
    expect(loadConfig(dir).config.python).toEqual([3, 11]);
  });
});

describe("rules whose advice depends on the Python version", () => {
  const ids = (requiresPython?: string): string[] =>
    enabledChecks(allChecks, { config: resolveConfig({}, { rules: allChecks, requiresPython }).config }).map(
      (c) => c.id,
    );
  const versionRules = ["yield-from", "syntax-newer-than-requires-python", "deprecated-get-event-loop"];

  it("stay quiet when no target is known, instead of assuming one", () => {
    const enabled = ids();
    for (const id of versionRules) expect(enabled).not.toContain(id);
    expect(enabled).toContain("none-comparison");
  });

  it("run when the project declares a target they apply to", () => {
    const enabled = ids(">=3.8");
    for (const id of versionRules) expect(enabled).toContain(id);
  });

  it("do not run below the version their advice needs", () => {
    const enabled = ids(">=2.7");
    expect(enabled).not.toContain("yield-from");
    expect(enabled).not.toContain("deprecated-get-event-loop");
    expect(enabled).toContain("syntax-newer-than-requires-python");
    expect(ids(">=3.6")).not.toContain("deprecated-get-event-loop");
  });

  it("a configured python counts as known", () => {
    const config = resolveConfig({ python: "3.9" }, { rules: allChecks }).config;
    expect(enabledChecks(allChecks, { config }).map((c) => c.id)).toContain("yield-from");
  });
});

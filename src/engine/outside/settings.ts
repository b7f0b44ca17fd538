// What the repository already tells its linters, applied to peptalk's coded checks:
// Ruff's `[tool.ruff]` / `ruff.toml` / `.ruff.toml` (select, extend-select, ignore,
// extend-ignore, per-file-ignores, exclude, extend-exclude) and flake8's `[flake8]` in
// `setup.cfg` / `tox.ini` / `.flake8` (ignore, extend-ignore, per-file-ignores, exclude).
import { parseTomlFile } from "../project.js";
import { isTable } from "../pyproject.js";
import { ruffExcludes, ruffGlobMatches } from "./glob.js";
import { parseIni } from "./ini.js";

export interface OutsideSettings {
  /** What was honoured, for the check-run summary, e.g. "ruff.toml: lint.ignore = E711". */
  honoured: string[];
  /** False when the repository's linter config turns `code` off for `path`. */
  isCodeEnabled(code: string, path: string): boolean;
  /** True when the repository's linter config excludes the file. */
  isExcluded(path: string): boolean;
  /** Ruff's `namespace-packages`: directories that are namespace packages on purpose (INP001). */
  namespacePackages: string[];
}

interface Selector {
  prefix: string;
  enable: boolean;
}

interface PerFileRule {
  pattern: string;
  negated: boolean;
  codes: string[];
}

const NONE: OutsideSettings = {
  honoured: [],
  isCodeEnabled: () => true,
  isExcluded: () => false,
  namespacePackages: [],
};

/** Ruff selectors: "ALL", a linter prefix or a code; a longer prefix is more specific. */
function specificity(prefix: string): number {
  return prefix === "ALL" ? 0 : prefix.length;
}

function selects(prefix: string, code: string): boolean {
  return prefix === "ALL" || code.startsWith(prefix);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function table(value: unknown): Record<string, unknown> | null {
  return isTable(value) ? value : null;
}

export function readOutsideSettings(files: Readonly<Record<string, string>>): OutsideSettings {
  const honoured: string[] = [];
  const selectors: Selector[] = [];
  let explicitSelect = false;
  const perFile: PerFileRule[] = [];
  const excludes: string[] = [];
  const namespacePackages: string[] = [];

  const ruff = findRuffConfig(files);
  if (ruff) {
    const namespaces = strings(ruff.data["namespace-packages"]);
    if (namespaces.length > 0) {
      namespacePackages.push(...namespaces);
      honoured.push(`${ruff.label}: namespace-packages = ${namespaces.join(", ")}`);
    }
    const lint = table(ruff.data["lint"]) ?? {};
    // `lint.*` wins over the deprecated top-level spelling of the same setting.
    const pick = (key: string): unknown => (key in lint ? lint[key] : ruff.data[key]);
    const label = (key: string): string => `${ruff.label}: ${key in lint ? "lint." : ""}${key}`;
    const select = strings(pick("select"));
    if (pick("select") !== undefined) {
      explicitSelect = true;
      selectors.push(...select.map((prefix) => ({ prefix, enable: true })));
      honoured.push(`${label("select")} = ${select.join(", ") || "(none)"}`);
    }
    for (const key of ["extend-select"]) {
      const list = strings(pick(key));
      if (list.length === 0) continue;
      selectors.push(...list.map((prefix) => ({ prefix, enable: true })));
      honoured.push(`${label(key)} = ${list.join(", ")}`);
    }
    for (const key of ["ignore", "extend-ignore"]) {
      const list = strings(pick(key));
      if (list.length === 0) continue;
      selectors.push(...list.map((prefix) => ({ prefix, enable: false })));
      honoured.push(`${label(key)} = ${list.join(", ")}`);
    }
    for (const key of ["per-file-ignores", "extend-per-file-ignores"]) {
      const map = table(pick(key));
      if (!map || Object.keys(map).length === 0) continue;
      for (const [pattern, codes] of Object.entries(map)) {
        const negated = pattern.startsWith("!");
        perFile.push({ pattern: negated ? pattern.slice(1) : pattern, negated, codes: strings(codes) });
      }
      honoured.push(`${label(key)} (${Object.keys(map).length} patterns)`);
    }
    for (const key of ["exclude", "extend-exclude"]) {
      const list = strings(ruff.data[key]);
      if (list.length === 0) continue;
      excludes.push(...list);
      honoured.push(`${ruff.label}: ${key} = ${list.join(", ")}`);
    }
  }

  const flake8 = findFlake8Config(files);
  if (flake8) {
    const { section, label } = flake8;
    for (const key of ["ignore", "extend-ignore"]) {
      const list = codeList(section.get(key));
      if (list.length === 0) continue;
      selectors.push(...list.map((prefix) => ({ prefix, enable: false })));
      honoured.push(`${label}: ${key} = ${list.join(", ")}`);
    }
    const pfi = section.get("per-file-ignores");
    if (pfi) {
      let count = 0;
      // Entries are `pattern:codes`, separated by newlines or whitespace.
      for (const entry of pfi.split(/\s+(?=[^\s:,]+:)/).flatMap((e) => e.split("\n"))) {
        const match = /^\s*([^:\s]+)\s*:\s*(.+)$/.exec(entry);
        if (!match) continue;
        perFile.push({ pattern: match[1]!, negated: false, codes: codeList(match[2]) });
        count++;
      }
      if (count > 0) honoured.push(`${label}: per-file-ignores (${count} patterns)`);
    }
    for (const key of ["exclude", "extend-exclude"]) {
      const list = (section.get(key) ?? "").split(/[\s,]+/).filter(Boolean);
      if (list.length === 0) continue;
      excludes.push(...list);
      honoured.push(`${label}: ${key} = ${list.join(", ")}`);
    }
  }

  if (honoured.length === 0) return NONE;
  const enabledCache = new Map<string, boolean>();
  const globallyEnabled = (code: string): boolean => {
    let result = enabledCache.get(code);
    if (result !== undefined) return result;
    // Without an explicit select, peptalk keeps its own rule set; only ignores apply.
    result = !explicitSelect;
    let best = -1;
    for (const s of selectors) {
      if (!selects(s.prefix, code)) continue;
      const spec = specificity(s.prefix);
      // The most specific selector decides; on a tie, ignore wins (as in Ruff).
      if (spec > best || (spec === best && !s.enable)) {
        best = spec;
        result = s.enable;
      }
    }
    enabledCache.set(code, result);
    return result;
  };
  return {
    honoured,
    namespacePackages,
    isCodeEnabled(code, path) {
      if (!globallyEnabled(code)) return false;
      for (const rule of perFile) {
        const matches = ruffGlobMatches(rule.pattern, path);
        if (matches !== rule.negated && rule.codes.some((prefix) => selects(prefix, code))) return false;
      }
      return true;
    },
    isExcluded: (path) => excludes.some((pattern) => ruffExcludes(pattern, path)),
  };
}

function codeList(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter((c) => /^[A-Z]+[0-9]*$/.test(c));
}

/** Ruff's precedence in one directory: `.ruff.toml`, then `ruff.toml`, then `pyproject.toml`'s [tool.ruff]. */
function findRuffConfig(
  files: Readonly<Record<string, string>>,
): { label: string; data: Record<string, unknown> } | null {
  for (const name of [".ruff.toml", "ruff.toml"]) {
    const text = files[name];
    if (text === undefined) continue;
    const parsed = parseTomlFile(name, text);
    if (parsed.data) return { label: name, data: parsed.data };
  }
  const pyproject = files["pyproject.toml"];
  if (pyproject !== undefined) {
    const ruff = table(table(parseTomlFile("pyproject.toml", pyproject).data?.["tool"])?.["ruff"]);
    if (ruff) return { label: "pyproject.toml [tool.ruff]", data: ruff };
  }
  return null;
}

/** flake8 reads the first of setup.cfg, tox.ini, .flake8 that has a [flake8] section. */
function findFlake8Config(
  files: Readonly<Record<string, string>>,
): { label: string; section: Map<string, string> } | null {
  for (const name of ["setup.cfg", "tox.ini", ".flake8"]) {
    const text = files[name];
    if (text === undefined) continue;
    const section = parseIni(text).get("flake8");
    if (section) return { label: `${name} [flake8]`, section };
  }
  return null;
}

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
  /**
   * The team asked its linter for `code`: an explicit Ruff `select`/`extend-select` (or, with a
   * Ruff config that names no `select`, Ruff's default selection, which that team's Ruff runs),
   * or flake8's `select`/`extend-select` (or its default E, F, W, C90 when a `[flake8]` section
   * names no `select`), and no ignore turns it off. Taste rules speak where this holds.
   */
  teamSelects(code: string): boolean;
  /** True when the repository's linter config excludes the file. */
  isExcluded(path: string): boolean;
  /** Ruff's `namespace-packages`: directories that are namespace packages on purpose (INP001). */
  namespacePackages: string[];
}

interface Selector {
  prefix: string;
  enable: boolean;
  /** Ruff matches by linter, then code; flake8 by plain prefix (`E` covers `EM101` there). */
  linter: "ruff" | "flake8";
}

interface PerFileRule {
  pattern: string;
  negated: boolean;
  selectors: Selector[];
}

const NONE: OutsideSettings = {
  honoured: [],
  isCodeEnabled: () => true,
  teamSelects: () => false,
  isExcluded: () => false,
  namespacePackages: [],
};

/**
 * Ruff's linters and their code prefixes (crates/ruff_linter/src/registry.rs, Ruff 0.17). A Ruff
 * selector names a linter, then a prefix of the code after it: `I` is isort and does not select
 * `INP001` (flake8-no-pep420), `S` does not select `SIM102`, `PL` selects PLC/PLE/PLR/PLW codes.
 */
const RUFF_LINTERS = [
  "A", "AIR", "ANN", "ARG", "ASYNC", "B", "BLE", "C4", "C90", "COM", "CPY", "D", "DJ", "DOC", "DTZ",
  "E", "EM", "ERA", "EXE", "F", "FA", "FAST", "FBT", "FIX", "FLY", "FURB", "G", "I", "ICN", "INP",
  "INT", "ISC", "LOG", "N", "NPY", "PD", "PERF", "PGH", "PIE", "PL", "PT", "PTH", "PYI", "Q", "RET",
  "RSE", "RUF", "S", "SIM", "SLF", "SLOT", "T10", "T20", "TC", "TD", "TID", "TRY", "UP", "W", "YTT",
]; // prettier-ignore
/** Linter prefixes Ruff renamed; old configs still use them (`TRIO` is accepted but selects nothing). */
const RUFF_LINTER_REDIRECTS: Record<string, string> = { TCH: "TC" };
/** Ruff's legacy linter groups: `C` is flake8-comprehensions and mccabe, `T` flake8-debugger and -print. */
const RUFF_LINTER_GROUPS: Record<string, readonly string[]> = { C: ["C4", "C90"], T: ["T10", "T20"] };
const BY_LENGTH = [...RUFF_LINTERS].sort((a, b) => b.length - a.length);

/** A Ruff code or selector split into its linter and the code after it: "PLC0414" → PL, "C0414". */
export function parseRuffCode(text: string): { linter: string; rest: string } | null {
  for (const [old, now] of Object.entries(RUFF_LINTER_REDIRECTS))
    if (text.startsWith(old)) return parseRuffCode(now + text.slice(old.length));
  for (const linter of BY_LENGTH) {
    if (!text.startsWith(linter)) continue;
    const rest = text.slice(linter.length);
    if (linter === "PL" ? /^(?:[CERW]\d*)?$/.test(rest) : /^\d*$/.test(rest)) return { linter, rest };
  }
  return null;
}

/** Whether a Ruff selector (`ALL`, a linter, a linter group, a code prefix, a code) selects `code`. */
export function ruffSelects(selector: string, code: string): boolean {
  if (selector === "ALL") return true;
  const target = parseRuffCode(code);
  if (!target) return false;
  const group = RUFF_LINTER_GROUPS[selector];
  if (group) return group.includes(target.linter);
  const parsed = parseRuffCode(selector);
  // An unknown selector selects nothing (Ruff refuses such a config).
  return parsed !== null && parsed.linter === target.linter && target.rest.startsWith(parsed.rest);
}

/** Ruff's specificity: ALL < a linter group < a linter < each further code character. */
function specificity(selector: Selector): number {
  if (selector.linter === "flake8") return selector.prefix.length;
  if (selector.prefix === "ALL") return 0;
  if (RUFF_LINTER_GROUPS[selector.prefix]) return 1;
  return 2 + (parseRuffCode(selector.prefix)?.rest.length ?? 0);
}

function selects(selector: Selector, code: string): boolean {
  return selector.linter === "ruff" ? ruffSelects(selector.prefix, code) : code.startsWith(selector.prefix);
}

/** Ruff's default selection when a config names no `select`. */
const RUFF_DEFAULT_SELECT = ["E4", "E7", "E9", "F"];
/** flake8's default `select`, and the codes pycodestyle leaves out by default (`extend-default-ignore`). */
const FLAKE8_DEFAULT_SELECT = ["E", "F", "W", "C90"];
const FLAKE8_DEFAULT_IGNORE = ["E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504"];

/** The most specific selector decides; on a tie, ignore wins (as in Ruff and flake8). */
function decide(selectors: readonly Selector[], code: string, fallback: boolean): boolean {
  let result = fallback;
  let best = -1;
  for (const s of selectors) {
    if (!selects(s, code)) continue;
    const spec = specificity(s);
    if (spec > best || (spec === best && !s.enable)) {
      best = spec;
      result = s.enable;
    }
  }
  return result;
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
  // What the team's own linter runs, for taste rules: selects (defaults included) and ignores.
  const ruffTeam: Selector[] = [];
  const flake8Team: Selector[] = [];

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
    const ruffSelector = (enable: boolean) => (prefix: string) => ({ prefix, enable, linter: "ruff" as const });
    const select = strings(pick("select"));
    if (pick("select") !== undefined) {
      explicitSelect = true;
      selectors.push(...select.map(ruffSelector(true)));
      honoured.push(`${label("select")} = ${select.join(", ") || "(none)"}`);
    } else {
      ruffTeam.push(...RUFF_DEFAULT_SELECT.map(ruffSelector(true)));
    }
    for (const key of ["extend-select"]) {
      const list = strings(pick(key));
      if (list.length === 0) continue;
      selectors.push(...list.map(ruffSelector(true)));
      honoured.push(`${label(key)} = ${list.join(", ")}`);
    }
    for (const key of ["ignore", "extend-ignore"]) {
      const list = strings(pick(key));
      if (list.length === 0) continue;
      selectors.push(...list.map(ruffSelector(false)));
      honoured.push(`${label(key)} = ${list.join(", ")}`);
    }
    ruffTeam.push(...selectors);
    for (const key of ["per-file-ignores", "extend-per-file-ignores"]) {
      const map = table(pick(key));
      if (!map || Object.keys(map).length === 0) continue;
      for (const [pattern, codes] of Object.entries(map)) {
        const negated = pattern.startsWith("!");
        perFile.push({
          pattern: negated ? pattern.slice(1) : pattern,
          negated,
          selectors: strings(codes).map(ruffSelector(false)),
        });
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
    const flake8Selector = (enable: boolean) => (prefix: string) => ({ prefix, enable, linter: "flake8" as const });
    const select = section.get("select");
    flake8Team.push(...(select === undefined ? FLAKE8_DEFAULT_SELECT : codeList(select)).map(flake8Selector(true)));
    flake8Team.push(...codeList(section.get("extend-select")).map(flake8Selector(true)));
    const ignore = section.get("ignore");
    if (ignore === undefined) flake8Team.push(...FLAKE8_DEFAULT_IGNORE.map(flake8Selector(false)));
    for (const key of ["ignore", "extend-ignore"]) {
      const list = codeList(section.get(key));
      if (list.length === 0) continue;
      selectors.push(...list.map(flake8Selector(false)));
      flake8Team.push(...list.map(flake8Selector(false)));
      honoured.push(`${label}: ${key} = ${list.join(", ")}`);
    }
    const pfi = section.get("per-file-ignores");
    if (pfi) {
      let count = 0;
      // Entries are `pattern:codes`, separated by newlines or whitespace.
      for (const entry of pfi.split(/\s+(?=[^\s:,]+:)/).flatMap((e) => e.split("\n"))) {
        const match = /^\s*([^:\s]+)\s*:\s*(.+)$/.exec(entry);
        if (!match) continue;
        perFile.push({ pattern: match[1]!, negated: false, selectors: codeList(match[2]).map(flake8Selector(false)) });
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

  const teamSelects = (code: string): boolean =>
    (ruff !== null && decide(ruffTeam, code, false) && decide(selectors, code, true)) ||
    (flake8 !== null && decide(flake8Team, code, false) && decide(selectors, code, true));
  if (honoured.length === 0) return { ...NONE, teamSelects };
  const enabledCache = new Map<string, boolean>();
  const globallyEnabled = (code: string): boolean => {
    let result = enabledCache.get(code);
    if (result !== undefined) return result;
    // Without an explicit select, peptalk keeps its own rule set; only ignores apply.
    result = decide(selectors, code, !explicitSelect);
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
        if (matches !== rule.negated && rule.selectors.some((s) => selects(s, code))) return false;
      }
      return true;
    },
    teamSelects,
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

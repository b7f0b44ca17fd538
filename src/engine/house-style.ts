// Taste rules speak only where the codebase has that taste (DESIGN.md, "Bug rules and taste
// rules"): the team asked for the rule, or the file's own unchanged code follows the convention
// (at least 90% of at least 5 comparable constructs) and the new code does not. A taste check
// reports the constructs that depart from its convention and calls `ctx.follows` on those that
// follow it; this module weighs the two per file and rule, after the checks ran.
import type { Check, FileCheck } from "./check.js";
import { parsePatch } from "../planner/diff-lines.js";
import { parseIni } from "./outside/ini.js";
import type { ProjectContext } from "./project.js";
import { isTable } from "./pyproject.js";
import type { HouseStyleFact } from "./types.js";

/** A convention holds when this share (in percent) of the comparable constructs follows it... */
export const HOLDS_PERCENT = 90;
/** ...and there are at least this many of them to judge by. */
export const MIN_CONSTRUCTS = 5;

export interface HouseStyleOptions {
  /** Taste rules the team asked for (config, `--select`, its Ruff/flake8 selection, strict typing): reported as bug rules are. */
  asked: readonly string[];
  /** Lines (1-based) the diff adds or changes in this file; null when unknown: the whole file is judged. */
  changedLines: readonly number[] | null;
  /**
   * Taste rules the project promises for this file (a `py.typed` marker, a strict type checker),
   * and why. A promise is not proof (nothing makes a `py.typed` package annotate every module,
   * and a strict checker has per-module overrides and excludes), so it decides only where the
   * file's own code is too little to judge by and none of it departs (from any rule promised);
   * otherwise that code decides.
   */
  promised?: { rules: readonly string[]; reason: string } | null;
}

/** One finding of a taste rule, with the construct it belongs to. */
export interface Departure {
  rule: string;
  /** The finding's line: a departure on a changed line is new code. */
  line: number;
  /** Start offset of the departing construct: findings sharing one count once. */
  construct: number;
}

/** A construct that follows its rule's convention. */
export interface Follow {
  rule: string;
  line: number;
}

/**
 * Keeps a taste rule's findings in a file only where the rule was asked for or the house style
 * holds, and says what was inferred. `findings` are those left after suppression comments;
 * `departures` every finding of a taste rule (a suppressed one still departs from the style).
 */
export function applyHouseStyle<F extends { rule: string; line: number }>(input: {
  path: string;
  checks: readonly FileCheck[];
  findings: F[];
  departures: readonly Departure[];
  follows: readonly Follow[];
  options: HouseStyleOptions;
  /** Lines of the file's `def`s (any, private and nested too): code a promise can be judged by. */
  definitionLines?: readonly number[];
}): { findings: F[]; facts: HouseStyleFact[] } {
  const { path, options } = input;
  const asked = new Set(options.asked);
  const gated = new Map(input.checks.filter((c) => c.type === "taste" && !asked.has(c.id)).map((c) => [c.id, c]));
  if (gated.size === 0) return { findings: input.findings, facts: [] };
  // Vendored code keeps its upstream's style, not the team's: nothing to infer, nothing to say.
  if (isVendored(path)) return { findings: input.findings.filter((f) => !gated.has(f.rule)), facts: [] };
  const changed = options.changedLines ? new Set(options.changedLines) : null;
  const promised = new Set(options.promised?.rules ?? []);
  const isNew = (line: number): boolean => changed === null || changed.has(line);
  // Judge by the code the change did not write: every construct when the diff is unknown.
  const judged = (line: number): boolean => changed === null || !changed.has(line);
  // A promise (`py.typed`) covers all its rules at once: one departure of any of them in the
  // judged code contradicts it; with no evidence either way, only code without any `def` (a new
  // module) is too little to go against it. Functions the rules do not count (private ones,
  // `__init__`) say nothing of which way they went, so such a file stays unjudged, and silent.
  const promiseStands =
    promised.size > 0 &&
    !input.departures.some((d) => promised.has(d.rule) && judged(d.line)) &&
    (input.follows.some((f) => promised.has(f.rule) && judged(f.line)) || !(input.definitionLines ?? []).some(judged));

  const facts: HouseStyleFact[] = [];
  const keep = new Set<string>();
  for (const [rule, check] of gated) {
    // Without a diff every line counts as new; a rule about existing names cannot tell them apart.
    if (changed === null && check.houseStyle?.newCodeOnly) continue;
    const candidates = input.findings.filter((f) => f.rule === rule && isNew(f.line));
    if (candidates.length === 0) continue;
    const follows = input.follows.filter((f) => f.rule === rule && judged(f.line)).length;
    const departing = new Set(
      input.departures.filter((d) => d.rule === rule && judged(d.line)).map((d) => d.construct),
    );
    const total = follows + departing.size;
    // In integers: 0.9 * 30 is 27.000000000000004 in floating point.
    const inferred = total >= MIN_CONSTRUCTS && follows * 100 >= HOLDS_PERCENT * total;
    // A promise stands in for evidence that is too little, never against evidence that departs.
    const byPromise = !inferred && total < MIN_CONSTRUCTS && promiseStands && promised.has(rule);
    const holds = inferred || byPromise;
    if (holds) keep.add(rule);
    if (check.houseStyle) {
      facts.push({
        path,
        rule,
        follows,
        total,
        scope: changed === null ? "file" : "unchanged-code",
        holds,
        reported: holds ? candidates.length : 0,
        silenced: holds ? 0 : candidates.length,
        text:
          `${follows} of ${total} ${check.houseStyle.counted}` +
          (byPromise ? ` (too few to judge by; ${options.promised!.reason})` : ""),
      });
    }
  }
  const findings = input.findings.filter((f) => !gated.has(f.rule) || (keep.has(f.rule) && isNew(f.line)));
  return { findings, facts };
}

/** A directory of third-party code copied into the repository (`pip/_vendor/`, `third_party/`). */
const VENDORED_DIRECTORY = /^(?:_?vendor(?:ed)?|third[-_]?party)$/i;

/** The file lives in vendored code: its style is its upstream's, so taste rules infer none. */
export function isVendored(path: string): boolean {
  return path
    .split("/")
    .slice(0, -1)
    .some((dir) => VENDORED_DIRECTORY.test(dir));
}

/** The taste rules a team asked for, whatever the file: by config, by `--select`, or through its linters. */
export function askedTasteRules(
  checks: readonly Check[],
  asked: {
    explicitRules: readonly string[];
    selected: (check: Check) => boolean;
    teamSelects: (code: string) => boolean;
  },
): string[] {
  const explicit = new Set(asked.explicitRules);
  return checks
    .filter((c) => c.type === "taste")
    .filter((c) => explicit.has(c.id) || asked.selected(c) || c.codes.some(asked.teamSelects))
    .map((c) => c.id);
}

/** Project files whose type-checker settings can make annotations the house style. */
export const TYPING_CONFIG_FILES = ["pyproject.toml", "mypy.ini", ".mypy.ini", "setup.cfg", "pyrightconfig.json"];

/**
 * Why annotations are the house style for a file regardless of its own code, or null: a
 * `py.typed` marker in its package (PEP 561: the package promises its types), or a strict
 * mypy (`strict`, `disallow_untyped_defs`) or pyright (`typeCheckingMode = "strict"`) setting.
 */
export function strictTypingReason(project: ProjectContext | null, path: string): string | null {
  if (!project) return null;
  const parts = path.split("/").slice(0, -1);
  // Down to the root: checking a package's own directory makes it the root.
  for (let i = parts.length; i >= 0; i--) {
    const marker = [...parts.slice(0, i), "py.typed"].join("/");
    if (project.hasPath(marker)) return `${marker} marks the package as typed`;
  }
  return strictTypeCheckerSetting(project);
}

const settingCache = new WeakMap<ProjectContext, string | null>();

function strictTypeCheckerSetting(project: ProjectContext): string | null {
  const cached = settingCache.get(project);
  if (cached !== undefined) return cached;
  const found = readStrictSetting(project);
  settingCache.set(project, found);
  return found;
}

const TRUE = /^(?:true|1|yes|on)$/i;

function readStrictSetting(project: ProjectContext): string | null {
  const tool = project.pyproject?.data?.["tool"];
  if (isTable(tool)) {
    const mypy = tool["mypy"];
    if (isTable(mypy)) {
      for (const key of ["strict", "disallow_untyped_defs"])
        if (mypy[key] === true) return `pyproject.toml [tool.mypy] ${key} = true`;
    }
    const pyright = tool["pyright"];
    if (isTable(pyright) && pyright["typeCheckingMode"] === "strict")
      return 'pyproject.toml [tool.pyright] typeCheckingMode = "strict"';
  }
  for (const name of ["mypy.ini", ".mypy.ini", "setup.cfg"]) {
    const text = project.read(name);
    const section = text === undefined ? undefined : parseIni(text).get("mypy");
    if (!section) continue;
    // parseIni spells keys with dashes, as flake8 reads them.
    for (const key of ["strict", "disallow-untyped-defs"]) {
      const value = section.get(key);
      if (value !== undefined && TRUE.test(value.trim()))
        return `${name} [mypy] ${key.replace(/-/g, "_")} = ${value.trim()}`;
    }
  }
  const pyright = project.read("pyrightconfig.json");
  if (pyright !== undefined) {
    try {
      // pyright reads JSON with comments.
      const data = JSON.parse(pyright.replace(/^\s*\/\/.*$/gm, "")) as unknown;
      if (isTable(data) && data["typeCheckingMode"] === "strict")
        return 'pyrightconfig.json typeCheckingMode = "strict"';
    } catch {
      // Not JSON peptalk can read: no setting to honour.
    }
  }
  return null;
}

/** The lines each changed file's patch adds: what `EngineInput.changedLines` wants. */
export function addedLinesByPath(
  files: readonly { path: string; status?: string; patch?: string }[],
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  // A file without a patch (binary, too large) is judged whole.
  for (const f of files)
    if (f.patch !== undefined && f.status !== "removed") out[f.path] = [...parsePatch(f.patch).added];
  return out;
}

// Config resolution: raw YAML/TOML data → validated, defaulted ResolvedConfig plus
// path-tagged errors. It never throws: a broken config is reported, not fatal.
import { z } from "zod";
import { CATEGORIES, type Category, type PythonVersion, type Severity } from "../types.js";
import { DEFAULT_PYTHON, lowestAllowedPython, parsePythonVersion } from "../version.js";
import { configSchema, type PeptalkConfig } from "./schema.js";
import { didYouMean } from "./suggest.js";

export interface ConfigError {
  /** Dotted path of the offending key, e.g. "review.max_comments"; "" for the whole file. */
  path: string;
  message: string;
}

export interface RuleDefaults {
  id: string;
  codes: readonly string[];
  category: Category;
  severity: Severity | "off";
}

export interface ResolvedConfig {
  python: PythonVersion;
  pythonSource: "config" | "requires-python" | "default";
  include: string[];
  exclude: string[];
  tests: string[];
  namespacePackages: string[];
  maxFileSize: number;
  respectRuffConfig: boolean;
  reportUnusedSuppressions: boolean;
  /** The effective severity of every known rule. */
  severities: Record<string, Severity | "off">;
  /**
   * Rules the config turns on by name or by category (not `off`): for a taste rule, the team
   * asked for it, so it speaks everywhere rather than only where the house style shows it.
   */
  explicitRules: string[];
  review: PeptalkConfig["review"];
  check: PeptalkConfig["check"];
}

export interface ResolveOptions {
  rules: readonly RuleDefaults[];
  /** `[project].requires-python`, used when the config names no `python`. */
  requiresPython?: string | null;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function schemaKeys(path: readonly PropertyKey[]): string[] {
  let shape: z.ZodType = configSchema;
  for (const key of path) {
    const inner = unwrap(shape);
    if (!(inner instanceof z.ZodObject)) return [];
    const next = (inner.shape as Record<string, z.ZodType>)[String(key)];
    if (!next) return [];
    shape = next;
  }
  const inner = unwrap(shape);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape as object) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let cur: z.ZodType = schema;
  for (;;) {
    const def = (cur as unknown as { def: { innerType?: z.ZodType; type: string } }).def;
    if (def.innerType && ["default", "prefault", "optional", "nullable"].includes(def.type)) cur = def.innerType;
    else return cur;
  }
}

export function defaultSeverities(rules: readonly RuleDefaults[]): Record<string, Severity | "off"> {
  return Object.fromEntries(rules.map((r) => [r.id, r.severity]));
}

export function resolveConfig(
  raw: unknown,
  options: ResolveOptions,
): { config: ResolvedConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const input = raw === null || raw === undefined ? {} : raw;
  if (typeof input !== "object" || Array.isArray(input)) {
    errors.push({ path: "", message: "The config must be a mapping of keys to values." });
  }
  const parsed = configSchema.safeParse(typeof input === "object" && !Array.isArray(input) ? input : {});
  let data: PeptalkConfig;
  if (parsed.success) {
    data = parsed.data;
  } else {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        const valid = schemaKeys(issue.path);
        for (const key of issue.keys) {
          const path = formatPath([...issue.path, key]);
          errors.push({ path, message: `Unknown key "${key}".${didYouMean(key, valid)}` });
        }
      } else {
        errors.push({ path: formatPath(issue.path), message: issue.message });
      }
    }
    // Keep every valid part: drop only the offending keys and parse again.
    data =
      configSchema.safeParse(stripInvalid(input, parsed.error.issues, false)).data ??
      configSchema.safeParse(stripInvalid(input, parsed.error.issues, true)).data ??
      configSchema.parse({});
  }

  const ruleIds = new Set(options.rules.map((r) => r.id));
  const categories = new Set<string>(CATEGORIES);
  const byCode = new Map<string, string>();
  for (const r of options.rules) for (const code of r.codes) byCode.set(code, r.id);

  const severities = defaultSeverities(options.rules);
  const explicit = new Set<string>();
  // Categories first, then rule ids, so a rule id always wins over its category.
  for (const [key, value] of Object.entries(data.rules)) {
    if (categories.has(key)) {
      for (const r of options.rules) {
        if (r.category !== key) continue;
        severities[r.id] = value;
        explicit.add(r.id);
      }
    } else if (!ruleIds.has(key)) {
      const code = byCode.get(key.toUpperCase());
      const hint = code
        ? ` "${key}" is the code of "${code}": use the rule id.`
        : didYouMean(key, [...ruleIds, ...categories]);
      errors.push({ path: `rules.${key}`, message: `Unknown rule or category "${key}".${hint}` });
    }
  }
  for (const [key, value] of Object.entries(data.rules)) {
    if (!ruleIds.has(key)) continue;
    severities[key] = value;
    explicit.add(key);
  }

  let python = DEFAULT_PYTHON;
  let pythonSource: ResolvedConfig["pythonSource"] = "default";
  if (data.python !== undefined) {
    const text = String(data.python);
    const version = typeof data.python === "string" ? parsePythonVersion(text) : null;
    if (!version) {
      const hint =
        typeof data.python === "number"
          ? ` Quote it: YAML reads 3.10 as the number 3.1, so write python: "${text}".`
          : "";
      errors.push({ path: "python", message: `"${text}" is not a Python version like "3.10".${hint}` });
    } else {
      python = version;
      pythonSource = "config";
    }
  }
  if (pythonSource === "default" && options.requiresPython) {
    const lowest = lowestAllowedPython(options.requiresPython);
    if (lowest) {
      python = lowest;
      pythonSource = "requires-python";
    }
  }

  return {
    config: {
      python,
      pythonSource,
      include: data.include,
      exclude: data.exclude,
      tests: data.tests,
      namespacePackages: data.namespace_packages,
      maxFileSize: data.max_file_size,
      respectRuffConfig: data.respect_ruff_config,
      reportUnusedSuppressions: data.report_unused_suppressions,
      severities,
      explicitRules: [...explicit].filter((id) => severities[id] !== "off"),
      review: data.review,
      check: data.check,
    },
    errors,
  };
}

/** Drop what failed validation: the exact keys, or with `wholeKeys` their top-level key. */
function stripInvalid(input: unknown, issues: readonly z.core.$ZodIssue[], wholeKeys: boolean): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  if (typeof copy !== "object" || copy === null || Array.isArray(copy)) return {};
  for (const issue of issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) deletePath(copy, wholeKeys ? path.slice(0, 1) : path);
  }
  return copy;
}

function deletePath(target: Record<string, unknown>, path: readonly PropertyKey[]): void {
  if (path.length === 0) return;
  let cur: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof cur !== "object" || cur === null) return;
    cur = (cur as Record<string, unknown>)[String(key)];
  }
  if (typeof cur === "object" && cur !== null) delete (cur as Record<string, unknown>)[String(path[path.length - 1])];
}

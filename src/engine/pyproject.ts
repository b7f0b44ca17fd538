// Reading Python packaging metadata: dependency lists of pyproject.toml (PEP 621, PEP 735
// groups, Poetry, uv, PDM), Pipfile and requirements files, PEP 503 names, and where a key
// or value sits in the TOML text so findings can point at the line that caused them.
import {
  parsePipRequirementsLine,
  type ProjectNameRequirement,
  type ProjectURLRequirement,
  type Requirement,
} from "pip-requirements-js";
import { parseTomlFile } from "./project.js";

type PackageRequirement = ProjectNameRequirement | ProjectURLRequirement;

export type TomlTable = Record<string, unknown>;

export function isTable(value: unknown): value is TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The sub-table at a dotted path, or null. */
export function tableAt(root: TomlTable | null | undefined, path: readonly string[]): TomlTable | null {
  let node: unknown = root;
  for (const key of path) {
    if (!isTable(node)) return null;
    node = node[key];
  }
  return isTable(node) ? node : null;
}

/** PEP 503 normalised distribution name: `Foo_Bar.baz` → `foo-bar-baz`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** PEP 508 project names: letters, digits, `._-`, starting and ending alphanumeric. */
export const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

/** A pip requirements line parsed, or null when pip would reject it. */
/** pip-only lines (-r, -c, options) are not PEP 508 requirements. */
function asPackageRequirement(parsed: Requirement | null): PackageRequirement | null {
  return parsed && (parsed.type === "ProjectName" || parsed.type === "ProjectURL") ? parsed : null;
}

/** A PEP 508 requirement string parsed, or null when it is not valid PEP 508. */
export function parseRequirement(text: string): PackageRequirement | null {
  return asPackageRequirement(parseRequirementsLine(text.trim()));
}

/** One declared dependency: its normalised name and a canonical form that ignores formatting. */
export interface Dependency {
  name: string;
  canonical: string;
  /** The text as written (a PEP 508 string or a Poetry `name = spec` pair). */
  raw: string;
}

/**
 * The dependency a requirement string declares, from its parse. An unparsable string still
 * counts (by its text): a change to it is a change.
 */
function toDependency(raw: string, parsed: Requirement | null): Dependency {
  const requirement = asPackageRequirement(parsed);
  if (!requirement) return { name: normalizeName(raw), canonical: raw.trim(), raw };
  const name = normalizeName(requirement.name);
  const extras = [...(requirement.extras ?? [])].map(normalizeName).sort();
  const spec =
    requirement.type === "ProjectURL"
      ? `@${requirement.url}`
      : (requirement.versionSpec ?? [])
          .map((s) => `${s.operator}${s.version}`)
          .sort()
          .join(",");
  const marker = requirement.environmentMarkerTree ? JSON.stringify(requirement.environmentMarkerTree) : "";
  return { name, canonical: `${name}[${extras.join(",")}]${spec};${marker}`, raw };
}

/** Sort keys so that `{a=1, b=2}` and `{b=2, a=1}` compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isTable(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function fromStringList(list: unknown): Dependency[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) =>
    typeof item === "string" ? [toDependency(item, parseRequirementsLine(item.trim()))] : [],
  );
}

/** Poetry / Pipfile style: `name = "spec"` or `name = { version = ..., extras = [...] }`. */
function fromNameTable(table: TomlTable | null, skip: ReadonlySet<string> = new Set()): Dependency[] {
  if (!table) return [];
  return Object.entries(table)
    .filter(([name]) => !skip.has(normalizeName(name)))
    .map(([name, spec]) => ({
      name: normalizeName(name),
      canonical: `${normalizeName(name)}=${stableJson(spec)}`,
      raw: name,
    }));
}

/** Where a list of dependencies came from, to point a finding at it. */
export interface DependencySource {
  /** Dotted table path in the TOML document, e.g. ["project"] or ["tool", "poetry", "dependencies"]. */
  table: string[];
  /** The key holding the list, for PEP 621 style lists; absent for Poetry-style name tables. */
  key?: string;
  dependencies: Dependency[];
}

/** `[project].dependencies` and every `[project.optional-dependencies]` list. */
export function pep621Sources(doc: TomlTable | null): DependencySource[] {
  const project = tableAt(doc, ["project"]);
  if (!project) return [];
  const sources: DependencySource[] = [
    { table: ["project"], key: "dependencies", dependencies: fromStringList(project["dependencies"]) },
  ];
  const optional = tableAt(project, ["optional-dependencies"]);
  for (const [extra, list] of Object.entries(optional ?? {}))
    sources.push({ table: ["project", "optional-dependencies"], key: extra, dependencies: fromStringList(list) });
  return sources;
}

/** PEP 735 `[dependency-groups]` (entries may include `{include-group = ...}` tables, skipped). */
export function dependencyGroupSources(doc: TomlTable | null): DependencySource[] {
  const groups = tableAt(doc, ["dependency-groups"]);
  return Object.entries(groups ?? {}).map(([group, list]) => ({
    table: ["dependency-groups"],
    key: group,
    dependencies: fromStringList(list),
  }));
}

/** Poetry's main dependencies (without `python`), legacy dev-dependencies and groups. */
export function poetrySources(doc: TomlTable | null): DependencySource[] {
  const poetry = tableAt(doc, ["tool", "poetry"]);
  if (!poetry) return [];
  const skipPython = new Set(["python"]);
  const sources: DependencySource[] = [];
  for (const key of ["dependencies", "dev-dependencies"]) {
    const table = tableAt(poetry, [key]);
    if (table) sources.push({ table: ["tool", "poetry", key], dependencies: fromNameTable(table, skipPython) });
  }
  for (const [group, value] of Object.entries(tableAt(poetry, ["group"]) ?? {})) {
    const table = tableAt(value as TomlTable, ["dependencies"]);
    if (table)
      sources.push({
        table: ["tool", "poetry", "group", group, "dependencies"],
        dependencies: fromNameTable(table, skipPython),
      });
  }
  return sources;
}

/** uv's and PDM's own dev-dependency lists. */
export function toolDevSources(doc: TomlTable | null): DependencySource[] {
  const sources: DependencySource[] = [];
  const uv = tableAt(doc, ["tool", "uv"]);
  if (uv && Array.isArray(uv["dev-dependencies"]))
    sources.push({
      table: ["tool", "uv"],
      key: "dev-dependencies",
      dependencies: fromStringList(uv["dev-dependencies"]),
    });
  for (const [group, list] of Object.entries(tableAt(doc, ["tool", "pdm", "dev-dependencies"]) ?? {}))
    sources.push({ table: ["tool", "pdm", "dev-dependencies"], key: group, dependencies: fromStringList(list) });
  return sources;
}

/** Pipfile's `[packages]` and `[dev-packages]` (plus the required Python). */
export function pipfileSources(text: string): DependencySource[] | null {
  const doc = parseTomlFile("Pipfile", text).data;
  if (!doc) return null;
  const sources: DependencySource[] = [];
  for (const key of ["packages", "dev-packages"]) {
    const table = tableAt(doc, [key]);
    if (table) sources.push({ table: [key], dependencies: fromNameTable(table) });
  }
  const requires = tableAt(doc, ["requires"]);
  if (requires) sources.push({ table: ["requires"], dependencies: fromNameTable(requires) });
  return sources;
}

function parseRequirementsLine(content: string): Requirement | null {
  try {
    return parsePipRequirementsLine(content);
  } catch {
    return null;
  }
}

/** A requirements file's requirement lines (options, `-r` and comments are not dependencies). */
export interface RequirementLine {
  line: number;
  text: string;
  requirement: Requirement | null;
}

export function requirementLines(text: string): RequirementLine[] {
  const result: RequirementLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    // pip strips ` #` comments; a `#` inside a URL fragment has no space before it.
    const content = (lines[i] ?? "").replace(/(^|\s)#.*$/, "").trim();
    if (!content || content.startsWith("-")) continue;
    result.push({ line: i + 1, text: content, requirement: parseRequirementsLine(content) });
  }
  return result;
}

/** The dependencies of a requirements file (a `.in` of pip-tools). */
export function requirementsDependencies(text: string): Dependency[] {
  return requirementLines(text).map((r) => toDependency(r.text, r.requirement));
}

// --- Locating keys and values in TOML text -------------------------------------------

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;

function headerPath(raw: string): string[] {
  // Split a dotted header, honouring quoted parts: [project.entry-points."foo.bar"].
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null && m[0] !== "") parts.push(m[1] ?? m[2] ?? m[3] ?? "");
  return parts;
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The 1-based line of a table's `[header]`, or null. */
export function tableHeaderLine(text: string, table: readonly string[]): number | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? "");
    if (m && same(headerPath(m[1] ?? ""), table)) return i + 1;
  }
  return null;
}

/** Lines [start, end) of a table's body (after its header up to the next header). */
function tableBody(lines: readonly string[], table: readonly string[]): [number, number] | null {
  // The root table ([]) runs from the top to the first header.
  let start = table.length === 0 ? 0 : -1;
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? "");
    if (!m) continue;
    if (start >= 0) return [start, i];
    if (same(headerPath(m[1] ?? ""), table)) start = i + 1;
  }
  return start >= 0 ? [start, lines.length] : null;
}

function keyPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*(?:${escaped}|"${escaped}"|'${escaped}')\\s*=`);
}

/**
 * The 1-based line of `key = ...` in a table, also written as a dotted key in the parent
 * table (`project.name = ...` at top level is rare and not followed). Null when not found.
 */
export function keyLine(text: string, table: readonly string[], key: string): number | null {
  const lines = text.split(/\r?\n/);
  const body = tableBody(lines, table);
  if (!body) return null;
  const pattern = keyPattern(key);
  for (let i = body[0]; i < body[1]; i++) if (pattern.test(lines[i] ?? "")) return i + 1;
  return null;
}

/**
 * The line of a string value inside a key's array (`dependencies = [ "a", "b" ]`), found by
 * its quoted text within the table body from the key's line on. Falls back to the key's line.
 */
export function valueLine(
  text: string,
  table: readonly string[],
  key: string | undefined,
  value: string,
): number | null {
  const lines = text.split(/\r?\n/);
  const body = tableBody(lines, table);
  if (!body) return null;
  let from = body[0];
  if (key !== undefined) {
    const line = keyLine(text, table, key);
    if (line === null) return null;
    from = line - 1;
  }
  const quoted = [JSON.stringify(value), `'${value}'`];
  for (let i = from; i < body[1]; i++) if (quoted.some((q) => (lines[i] ?? "").includes(q))) return i + 1;
  return key !== undefined ? from + 1 : null;
}

// --- Entry points ------------------------------------------------------------------------

/** One `name = "module:attr"` entry and the TOML table it sits in. */
export interface EntryPoint {
  table: string[];
  name: string;
  module: string;
  /** Empty when the entry names only a module (allowed for entry points). */
  attr: string[];
}

/** Every script, GUI script, entry point and Poetry script the pyproject declares. */
export function entryPoints(doc: TomlTable | null): EntryPoint[] {
  const tables: string[][] = [
    ["project", "scripts"],
    ["project", "gui-scripts"],
    ["tool", "poetry", "scripts"],
  ];
  for (const group of Object.keys(tableAt(doc, ["project", "entry-points"]) ?? {}))
    tables.push(["project", "entry-points", group]);
  const found: EntryPoint[] = [];
  for (const table of tables) {
    for (const [name, value] of Object.entries(tableAt(doc, table) ?? {})) {
      const reference = typeof value === "string" ? value : isTable(value) ? value["reference"] : undefined;
      if (typeof reference !== "string") continue;
      // `module:attr.sub [extra]`: extras are not part of the object reference.
      const match = /^\s*([\w.]+)\s*(?::\s*([\w.]+))?\s*(\[.*\])?\s*$/.exec(reference);
      if (!match) continue;
      found.push({ table, name, module: match[1]!, attr: match[2] ? match[2].split(".") : [] });
    }
  }
  return found;
}

/** Directories a top-level package may live in: the root, `src/`, and setuptools' `package-dir`. */
export function sourceRoots(doc: TomlTable | null): string[] {
  const roots = ["", "src/"];
  const packageDir = tableAt(doc, ["tool", "setuptools", "package-dir"]);
  const rootDir = packageDir?.[""];
  if (typeof rootDir === "string" && rootDir) roots.push(`${rootDir.replace(/\/+$/, "")}/`);
  return roots;
}

/** The files that would hold a dotted module under a source root: `a/b.py`, `a/b/__init__.py`. */
export function moduleFileCandidates(root: string, module: string): string[] {
  const rel = module.replace(/\./g, "/");
  return [`${root}${rel}.py`, `${root}${rel}/__init__.py`];
}

/**
 * The repository files entry points may resolve to (`acme.cli` → `src/acme/cli.py`), so a
 * front door can read them for entry-point-not-found.
 */
export function entryPointFiles(pyprojectText: string | undefined, paths: readonly string[]): string[] {
  if (!pyprojectText) return [];
  const doc = parseTomlFile("pyproject.toml", pyprojectText).data;
  const present = new Set(paths);
  const files = new Set<string>();
  for (const entry of entryPoints(doc))
    for (const root of sourceRoots(doc))
      for (const candidate of moduleFileCandidates(root, entry.module))
        if (present.has(candidate)) files.add(candidate);
  return [...files];
}

// The repository index: every Python module of one commit, its definitions, imports and call
// sites, with names resolved across modules. Pure: front doors hand in paths, blob SHAs and
// (for blobs the cache does not hold) texts.
import { releaseTreesPeriodically } from "../memory.js";
import { BlobIndexCache, sharedBlobCache } from "./cache.js";
import { extractFileIndex } from "./extract.js";
import type {
  ApiInput,
  Binding,
  ClassDef,
  FileIndex,
  FunctionDef,
  ModuleEntry,
  ModuleSource,
  RepoIndex,
} from "./types.js";

export type * from "./types.js";
export { BlobIndexCache, sharedBlobCache, DEFAULT_CACHE_BYTES } from "./cache.js";

export interface IndexFile {
  path: string;
  /** The git blob SHA (any content hash works: it keys the cache). */
  sha: string;
  /** The text, needed only when the cache does not hold `sha`. */
  text?: string;
}

export interface IndexOptions {
  /** Directories that are namespace packages on purpose (repo-relative). */
  namespacePackages?: readonly string[];
  cache?: BlobIndexCache;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What an unreadable file contributes: nothing can be judged about its names. */
const UNKNOWN: FileIndex = {
  bindings: Object.create(null) as FileIndex["bindings"],
  all: null,
  imports: [],
  calls: [],
  dynamic: true,
  dynamicRefs: [],
  syntaxError: true,
  bytes: 0,
};

/**
 * `src/pkg/mod.py` → "pkg.mod"; `pkg/__init__.py` → "pkg"; `pkg/mod.pyi` and
 * `pkg-stubs/mod.pyi` → "pkg.mod" (stubs); null for paths that are no module.
 */
export function moduleNameOf(
  path: string,
): { module: string; isPackage: boolean; dir: string; source: ModuleSource } | null {
  const stub = path.endsWith(".pyi");
  if (!stub && !path.endsWith(".py")) return null;
  const rel = path.startsWith("src/") ? path.slice(4) : path;
  const parts = rel.slice(0, stub ? -4 : -3).split("/");
  // A stub-only package is named after the package it describes, plus "-stubs".
  const stubPackage = stub && parts.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*-stubs$/.test(parts[0]!);
  if (stubPackage) parts[0] = parts[0]!.slice(0, -"-stubs".length);
  const isPackage = parts[parts.length - 1] === "__init__";
  if (isPackage) parts.pop();
  if (parts.length === 0 || !parts.every((p) => IDENTIFIER.test(p))) return null;
  const source: ModuleSource = stubPackage ? "stub-package" : stub ? "stub" : "source";
  return { module: parts.join("."), isPackage, dir: path.startsWith("src/") ? "src/" : "", source };
}

/** Test modules are never public API. */
export function isTestModule(path: string): boolean {
  return /(^|\/)(tests?|testing)\//.test(path) || /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.pyi?$/.test(path);
}

/** A file the repository index reads: Python source or a stub. */
export const isModulePath = (path: string): boolean => path.endsWith(".py") || path.endsWith(".pyi");

/** Read one blob through the cache. */
export function fileIndexFor(file: IndexFile, cache: BlobIndexCache = sharedBlobCache): FileIndex {
  const cached = cache.get(file.sha);
  if (cached) return cached;
  if (file.text === undefined) return UNKNOWN;
  const index = extractFileIndex(file.text);
  cache.parsed++;
  cache.set(file.sha, index);
  return index;
}

/** Which of two files describing one module a view keeps: stubs first (when wanted), then `src/`. */
function outranks(a: ModuleEntry, b: ModuleEntry): boolean {
  const rank = { "stub-package": 2, stub: 1, source: 0 };
  if (rank[a.source] !== rank[b.source]) return rank[a.source] > rank[b.source];
  // Two files for one module (`a.py` and `src/a.py`): the `src/` one is what gets installed.
  return a.path.startsWith("src/") && !b.path.startsWith("src/");
}

/**
 * The runtime index (`.py` files: what imports and calls bind to) and, beside it, each module's
 * stub (`.pyi`: a `-stubs` package's over one beside the module).
 */
export function buildRepoIndex(files: readonly IndexFile[], options: IndexOptions = {}): RepoIndex {
  const cache = options.cache ?? sharedBlobCache;
  const present = new Set(files.map((f) => f.path));
  const namespaces = new Set((options.namespacePackages ?? []).map((d) => d.replace(/^\.\//, "").replace(/\/+$/, "")));
  const modules = new Map<string, ModuleEntry>();
  const stubs = new Map<string, ModuleEntry>();
  const byPath = new Map<string, ModuleEntry>();
  const stubsByPath = new Map<string, ModuleEntry>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const name = moduleNameOf(file.path);
    if (!name) continue;
    const stub = name.source !== "source";
    // The directories from the source root down must each be a package for the module to be
    // part of one (a stray script in a folder is not public API); a stub's `__init__.pyi` counts.
    const dirs = file.path.split("/").slice(0, -1);
    const rootDepth = name.dir ? 1 : 0;
    let inPackage = dirs.length > rootDepth;
    for (let i = rootDepth + 1; i <= dirs.length && inPackage; i++) {
      const dir = dirs.slice(0, i).join("/");
      const isPackage = present.has(`${dir}/__init__.py`) || (stub && present.has(`${dir}/__init__.pyi`));
      if (!isPackage && !namespaces.has(dir)) inPackage = false;
    }
    const entry: ModuleEntry = {
      path: file.path,
      module: name.module,
      isPackage: name.isPackage,
      inPackage,
      index: fileIndexFor(file, cache),
      source: name.source,
    };
    (stub ? stubsByPath : byPath).set(file.path, entry);
    const into = stub ? stubs : modules;
    const other = into.get(name.module);
    if (!other || outranks(entry, other)) into.set(name.module, entry);
  }
  return finishIndex(modules, byPath, stubs.size ? { stubs, stubsByPath } : undefined);
}

/** Monkeypatched and star-imported names, which every resolution must know about. */
function finishIndex(
  modules: Map<string, ModuleEntry>,
  byPath: Map<string, ModuleEntry>,
  withStubs?: { stubs: Map<string, ModuleEntry>; stubsByPath: Map<string, ModuleEntry> },
): RepoIndex {
  const repo: RepoIndex = { modules, byPath, dynamicNames: new Set(), starImported: new Set() };
  if (withStubs) {
    repo.stubs = withStubs.stubs;
    repo.stubsByPath = withStubs.stubsByPath;
  }
  const dynamicNames = repo.dynamicNames as Set<string>;
  const starImported = repo.starImported as Set<string>;
  for (const entry of byPath.values()) {
    for (const imp of entry.index.imports) if (imp.star) starImported.add(absoluteModule(entry, imp.level, imp.module));
    for (const ref of entry.index.dynamicRefs) {
      const qualified = qualify(entry, ref) ?? ref;
      dynamicNames.add(qualified);
      const target = lookup(repo, qualified);
      if (target.kind === "function" || target.kind === "class")
        dynamicNames.add(`${target.entry.module}.${target.def.name}`);
    }
  }
  return repo;
}

/**
 * The declared API of base and head, for comparing public signatures. A stub is what a user's
 * type checker and editor see, so it wins over the source when the module has one on both
 * sides. When only one side has a stub (the pull request adds or drops it), both sides are read
 * from the source, to compare like with like; a module with no source on a side (a compiled
 * module) is read from its stub there. Without stubs on either side, the runtime indexes.
 */
export function declaredViews(base: RepoIndex, head: RepoIndex): [RepoIndex, RepoIndex] {
  if (!base.stubs && !head.stubs) return [base, head];
  const view = (repo: RepoIndex, other: RepoIndex): RepoIndex => {
    const modules = new Map(repo.modules);
    const byPath = new Map(repo.byPath);
    for (const [module, stub] of repo.stubs ?? []) {
      if (modules.has(module) && !other.stubs?.has(module)) continue;
      const source = modules.get(module);
      if (source) byPath.delete(source.path);
      modules.set(module, stub);
      byPath.set(stub.path, stub);
    }
    return finishIndex(modules, byPath);
  };
  return [view(base, head), view(head, base)];
}

/**
 * buildRepoIndex for front doors: blobs the cache lacks are parsed first, with a turn of the
 * event loop and a collection every few files (tree-sitter frees a tree only once its wrapper
 * is collected), so a cold index of a large repository stays small.
 */
export async function indexRepository(files: readonly IndexFile[], options: IndexOptions = {}): Promise<RepoIndex> {
  const cache = options.cache ?? sharedBlobCache;
  let parsed = 0;
  for (const file of files) {
    if (file.text === undefined || !isModulePath(file.path) || cache.has(file.sha)) continue;
    fileIndexFor(file, cache);
    releaseTreesPeriodically();
    if (++parsed % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return buildRepoIndex(files, { ...options, cache });
}

/** The absolute module of `from <dots><module> import ...` in `entry`. */
export function absoluteModule(entry: ModuleEntry, level: number, module: string): string {
  if (level === 0) return module;
  const parts = entry.module.split(".");
  // A package's `__init__` is its own package; a module's package is its parent.
  const keep = parts.length - (entry.isPackage ? 0 : 1) - (level - 1);
  const base = keep > 0 ? parts.slice(0, keep).join(".") : "";
  return [base, module].filter(Boolean).join(".");
}

/** The single module-level binding of a name, or null when there is none or more than one. */
export function singleBinding(index: FileIndex, name: string): Binding | null {
  const list = index.bindings[name];
  return list && list.length === 1 ? list[0]! : null;
}

/** Where an import binding points: `from a import b` → "a.b", `import a.b as m` → "a.b", `import a.b` → "a". */
function importTarget(entry: ModuleEntry, binding: Extract<Binding, { kind: "import" }>): string {
  const module = absoluteModule(entry, binding.level, binding.module);
  if (binding.name !== null) return `${module}.${binding.name}`;
  return binding.bindsTop ? module.split(".")[0]! : module;
}

/**
 * A dotted name as written in `entry` (`m.f`, `Client.close`) as a qualified name, when its head
 * is an import of the module; null when the head is bound otherwise (or more than once).
 */
export function qualify(entry: ModuleEntry, dottedName: string): string | null {
  const [head, ...rest] = dottedName.split(".");
  const binding = singleBinding(entry.index, head!);
  if (!binding || binding.kind !== "import") return null;
  return [importTarget(entry, binding), ...rest].join(".");
}

export type Resolved =
  | { kind: "module"; entry: ModuleEntry }
  | { kind: "function"; entry: ModuleEntry; def: FunctionDef }
  | { kind: "class"; entry: ModuleEntry; def: ClassDef }
  | { kind: "method"; entry: ModuleEntry; cls: ClassDef; def: FunctionDef }
  /** The module exists and certainly does not bind the name. */
  | { kind: "missing"; entry: ModuleEntry; name: string }
  /** Not in the repository, or not knowable (dynamic module, ambiguous binding, ...). */
  | { kind: "unknown" };

/** Resolve a qualified name to what defines it, following re-exports and aliases. */
export function lookup(repo: RepoIndex, qualified: string, depth = 0): Resolved {
  if (depth > 8) return { kind: "unknown" };
  const parts = qualified.split(".");
  let at = parts.length;
  while (at > 0 && !repo.modules.has(parts.slice(0, at).join("."))) at--;
  if (at === 0) return { kind: "unknown" };
  let entry = repo.modules.get(parts.slice(0, at).join("."))!;
  for (let i = at; i < parts.length; i++) {
    const name = parts[i]!;
    const rest = parts.slice(i + 1);
    const submodule = repo.modules.get(`${entry.module}.${name}`);
    const list = entry.index.bindings[name];
    if (entry.index.syntaxError) return { kind: "unknown" };
    if (!list) {
      if (submodule) {
        entry = submodule;
        continue;
      }
      return entry.index.dynamic ? { kind: "unknown" } : { kind: "missing", entry, name };
    }
    if (list.length !== 1) return { kind: "unknown" };
    const binding = list[0]!;
    switch (binding.kind) {
      case "function":
        return rest.length === 0 ? { kind: "function", entry, def: binding.def } : { kind: "unknown" };
      case "class": {
        if (rest.length === 0) return { kind: "class", entry, def: binding.def };
        const method = rest.length === 1 ? binding.def.methods[rest[0]!] : undefined;
        return method ? { kind: "method", entry, cls: binding.def, def: method } : { kind: "unknown" };
      }
      case "import":
        return lookup(repo, [importTarget(entry, binding), ...rest].join("."), depth + 1);
      case "alias": {
        const target = qualify(entry, binding.target) ?? `${entry.module}.${binding.target}`;
        return lookup(repo, [target, ...rest].join("."), depth + 1);
      }
      default:
        return { kind: "unknown" };
    }
  }
  return { kind: "module", entry };
}

/** Whether `module` binds `name` directly (or has it as a submodule): a `from module import name` works. */
export function provides(repo: RepoIndex, module: string, name: string): "yes" | "no" | "unknown" | "no-module" {
  const entry = repo.modules.get(module);
  if (!entry) {
    // A directory of modules without `__init__.py` is still importable (a namespace package).
    if (!hasModule(repo, module)) return "no-module";
    return hasModule(repo, `${module}.${name}`) ? "yes" : "unknown";
  }
  if (entry.index.syntaxError || entry.index.dynamic || repo.starImported.has(module)) return "unknown";
  if (entry.index.bindings[name] || hasModule(repo, `${module}.${name}`)) return "yes";
  return "no";
}

/** A module or a (namespace) package holding modules exists under this name. */
export function hasModule(repo: RepoIndex, module: string): boolean {
  if (repo.modules.has(module)) return true;
  const prefix = `${module}.`;
  for (const name of repo.modules.keys()) if (name.startsWith(prefix)) return true;
  return false;
}

/** Build the api input from head files and the base texts of changed files (tests, docs, CLI). */
export function apiInputFromTexts(
  head: Readonly<Record<string, string>>,
  baseChanged: Readonly<Record<string, string | null>>,
  options: IndexOptions = {},
): ApiInput {
  const base: Record<string, string> = {};
  for (const [path, text] of Object.entries(head)) if (!(path in baseChanged)) base[path] = text;
  for (const [path, text] of Object.entries(baseChanged)) if (text !== null) base[path] = text;
  const toFiles = (texts: Record<string, string>): IndexFile[] =>
    Object.entries(texts)
      .filter(([path]) => isModulePath(path))
      .map(([path, text]) => ({ path, sha: contentKey(text), text }));
  const pick = (texts: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(texts).filter(([path]) => isModulePath(path) && path in baseChanged));
  return {
    base: buildRepoIndex(toFiles(base), options),
    head: buildRepoIndex(toFiles({ ...head }), options),
    baseTexts: pick(base),
    headTexts: pick(head),
  };
}

/** A cache key for a text when no git SHA is at hand (FNV-1a over UTF-16 units, plus length). */
export function contentKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `text:${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}:${text.length}`;
}

// What a change breaks in modules it does not touch: imports of names that are gone, and calls
// that no longer bind. Each result is certain or absent: every unknown makes it absent.
import { bindError, callerParams, isMethodBound } from "./compare.js";
import { absoluteModule, hasModule, lookup, provides, qualify, singleBinding, type Resolved } from "./index.js";
import type { ApiInput, ClassDef, FunctionDef, ModuleEntry, Param, RepoIndex } from "./types.js";

/** Where a removed name lived at base: the pull request's removed line (a LEFT-side anchor). */
export interface Removal {
  basePath: string;
  baseLine: number;
}

export interface BrokenImport {
  path: string;
  line: number;
  column: number;
  /** `pkg.client`, and the name (null for `import pkg.client`). */
  module: string;
  name: string | null;
  removal: Removal;
}

/**
 * The paths the change touches: the diff's head paths, and the base paths of renamed or removed
 * files (the front doors give the base text of exactly the changed files, old names included).
 */
export function changedPathsOf(api: ApiInput, changedPaths: readonly string[] | null): Set<string> {
  return new Set([...(changedPaths ?? []), ...Object.keys(api.baseTexts)]);
}

/** Modules the change leaves alone: present on both sides with the same text. */
function untouchedModules(api: ApiInput, changed: ReadonlySet<string>): ModuleEntry[] {
  return [...api.head.byPath.values()].filter(
    (entry) =>
      !changed.has(entry.path) && api.base.byPath.get(entry.path)?.index === entry.index && !entry.index.syntaxError,
  );
}

function isDynamic(api: ApiInput, qualified: string): boolean {
  return api.base.dynamicNames.has(qualified) || api.head.dynamicNames.has(qualified);
}

/** Module names of the changed files, at base and at head: only names they bind can break. */
function changedModules(api: ApiInput, changed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const path of changed)
    for (const repo of [api.base, api.head]) {
      const entry = repo.byPath.get(path);
      if (entry) out.add(entry.module);
    }
  return out;
}

export function brokenImports(api: ApiInput, changed: ReadonlySet<string>): BrokenImport[] {
  const out: BrokenImport[] = [];
  const touched = changedModules(api, changed);
  if (touched.size === 0) return out;
  for (const entry of untouchedModules(api, changed)) {
    for (const imp of entry.index.imports) {
      if (imp.star || imp.guarded) continue;
      const module = absoluteModule(entry, imp.level, imp.module);
      // Only a changed module (or a changed submodule) can stop providing the name.
      if (!touched.has(module) && !(imp.name !== null && touched.has(`${module}.${imp.name}`))) continue;
      if (imp.name === null) {
        const was = api.base.modules.get(module);
        if (!was || hasModule(api.head, module)) continue;
        out.push({
          path: entry.path,
          line: imp.line,
          column: imp.column,
          module,
          name: null,
          removal: { basePath: was.path, baseLine: 1 },
        });
        continue;
      }
      if (provides(api.base, module, imp.name) !== "yes") continue;
      const now = provides(api.head, module, imp.name);
      if (now !== "no" && now !== "no-module") continue;
      if (isDynamic(api, `${module}.${imp.name}`)) continue;
      const baseModule = api.base.modules.get(module)!;
      const submodule = api.base.modules.get(`${module}.${imp.name}`);
      const binding = baseModule.index.bindings[imp.name]?.[0];
      const removal =
        now === "no-module"
          ? { basePath: baseModule.path, baseLine: 1 }
          : binding
            ? {
                basePath: baseModule.path,
                baseLine: binding.kind === "function" || binding.kind === "class" ? binding.def.line : binding.line,
              }
            : { basePath: submodule!.path, baseLine: 1 };
      out.push({ path: entry.path, line: imp.line, column: imp.column, module, name: imp.name, removal });
    }
  }
  return out;
}

export interface BrokenCall {
  path: string;
  line: number;
  column: number;
  /** The callee as written (`fetch`, `client.Client`, `super().close`). */
  callee: string;
  /** The definition's qualified name at head. */
  target: string;
  reason: string;
  /** The head definition: where the inline finding goes. */
  defPath: string;
  defLine: number;
}

interface Callable {
  params: Param[];
  def: FunctionDef;
  entry: ModuleEntry;
  qualified: string;
}

function forwards(params: readonly Param[]): boolean {
  return params.some((p) => p.kind === "var-positional" || p.kind === "var-keyword");
}

/** Bases whose construction is plain `__new__` + `__init__` (no metaclass, no synthesis). */
const PLAIN_BASES = new Set([
  "object",
  "Exception",
  "BaseException",
  "ValueError",
  "TypeError",
  "RuntimeError",
  "KeyError",
  "LookupError",
  "OSError",
  "IOError",
  "AttributeError",
  "NotImplementedError",
  "ImportError",
  "IndexError",
  "Warning",
  "UserWarning",
  "DeprecationWarning",
]);

/**
 * Calling the class certainly runs its `__init__` with the call's arguments: no metaclass or
 * decorator, no `__new__`, and every base plain too (an Enum, NamedTuple or model base class
 * constructs differently).
 */
function constructsPlainly(repo: RepoIndex, entry: ModuleEntry, cls: ClassDef, depth = 0): boolean {
  if (depth > 5 || cls.dynamic || cls.methods["__new__"] || cls.attributes.includes("__init__")) return false;
  return cls.bases.every((base) => {
    if (PLAIN_BASES.has(base)) return true;
    if (!/^[\w.]+$/.test(base)) return false;
    const qualified = qualify(entry, base) ?? `${entry.module}.${base}`;
    const resolved = lookup(repo, qualified);
    return resolved.kind === "class" && constructsPlainly(repo, resolved.entry, resolved.def, depth + 1);
  });
}

/** The signature a call through `resolved` binds to, or null when that is not certain. */
function callable(repo: RepoIndex, resolved: Resolved, viaClass: boolean): Callable | null {
  switch (resolved.kind) {
    case "function":
      return {
        params: resolved.def.params,
        def: resolved.def,
        entry: resolved.entry,
        qualified: `${resolved.entry.module}.${resolved.def.name}`,
      };
    case "class": {
      const cls = resolved.def;
      const init = cls.methods["__init__"];
      // A synthesised or inherited constructor, a custom __new__ or a metaclass is not read here.
      if (!init || !constructsPlainly(repo, resolved.entry, cls)) return null;
      return {
        params: callerParams(init, true),
        def: init,
        entry: resolved.entry,
        qualified: `${resolved.entry.module}.${cls.name}`,
      };
    }
    case "method": {
      if (resolved.cls.dynamic) return null;
      const bound = isMethodBound(resolved.def, viaClass);
      return {
        params: callerParams(resolved.def, bound),
        def: resolved.def,
        entry: resolved.entry,
        qualified: `${resolved.entry.module}.${resolved.cls.name}.${resolved.def.name}`,
      };
    }
    default:
      return null;
  }
}

function resolveSuper(repo: RepoIndex, entry: ModuleEntry, className: string, method: string): Resolved {
  const binding = singleBinding(entry.index, className);
  if (binding?.kind !== "class" || binding.def.bases.length !== 1) return { kind: "unknown" };
  const base = binding.def.bases[0]!;
  if (!/^[\w.]+$/.test(base)) return { kind: "unknown" };
  const qualified = qualify(entry, base);
  return qualified ? lookup(repo, `${qualified}.${method}`) : { kind: "unknown" };
}

export function brokenCalls(api: ApiInput, changed: ReadonlySet<string>): BrokenCall[] {
  const out: BrokenCall[] = [];
  // A call can reach a changed definition only within the changed modules' top-level packages.
  const tops = new Set([...changedModules(api, changed)].map((m) => m.split(".")[0]!));
  if (tops.size === 0) return out;
  for (const entry of untouchedModules(api, changed)) {
    for (const call of entry.index.calls) {
      if (call.unpacks) continue;
      let was: Resolved;
      let is: Resolved;
      let viaClass = false;
      if (call.superOf) {
        was = resolveSuper(api.base, entry, call.superOf.className, call.superOf.method);
        is = resolveSuper(api.head, entry, call.superOf.className, call.superOf.method);
      } else {
        const qualified = qualify(entry, call.callee);
        if (!qualified || !tops.has(qualified.split(".")[0]!)) continue;
        was = lookup(api.base, qualified);
        if (was.kind === "unknown" || was.kind === "missing" || was.kind === "module") continue;
        is = lookup(api.head, qualified);
        viaClass = was.kind === "method";
      }
      if (was.kind !== is.kind) continue;
      const before = callable(api.base, was, viaClass);
      const after = callable(api.head, is, viaClass);
      if (!before || !after || before.def === after.def) continue;
      if (before.def.dynamic || after.def.dynamic || forwards(before.params) || forwards(after.params)) continue;
      if (isDynamic(api, before.qualified) || isDynamic(api, after.qualified)) continue;
      if (api.base.starImported.has(before.entry.module) || api.head.starImported.has(after.entry.module)) continue;
      if (bindError(before.params, call.positional, call.keywords) !== null) continue;
      const reason = bindError(after.params, call.positional, call.keywords);
      if (reason === null) continue;
      out.push({
        path: entry.path,
        line: call.line,
        column: call.column,
        callee: call.superOf ? `super().${call.superOf.method}` : call.callee,
        target: after.qualified,
        reason,
        defPath: after.entry.path,
        defLine: after.def.line,
      });
    }
  }
  return out;
}

/** "`a.py:3`", or "`a.py:3` and 2 more". */
export function citeSites(sites: readonly { path: string; line: number }[]): string {
  const first = sites[0]!;
  const more = sites.length - 1;
  return `\`${first.path}:${first.line}\`${more > 0 ? ` and ${more} more` : ""}`;
}

/** Reports in path and line order, so a check's output does not depend on the index's order. */
export function inOrder<T extends { path: string; line?: number }>(reports: T[]): T[] {
  return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 1) - (b.line ?? 1)));
}

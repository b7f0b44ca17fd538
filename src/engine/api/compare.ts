// Comparing the API of two repository indexes: signature changes (compatible or not), public
// objects, whether a call still binds, and where a base line lands at head.
import { declaredViews, hasModule, isTestModule, lookup, type Resolved } from "./index.js";
import type { ClassDef, FunctionDef, ModuleEntry, Param, RepoIndex } from "./types.js";

export interface SignatureChange {
  /** Callers written for the old signature may break. */
  breaking: boolean;
  text: string;
  /** The parameter the change is about, when there is one. */
  param?: string;
}

const positional = (p: Param): boolean => p.kind === "positional-only" || p.kind === "positional-or-keyword";
const keywordable = (p: Param): boolean => p.kind === "positional-or-keyword" || p.kind === "keyword-only";
const plain = (p: Param): boolean => p.kind !== "var-positional" && p.kind !== "var-keyword";

/** The parameters a caller supplies: `self`/`cls` dropped for bound methods and constructors. */
export function callerParams(def: FunctionDef, bound: boolean): Param[] {
  const isStatic = def.decorators.some((d) => d === "staticmethod" || d.endsWith(".staticmethod"));
  return bound && !isStatic ? def.params.slice(1) : def.params;
}

export function isMethodBound(def: FunctionDef, viaClass: boolean): boolean {
  // `Class.method(obj, ...)` passes self explicitly; a classmethod is bound to the class.
  if (!viaClass) return true;
  return def.decorators.some((d) => d === "classmethod" || d.endsWith(".classmethod"));
}

/** What changed between two signatures, as a caller sees it. */
export function compareSignatures(base: readonly Param[], head: readonly Param[]): SignatureChange[] {
  const changes: SignatureChange[] = [];
  const headByName = new Map(head.map((p) => [p.name, p]));
  const baseByName = new Map(base.map((p) => [p.name, p]));
  const headVarPos = head.some((p) => p.kind === "var-positional");
  const headVarKw = head.some((p) => p.kind === "var-keyword");
  const basePositional = base.filter(positional);
  const headPositional = head.filter(positional);
  const renamedTo = new Set<string>();
  for (const p of base.filter(plain)) {
    const h = headByName.get(p.name);
    if (!h) {
      // Still accepted through *args / **kwargs: not a break a caller would see.
      const stillPositional = !positional(p) || headVarPos;
      const stillKeyword = !keywordable(p) || headVarKw;
      if (stillPositional && stillKeyword) continue;
      const at = basePositional.indexOf(p);
      const successor = at >= 0 ? headPositional[at] : undefined;
      if (successor && !baseByName.has(successor.name) && p.kind === "positional-or-keyword") {
        renamedTo.add(successor.name);
        changes.push({
          breaking: true,
          param: p.name,
          text: `parameter \`${p.name}\` renamed to \`${successor.name}\``,
        });
      } else changes.push({ breaking: true, param: p.name, text: `parameter \`${p.name}\` removed` });
      continue;
    }
    if (p.kind === "positional-or-keyword" && h.kind === "positional-only")
      changes.push({ breaking: true, param: p.name, text: `\`${p.name}\` can no longer be passed by keyword` });
    else if (p.kind === "positional-or-keyword" && h.kind === "keyword-only")
      changes.push({ breaking: true, param: p.name, text: `\`${p.name}\` can no longer be passed by position` });
    else if (p.kind !== h.kind)
      changes.push({ breaking: false, param: p.name, text: `\`${p.name}\` is now ${h.kind}` });
    if (p.hasDefault && !h.hasDefault)
      changes.push({ breaking: true, param: p.name, text: `\`${p.name}\` is now required` });
    else if (!p.hasDefault && h.hasDefault)
      changes.push({ breaking: false, param: p.name, text: `\`${p.name}\` is now optional` });
  }
  // Moved: positional parameters present on both sides in another order.
  const common = (list: Param[]): string[] =>
    list
      .filter(
        (p) =>
          baseByName.has(p.name) &&
          headByName.has(p.name) &&
          positional(baseByName.get(p.name)!) &&
          positional(headByName.get(p.name)!),
      )
      .map((p) => p.name);
  const baseOrder = common(basePositional);
  const headOrder = common(headPositional);
  for (const [i, name] of baseOrder.entries())
    if (headOrder[i] !== name)
      changes.push({
        breaking: true,
        param: name,
        text: `\`${name}\` moved from position ${basePositional.findIndex((p) => p.name === name) + 1} to ${headPositional.findIndex((p) => p.name === name) + 1}`,
      });
  for (const kind of ["var-positional", "var-keyword"] as const) {
    const had = base.find((p) => p.kind === kind);
    const has = head.find((p) => p.kind === kind);
    const star = kind === "var-positional" ? "*" : "**";
    if (had && !has) changes.push({ breaking: true, param: had.name, text: `\`${star}${had.name}\` removed` });
    if (!had && has) changes.push({ breaking: false, param: has.name, text: `now accepts \`${star}${has.name}\`` });
  }
  for (const h of head.filter(plain)) {
    if (baseByName.has(h.name) || renamedTo.has(h.name)) continue;
    if (!h.hasDefault) changes.push({ breaking: true, param: h.name, text: `new required parameter \`${h.name}\`` });
    else if (h.hasDefault)
      changes.push({ breaking: false, param: h.name, text: `new optional parameter \`${h.name}\`` });
  }
  return changes;
}

/** Why a call with this shape does not bind to the parameters, or null when it binds. */
export function bindError(
  params: readonly Param[],
  positionalCount: number,
  keywords: readonly string[],
): string | null {
  const slots = params.filter(positional);
  const varPos = params.some((p) => p.kind === "var-positional");
  const varKw = params.some((p) => p.kind === "var-keyword");
  if (positionalCount > slots.length && !varPos)
    return `takes ${slots.length} positional argument${slots.length === 1 ? "" : "s"} but the call passes ${positionalCount}`;
  const filled = new Set(slots.slice(0, positionalCount).map((p) => p.name));
  for (const keyword of keywords) {
    const p = params.find((q) => q.name === keyword && keywordable(q));
    if (!p) {
      if (varKw) continue;
      return `no longer accepts the keyword \`${keyword}\``;
    }
    if (filled.has(keyword)) return `\`${keyword}\` is given by position and by keyword`;
    filled.add(keyword);
  }
  const missing = params.filter((p) => plain(p) && !p.hasDefault && !filled.has(p.name));
  if (missing.length > 0) return `the new required parameter \`${missing[0]!.name}\` is not passed`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Top-level folders whose packages are not shipped to users. */
const UNSHIPPED = /^(docs?|examples?|scripts?|benchmarks?|bench|ci|\.github)\//;

/**
 * A module that belongs to the public API: inside a package, no private part, not a test, not
 * in a folder that is not shipped, and under `src/` when the repository uses that layout.
 */
export function isPublicModule(entry: ModuleEntry, srcLayout = false): boolean {
  if (!entry.inPackage || isTestModule(entry.path) || UNSHIPPED.test(entry.path)) return false;
  // A `pkg-stubs/` package ships under its own name, wherever the source lives.
  if (srcLayout && !entry.path.startsWith("src/") && entry.source !== "stub-package") return false;
  return !entry.module.split(".").some((p) => p.startsWith("_"));
}

/** The module's public names: `__all__` when it has one, else its public definitions. */
export function publicNames(entry: ModuleEntry): string[] {
  if (entry.index.all) return entry.index.all;
  return Object.entries(entry.index.bindings)
    .filter(([name, list]) => !name.startsWith("_") && list.some((b) => b.kind === "function" || b.kind === "class"))
    .map(([name]) => name);
}

const PUBLIC_DUNDERS = new Set(["__init__", "__call__"]);
export const isPublicMember = (name: string): boolean => !name.startsWith("_") || PUBLIC_DUNDERS.has(name);

export interface ApiChange {
  /** `pkg.mod.fetch`, `pkg.mod.Client.close`. */
  object: string;
  kind: "module" | "function" | "class" | "method";
  /** "removed", or the signature changes. */
  changes: SignatureChange[];
  removed: boolean;
  /** Where: head path and line for a change; base path and line for a removal. */
  path: string;
  line: number;
  /** For a removal: the base path and line (the head may not have the file). */
  basePath?: string;
  baseLine?: number;
  /** Kept under the old name as a deprecated alias or a warning shim. */
  deprecatedAlias: boolean;
}

function defChanges(baseDef: FunctionDef, headDef: FunctionDef, bound: boolean): SignatureChange[] {
  if (baseDef.dynamic || headDef.dynamic) return [];
  return compareSignatures(callerParams(baseDef, bound), callerParams(headDef, bound));
}

/** True when an object is kept under its old name only as a deprecated shim (alias or warning def). */
function keptAsDeprecated(module: ModuleEntry, name: string): boolean {
  const list = module.index.bindings[name];
  if (!list || list.length !== 1) return false;
  const b = list[0]!;
  if (b.kind === "alias") return true;
  if (b.kind === "function" && b.def.deprecated) return true;
  return false;
}

/**
 * Every public object whose signature or presence differs between base and head, as declared
 * (a module's stub, when it has one on both sides: see declaredViews). Modules and names that
 * are dynamic on either side are left out.
 */
export function apiChanges(runtimeBase: RepoIndex, runtimeHead: RepoIndex): ApiChange[] {
  const [base, head] = declaredViews(runtimeBase, runtimeHead);
  const out: ApiChange[] = [];
  const srcLayout = [...base.byPath.keys()].some((p) => p.startsWith("src/"));
  for (const [moduleName, baseEntry] of base.modules) {
    if (!isPublicModule(baseEntry, srcLayout) || baseEntry.index.syntaxError) continue;
    const headEntry = head.modules.get(moduleName);
    if (!headEntry) {
      // Still importable as a namespace package: not judged.
      if (hasModule(head, moduleName)) continue;
      out.push({
        object: moduleName,
        kind: "module",
        changes: [{ breaking: true, text: "module removed" }],
        removed: true,
        path: baseEntry.path,
        line: 1,
        basePath: baseEntry.path,
        baseLine: 1,
        deprecatedAlias: false,
      });
      continue;
    }
    if (headEntry.index.syntaxError || baseEntry.index === headEntry.index) continue;
    const names = publicNames(baseEntry);
    for (const name of names) {
      const qualified = `${moduleName}.${name}`;
      if (base.dynamicNames.has(qualified) || head.dynamicNames.has(qualified)) continue;
      const baseBinding = baseEntry.index.bindings[name]?.[0];
      if (!baseBinding) continue;
      const was = lookup(base, qualified);
      if (was.kind !== "function" && was.kind !== "class") continue;
      const kind = was.kind;
      const stillThere = !!headEntry.index.bindings[name] || head.modules.has(qualified);
      if (!stillThere) {
        if (headEntry.index.dynamic || base.starImported.has(moduleName) || head.starImported.has(moduleName)) continue;
        const baseLine =
          baseBinding.kind === "function" || baseBinding.kind === "class" ? baseBinding.def.line : baseBinding.line;
        out.push({
          object: qualified,
          kind,
          changes: [{ breaking: true, text: `${kind} removed` }],
          removed: true,
          path: headEntry.path,
          line: baseLine,
          basePath: baseEntry.path,
          baseLine,
          deprecatedAlias: false,
        });
        continue;
      }
      const is = lookup(head, qualified);
      if (was.entry !== baseEntry) continue;
      if (keptAsDeprecated(headEntry, name)) continue;
      if (was.kind === "function" && is.kind === "function") {
        const changes = defChanges(was.def, is.def, false);
        if (changes.length) out.push(changeAt(qualified, "function", changes, is));
      } else if (was.kind === "class" && is.kind === "class") {
        out.push(...classChanges(qualified, was.def, was.entry, is.def, is.entry));
      }
    }
  }
  return out;
}

function changeAt(object: string, kind: ApiChange["kind"], changes: SignatureChange[], at: Resolved): ApiChange {
  const line = at.kind === "function" || at.kind === "class" || at.kind === "method" ? at.def.line : 1;
  const path = at.kind === "unknown" ? "" : at.entry.path;
  return { object, kind, changes, removed: false, path, line, deprecatedAlias: false };
}

function classChanges(
  qualified: string,
  baseClass: ClassDef,
  baseEntry: ModuleEntry,
  headClass: ClassDef,
  headEntry: ModuleEntry,
): ApiChange[] {
  if (baseClass.dynamic || headClass.dynamic) return [];
  const out: ApiChange[] = [];
  for (const [name, baseDef] of Object.entries(baseClass.methods)) {
    if (!isPublicMember(name)) continue;
    const headDef = headClass.methods[name];
    const object = name === "__init__" ? qualified : `${qualified}.${name}`;
    if (!headDef) {
      // A method may still be inherited: only a class without bases is known to lack it.
      const inherits = headClass.bases.some((b) => b !== "object");
      if (inherits || headClass.attributes.includes(name) || name === "__init__") continue;
      out.push({
        object,
        kind: "method",
        changes: [{ breaking: true, text: "method removed" }],
        removed: true,
        path: headEntry.path,
        line: headClass.line,
        basePath: baseEntry.path,
        baseLine: baseDef.line,
        deprecatedAlias: false,
      });
      continue;
    }
    if (headDef.deprecated && !baseDef.deprecated) continue;
    const bound = !headDef.decorators.some((d) => d.endsWith("staticmethod"));
    const changes = defChanges(baseDef, headDef, bound);
    if (changes.length)
      out.push({
        object,
        kind: name === "__init__" ? "class" : "method",
        changes,
        removed: false,
        path: headEntry.path,
        line: headDef.line,
        deprecatedAlias: false,
      });
  }
  return out;
}

/** `1.4.2` → `2.0` or `0.3` → `0.4`: a release that may break the API. */
export function isBreakingRelease(baseVersion: string | null, headVersion: string | null): boolean {
  if (!baseVersion || !headVersion) return false;
  const parse = (v: string): number[] | null => {
    const m = /^\s*v?(\d+)(?:\.(\d+))?/.exec(v);
    return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
  };
  const a = parse(baseVersion);
  const b = parse(headVersion);
  if (!a || !b) return false;
  if (b[0]! > a[0]!) return true;
  return a[0] === 0 && b[0] === 0 && b[1]! > a[1]!;
}

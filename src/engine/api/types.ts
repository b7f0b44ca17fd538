// The repository index's vocabulary: what one Python file defines, imports and calls, as plain
// data. A FileIndex depends only on the file's text (never on its path), so it is cached by the
// git blob SHA and shared by base, head and every pull request of the process.

export type ParamKind = "positional-only" | "positional-or-keyword" | "keyword-only" | "var-positional" | "var-keyword";

export interface Param {
  name: string;
  kind: ParamKind;
  hasDefault: boolean;
}

export interface FunctionDef {
  kind: "function";
  name: string;
  /** 1-based line of the `def` (of its first decorator when decorated). */
  line: number;
  params: Param[];
  /** Decorators by their dotted text, e.g. "functools.lru_cache", "staticmethod". */
  decorators: string[];
  /** A decorator peptalk does not know to keep the signature: the callable is unknown. */
  dynamic: boolean;
  /** The body warns with DeprecationWarning (or `@deprecated`): a kept old name. */
  deprecated: boolean;
}

export interface ClassDef {
  kind: "class";
  name: string;
  line: number;
  /** Base class expressions by their text (`Base`, `pkg.mod.Base`), keywords left out. */
  bases: string[];
  /** The class has a metaclass= keyword or a decorator other than known harmless ones. */
  dynamic: boolean;
  /** Methods by name (the last definition wins; a name defined twice is marked `dynamic`). */
  methods: Record<string, FunctionDef>;
  /** Other names the class body binds (attributes, nested classes). */
  attributes: string[];
}

/** How a module-level name is bound. */
export type Binding =
  | { kind: "function"; def: FunctionDef }
  | { kind: "class"; def: ClassDef }
  /** `from <module> import <name> [as ...]`; `name` null for `import a.b [as x]`. */
  | { kind: "import"; line: number; level: number; module: string; name: string | null; bindsTop: boolean }
  /** `old = new` (a plain name or dotted name on the right). */
  | { kind: "alias"; line: number; target: string }
  | { kind: "other"; line: number };

export interface ImportRecord {
  line: number;
  column: number;
  /** Number of leading dots (0: absolute). */
  level: number;
  module: string;
  /** The imported name for `from m import name`; null for `import m`. */
  name: string | null;
  /** Local name bound (alias or the name; for `import a.b`, "a"). */
  local: string;
  star: boolean;
  /** Inside `try` or `if` (an ImportError fallback, TYPE_CHECKING, a version test): not certain to run. */
  guarded: boolean;
}

export interface CallRecord {
  line: number;
  column: number;
  /** The callee as dotted text rooted at a module-level name (`f`, `m.f`, `Cls.meth`); for super(): "". */
  callee: string;
  /** For `super().method(...)`: the enclosing class and the method name. */
  superOf?: { className: string; method: string };
  positional: number;
  keywords: string[];
  /** The call unpacks `*args` or `**kwargs`: its arity is unknown. */
  unpacks: boolean;
}

export interface FileIndex {
  bindings: Record<string, Binding[]>;
  /** `__all__` when it is a plain list/tuple of strings; null when absent or not readable. */
  all: string[] | null;
  imports: ImportRecord[];
  calls: CallRecord[];
  /** Module `__getattr__`, `globals()` writes or a star import: any name may exist. */
  dynamic: boolean;
  /** `x.attr = ...` and `setattr(x, "attr", ...)` / `getattr(x, "attr")` targets, as "x.attr". */
  dynamicRefs: string[];
  /** The file does not parse cleanly: nothing is judged from it. */
  syntaxError: boolean;
  /** A rough size in bytes, for the cache's bound. */
  bytes: number;
}

export interface ModuleEntry {
  path: string;
  /** Dotted module name (`pkg.sub`). */
  module: string;
  isPackage: boolean;
  /** Every directory from the source root down holds `__init__.py` (or is a configured namespace). */
  inPackage: boolean;
  index: FileIndex;
  source: ModuleSource;
}

/**
 * Where a module's description comes from: its source, a stub beside it (`pkg/mod.pyi`, also
 * the stub of a compiled module without source), or a stub-only package (`pkg-stubs/mod.pyi`,
 * PEP 561).
 */
export type ModuleSource = "source" | "stub" | "stub-package";

export interface RepoIndex {
  modules: ReadonlyMap<string, ModuleEntry>;
  byPath: ReadonlyMap<string, ModuleEntry>;
  /** Qualified names (`pkg.mod.name`) that some module monkeypatches or reads by getattr. */
  dynamicNames: ReadonlySet<string>;
  /** Modules that some module star-imports. */
  starImported: ReadonlySet<string>;
  /**
   * Each module's `.pyi` stub (a `pkg-stubs/` package's over one beside the module), when the
   * repository has stubs. Imports and calls bind to `modules` (what runs); the declared API
   * (declaredViews) reads stubs.
   */
  stubs?: ReadonlyMap<string, ModuleEntry>;
  stubsByPath?: ReadonlyMap<string, ModuleEntry>;
}

/** What the api checks need: both indexes and the texts of the changed Python files. */
export interface ApiInput {
  base: RepoIndex;
  head: RepoIndex;
  /** Text of changed Python files at base and head, to place findings on the diff. */
  baseTexts: Readonly<Record<string, string>>;
  headTexts: Readonly<Record<string, string>>;
}

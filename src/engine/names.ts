// What a name refers to: imports and bindings per scope, computed lazily once per
// scope. Precision first: when a name could be rebound we say "not the builtin".
import type { SyntaxNode, Tree } from "tree-sitter";
import { dottedParts } from "./ast.js";

export const PYTHON_BUILTINS: ReadonlySet<string> = new Set(
  (
    "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError " +
    "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError " +
    "ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning " +
    "EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError " +
    "FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError " +
    "InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError " +
    "ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError " +
    "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError " +
    "ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration " +
    "SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError " +
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError " +
    "UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin " +
    "bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr " +
    "dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash " +
    "help hex id input int isinstance issubclass iter len license list locals map max memoryview min " +
    "next object oct open ord pow print property quit range repr reversed round set setattr slice " +
    "sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__ __doc__"
  ).split(" "),
);

export type Binding =
  /** `import a.b as c` → c: "a.b"; `from x import y` → y: "x.y". */
  | { kind: "import"; qualified: string; node: SyntaxNode }
  /** Assigned, defined, a parameter, a loop or `with` target, ... */
  | { kind: "local"; node: SyntaxNode }
  /** `global x` / `nonlocal x`: resolve in an outer scope. */
  | { kind: "outer"; node: SyntaxNode };

export type Scope = Map<string, Binding>;

const PARAMETER_TYPES = new Set([
  "identifier",
  "typed_parameter",
  "default_parameter",
  "typed_default_parameter",
  "list_splat_pattern",
  "dictionary_splat_pattern",
]);

/** Identifiers bound by an assignment target (`a, (b, *c)`, but not `a.b` or `a[0]`). */
const TARGET_CONTAINERS = new Set([
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "tuple",
  "list",
  "parenthesized_expression",
  "list_splat_pattern",
  "as_pattern_target",
]);

export function targetNames(target: SyntaxNode): SyntaxNode[] {
  // Without recursion: `((((a,),),),)` can nest thousands deep.
  const out: SyntaxNode[] = [];
  const pending = [target];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "identifier") out.push(node);
    else if (TARGET_CONTAINERS.has(node.type)) {
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }
  return out;
}

function parameterNames(parameters: SyntaxNode | null): SyntaxNode[] {
  if (!parameters) return [];
  const out: SyntaxNode[] = [];
  for (const p of parameters.namedChildren) {
    if (!PARAMETER_TYPES.has(p.type)) continue;
    if (p.type === "identifier") out.push(p);
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const name = p.childForFieldName("name");
      if (name) out.push(name);
    } else {
      const id = p.namedChildren.find((c) => c.type === "identifier");
      if (id) out.push(id);
      else {
        // typed_parameter wrapping a *args / **kwargs pattern
        const inner = p.namedChildren.find((c) => c.type.endsWith("splat_pattern"));
        const innerId = inner?.namedChildren.find((c) => c.type === "identifier");
        if (innerId) out.push(innerId);
      }
    }
  }
  return out;
}

function addImports(statement: SyntaxNode, scope: Scope): void {
  if (statement.type === "import_statement") {
    for (const name of statement.childrenForFieldName("name")) {
      if (name.type === "aliased_import") {
        const dotted = name.childForFieldName("name");
        const alias = name.childForFieldName("alias");
        if (dotted && alias) scope.set(alias.text, { kind: "import", qualified: dotted.text, node: statement });
      } else {
        // `import a.b` binds `a`, which refers to module `a`.
        const head = name.namedChild(0)?.text ?? name.text;
        scope.set(head, { kind: "import", qualified: head, node: statement });
      }
    }
    return;
  }
  // import_from_statement
  const moduleNode = statement.childForFieldName("module_name");
  const module = moduleNode?.text ?? "";
  for (const name of statement.childrenForFieldName("name")) {
    if (name.type === "aliased_import") {
      const dotted = name.childForFieldName("name");
      const alias = name.childForFieldName("alias");
      if (dotted && alias)
        scope.set(alias.text, { kind: "import", qualified: joinModule(module, dotted.text), node: statement });
    } else {
      scope.set(name.text, { kind: "import", qualified: joinModule(module, name.text), node: statement });
    }
  }
}

function joinModule(module: string, name: string): string {
  return module.endsWith(".") ? module + name : `${module}.${name}`;
}

/** Node types that bind names, collected natively in one pass per file. */
/** The node types scope analysis reads (the runner fetches them with the checks' types). */
export const BINDING_TYPES = [
  "function_definition",
  "class_definition",
  "lambda",
  "import_statement",
  "import_from_statement",
  "assignment",
  "augmented_assignment",
  "for_statement",
  "as_pattern",
  "named_expression",
  "global_statement",
  "nonlocal_statement",
  "delete_statement",
  "type_alias_statement",
];

interface ScopeInfo {
  node: SyntaxNode;
  kind: "module" | "function" | "lambda" | "class";
  start: number;
  end: number;
  /** Where the scope's own code starts (a def's body); defaults and decorators lie before it. */
  bodyStart: number;
  bindings: Scope;
}

function addLocal(scope: Scope, id: SyntaxNode | null | undefined): void {
  // An import never hides a local rebinding of the same name: treat the name as local.
  if (id && id.type === "identifier") {
    const prev = scope.get(id.text);
    if (!prev || prev.kind === "import") scope.set(id.text, { kind: "local", node: id });
  }
}

function addBindings(node: SyntaxNode, scope: Scope): void {
  switch (node.type) {
    case "import_statement":
    case "import_from_statement": {
      const before = new Map(scope);
      addImports(node, scope);
      for (const [name, prev] of before) if (prev.kind === "local") scope.set(name, prev);
      return;
    }
    case "assignment":
    case "augmented_assignment":
    case "for_statement": {
      const left = node.childForFieldName("left");
      if (left) for (const id of targetNames(left)) addLocal(scope, id);
      return;
    }
    case "as_pattern": {
      const alias = node.childForFieldName("alias");
      if (alias) for (const id of targetNames(alias)) addLocal(scope, id);
      return;
    }
    case "named_expression":
      addLocal(scope, node.childForFieldName("name"));
      return;
    case "global_statement":
    case "nonlocal_statement":
      for (const id of node.namedChildren)
        if (id.type === "identifier") scope.set(id.text, { kind: "outer", node: id });
      return;
    case "delete_statement":
      for (const target of node.namedChildren) for (const id of targetNames(target)) addLocal(scope, id);
      return;
    case "type_alias_statement": {
      const name = node.namedChild(0);
      if (name)
        for (const id of targetNames(name.type === "type" ? (name.namedChild(0) ?? name) : name)) addLocal(scope, id);
      return;
    }
  }
}

/** Every scope of a module with its bindings, from one native collection of binding nodes. */
function collectScopes(root: SyntaxNode): ScopeInfo[] {
  const module: ScopeInfo = {
    node: root,
    kind: "module",
    start: root.startIndex,
    end: root.endIndex,
    bodyStart: root.startIndex,
    bindings: new Map(),
  };
  const scopes: ScopeInfo[] = [module];
  const open: ScopeInfo[] = [module];
  for (const node of root.descendantsOfType(BINDING_TYPES)) {
    while (open.length > 1 && open[open.length - 1]!.end <= node.startIndex) open.pop();
    const current = open[open.length - 1]!;
    // Comprehension variables live in their own scope; a walrus inside one binds outside (PEP 572).
    if (
      node.type === "for_statement" ||
      node.type === "function_definition" ||
      node.type === "class_definition" ||
      node.type === "lambda"
    ) {
      if (node.type !== "lambda" && node.type !== "for_statement")
        addLocal(current.bindings, node.childForFieldName("name"));
      if (node.type === "for_statement") {
        addBindings(node, current.bindings);
        continue;
      }
      const body = node.childForFieldName("body");
      const info: ScopeInfo = {
        node,
        kind: node.type === "class_definition" ? "class" : node.type === "lambda" ? "lambda" : "function",
        start: node.startIndex,
        end: node.endIndex,
        bodyStart: body?.startIndex ?? node.endIndex,
        bindings: new Map(),
      };
      if (node.type !== "class_definition")
        for (const p of parameterNames(node.childForFieldName("parameters"))) addLocal(info.bindings, p);
      scopes.push(info);
      open.push(info);
      continue;
    }
    if (node.type === "as_pattern" && node.parent?.type === "case_pattern") continue;
    addBindings(node, current.bindings);
  }
  return scopes;
}

/** [A-Za-z0-9_] or any non-ASCII character (Python names may use them). */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127
  );
}

export class ModuleNames {
  private scopeList: ScopeInfo[] | null = null;
  private readonly neverBoundCache = new Map<string, boolean>();
  /** `source` enables a fast path; without it every lookup walks the scopes. */
  constructor(
    private readonly tree: Tree,
    private readonly source?: string,
  ) {}

  /**
   * True when `name` is certainly bound nowhere in the file: every occurrence is a call
   * (`name(`) that is not a `def`/`class` header or an attribute. A binding always puts the
   * name somewhere else (`name =`, `as name`, `import name`, a parameter), so then scope
   * collection can be skipped: the most common lookups (`open(`, `len(`) stay cheap.
   */
  private neverBound(name: string): boolean {
    if (this.source === undefined) return false;
    let known = this.neverBoundCache.get(name);
    if (known !== undefined) return known;
    known = true;
    const source = this.source;
    for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + 1)) {
      const before = at > 0 ? source.charCodeAt(at - 1) : 32;
      const after = at + name.length < source.length ? source.charCodeAt(at + name.length) : 32;
      // Only whole names: not part of a longer identifier, not an attribute (`x.name`).
      if (isNameChar(before) || before === 46 /* . */ || isNameChar(after)) continue;
      const rest = source.slice(at + name.length, at + name.length + 40);
      const lead = source.slice(Math.max(0, at - 12), at);
      if (!/^[ \t]*\(/.test(rest) || /(def|class)[ \t]+$/.test(lead)) {
        known = false;
        break;
      }
    }
    this.neverBoundCache.set(name, known);
    return known;
  }

  private get scopes(): ScopeInfo[] {
    this.scopeList ??= collectScopes(this.tree.rootNode);
    return this.scopeList;
  }

  /** Bindings made at module level. */
  get module(): Scope {
    return this.scopes[0]!.bindings;
  }

  private scopeById: Map<number, Scope> | null = null;

  /** The bindings of a def, lambda or class node (or the module). */
  scopeOf(scopeNode: SyntaxNode): Scope {
    this.scopeById ??= new Map(this.scopes.map((s) => [s.node.id, s.bindings]));
    return this.scopeById.get(scopeNode.id) ?? new Map();
  }

  /**
   * The binding `name` resolves to when used at `at`: function scopes outward (a class body
   * only when `at` is directly in it), then the module. Undefined = builtin or unknown.
   */
  lookup(name: string, at: SyntaxNode): Binding | undefined {
    if (this.neverBound(name)) return undefined;
    const position = at.startIndex;
    const end = at.endIndex;
    // Scopes are in document order, so the ones containing `at` nest from outer to inner.
    const containing = this.scopes.filter(
      (s) => s.kind !== "module" && s.start <= position && end <= s.end && position >= s.bodyStart,
    );
    for (let i = containing.length - 1; i >= 0; i--) {
      const scope = containing[i]!;
      // A class body's names are not visible inside its methods.
      if (scope.kind === "class" && i !== containing.length - 1) continue;
      const binding = scope.bindings.get(name);
      if (binding?.kind === "outer") break;
      if (binding) return binding;
    }
    return this.module.get(name);
  }
  isBuiltin(node: SyntaxNode, name?: string): boolean {
    if (node.type === "attribute") {
      const parts = dottedParts(node);
      return (
        !!parts &&
        parts.length === 2 &&
        parts[0] === "builtins" &&
        this.resolvesToModule("builtins", node) &&
        (!name || parts[1] === name)
      );
    }
    if (node.type !== "identifier") return false;
    if (name && node.text !== name) return false;
    return PYTHON_BUILTINS.has(node.text) && this.lookup(node.text, node) === undefined;
  }

  private resolvesToModule(module: string, node: SyntaxNode): boolean {
    const head = dottedParts(node)?.[0];
    if (!head) return false;
    const binding = this.lookup(head, node);
    return binding?.kind === "import" && binding.qualified === module;
  }

  qualifiedName(node: SyntaxNode): string | null {
    const parts = dottedParts(node);
    if (!parts || parts.length === 0) return null;
    const [head, ...rest] = parts as [string, ...string[]];
    const binding = this.lookup(head, node);
    if (binding === undefined) {
      if (!PYTHON_BUILTINS.has(head)) return null;
      return [head, ...rest].join(".");
    }
    if (binding.kind !== "import") return null;
    return [binding.qualified, ...rest].join(".");
  }
}

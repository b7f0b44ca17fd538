// What a name refers to: imports and bindings per scope, computed lazily once per
// scope. Precision first: when a name could be rebound we say "not the builtin".
import type { SyntaxNode, Tree } from "tree-sitter";
import { dottedParts, SCOPE_TYPES, walkScope } from "./ast.js";

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
export function targetNames(target: SyntaxNode): SyntaxNode[] {
  switch (target.type) {
    case "identifier":
      return [target];
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "parenthesized_expression":
    case "list_splat_pattern":
    case "as_pattern_target":
      return target.namedChildren.flatMap(targetNames);
    default:
      return [];
  }
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

/** Collect the bindings made directly in one scope (module, def, lambda or class body). */
export function collectScope(scopeNode: SyntaxNode): Scope {
  const scope: Scope = new Map();
  const local = (id: SyntaxNode | null | undefined): void => {
    // The first binding wins for the node we keep, but an import never hides a local rebinding.
    if (id && id.type === "identifier") {
      const prev = scope.get(id.text);
      if (!prev || prev.kind === "import") scope.set(id.text, { kind: "local", node: id });
    }
  };
  if (scopeNode.type === "function_definition" || scopeNode.type === "lambda") {
    for (const p of parameterNames(scopeNode.childForFieldName("parameters"))) local(p);
  }
  const body = scopeNode.type === "module" ? scopeNode : (scopeNode.childForFieldName("body") ?? scopeNode);
  walkScope(body, (n) => {
    switch (n.type) {
      case "function_definition":
      case "class_definition":
        if (n.id !== body.id) local(n.childForFieldName("name"));
        return false;
      case "lambda":
        return false;
      case "import_statement":
      case "import_from_statement": {
        const before = new Map(scope);
        addImports(n, scope);
        // A later import over an earlier local rebinding keeps the name ambiguous: treat as local.
        for (const [name, prev] of before) if (prev.kind === "local") scope.set(name, prev);
        return false;
      }
      case "assignment":
      case "augmented_assignment": {
        const left = n.childForFieldName("left");
        if (left) targetNames(left).forEach(local);
        return;
      }
      case "for_statement":
      case "for_in_clause": {
        if (n.type === "for_in_clause") return false; // comprehension: own scope
        const left = n.childForFieldName("left");
        if (left) targetNames(left).forEach(local);
        return;
      }
      case "as_pattern": {
        const alias = n.childForFieldName("alias");
        if (alias) targetNames(alias).forEach(local);
        return;
      }
      case "named_expression":
        local(n.childForFieldName("name"));
        return;
      case "global_statement":
      case "nonlocal_statement":
        for (const id of n.namedChildren) if (id.type === "identifier") scope.set(id.text, { kind: "outer", node: id });
        return false;
      case "delete_statement":
        for (const id of n.namedChildren) targetNames(id).forEach(local);
        return false;
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression":
        return false;
      case "type_alias_statement": {
        const name = n.namedChild(0);
        if (name) targetNames(name.type === "type" ? (name.namedChild(0) ?? name) : name).forEach(local);
        return false;
      }
      default:
        return;
    }
  });
  return scope;
}

export class ModuleNames {
  private readonly scopes = new Map<number, Scope>();
  constructor(private readonly tree: Tree) {}

  /** Bindings made at module level. */
  get module(): Scope {
    return this.scopeOf(this.tree.rootNode);
  }

  scopeOf(scopeNode: SyntaxNode): Scope {
    let scope = this.scopes.get(scopeNode.id);
    if (!scope) {
      scope = collectScope(scopeNode);
      this.scopes.set(scopeNode.id, scope);
    }
    return scope;
  }

  /**
   * The binding `name` resolves to when used at `at`: function scopes outward (class
   * bodies only when `at` is directly in them), then the module. Undefined = builtin or unknown.
   */
  lookup(name: string, at: SyntaxNode): Binding | undefined {
    let first = true;
    for (let cur = at.parent; cur; cur = cur.parent) {
      if (!SCOPE_TYPES.has(cur.type)) continue;
      // A class body's names are not visible inside its methods.
      if (cur.type === "class_definition" && !first) continue;
      first = false;
      // Parameter defaults and decorators are evaluated in the enclosing scope.
      if (cur.type === "function_definition" && !isInsideBody(at, cur)) continue;
      const binding = this.scopeOf(cur).get(name);
      if (binding && binding.kind !== "outer") return binding;
      if (binding?.kind === "outer") break;
    }
    return this.module.get(name);
  }

  isBuiltin(node: SyntaxNode, name?: string): boolean {
    if (node.type !== "identifier") {
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
      return false;
    }
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

function isInsideBody(node: SyntaxNode, def: SyntaxNode): boolean {
  const body = def.childForFieldName("body");
  if (!body) return false;
  if (def.type === "lambda") return node.startIndex >= body.startIndex && node.endIndex <= body.endIndex;
  const params = def.childForFieldName("parameters");
  // Parameter names themselves are bound in the function; defaults/annotations are not.
  if (params && node.startIndex >= params.startIndex && node.endIndex <= params.endIndex) {
    return (
      !!node.parent &&
      (node.parent.type === "parameters" || PARAMETER_TYPES.has(node.parent.type)) &&
      isParameterName(node)
    );
  }
  return node.startIndex >= body.startIndex && node.endIndex <= body.endIndex;
}

function isParameterName(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "parameters" || parent.type === "lambda_parameters") return true;
  if (parent.type === "default_parameter" || parent.type === "typed_default_parameter")
    return parent.childForFieldName("name")?.id === node.id;
  return parent.type === "typed_parameter" || parent.type.endsWith("splat_pattern");
}

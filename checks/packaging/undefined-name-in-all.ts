import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { targetNames } from "../../src/engine/names.js";
import { compareVersions } from "../../src/engine/version.js";
import { anyWithin } from "../../src/engine/text.js";

// ---------------------------------------------------------------------------------------------
// Reading `__all__` the way Ruff does (shared with invalid-all and duplicate-all-entry).

/** One string of an `__all__` definition: `"foo"` in `__all__ = ["foo"]`. */
export interface AllName {
  name: string;
  node: SyntaxNode;
}

/** One module-level statement that binds or extends `__all__`. */
export interface AllDefinition {
  /** `=` / annotated `=` (a new list), `+=`, or a `__all__.extend(...)` / `.append(...)` call. */
  kind: "assign" | "augment" | "extend" | "append";
  /** The `__all__` identifier. */
  target: SyntaxNode;
  /** The statement (expression_statement) the definition is. */
  statement: SyntaxNode;
  /** Inside an `if` / `try` / `with` / loop block rather than directly at module level. */
  nested: boolean;
  /** `__all__ = __all__ + [...]`: extends rather than replaces. */
  extendsItself: boolean;
  names: AllName[];
  /** Elements that are not string literals (Ruff's PLE0604). Only for assign/augment. */
  invalidObjects: SyntaxNode[];
  /** Parts that are not a list or tuple (Ruff's PLE0605). Only for assign/augment. */
  invalidFormats: SyntaxNode[];
}

const SCOPES = new Set(["function_definition", "class_definition", "decorated_definition", "lambda"]);

/**
 * Statements executed in the module's scope: top level and inside module-level
 * if/try/with/for/while/match. With `mentioning`, only those whose text may hold it (up to the
 * next statement's start), and only those are searched inside.
 */
export function moduleStatements(
  root: SyntaxNode,
  mentioning?: { source: string; text: string },
): { statement: SyntaxNode; nested: boolean }[] {
  const out: { statement: SyntaxNode; nested: boolean }[] = [];
  // Where `mentioning.text` occurs, in order.
  const offsets: number[] = [];
  if (mentioning) {
    const { source, text } = mentioning;
    for (let at = source.indexOf(text); at !== -1; at = source.indexOf(text, at + 1)) offsets.push(at);
  }
  // Whether an offset lies in [start, end): the first at or after `start` is found by bisection.
  const mentions = (start: number, end: number): boolean => {
    if (!mentioning) return true;
    return anyWithin(offsets, start, end);
  };
  const visitBlock = (block: SyntaxNode, nested: boolean, end: number): void => {
    const statements = block.namedChildren;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (SCOPES.has(statement.type)) continue;
      // A statement ends before the next one starts (the last one, before its block ends).
      const next = i + 1 < statements.length ? statements[i + 1]!.startIndex : end;
      if (!mentions(statement.startIndex, next)) continue;
      out.push({ statement, nested });
      if (statement.type === "expression_statement") continue;
      for (const child of statement.namedChildren) visitCompound(child, next);
    }
  };
  const visitCompound = (node: SyntaxNode, end: number): void => {
    if (node.type === "block") visitBlock(node, true, end);
    else if (/_clause$/.test(node.type) || node.type === "case_clause")
      for (const c of node.namedChildren) visitCompound(c, end);
  };
  visitBlock(root, false, Infinity);
  return out;
}

/** The value of a plain string literal (implicit concatenation and parentheses allowed), or null. */
export function plainStringValue(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  const parts = n.type === "concatenated_string" ? n.namedChildren.filter((c) => c.type === "string") : [n];
  if (n.type !== "string" && n.type !== "concatenated_string") return null;
  let value = "";
  for (const part of parts) {
    const start = part.child(0);
    if (!start || start.type !== "string_start" || /[fFbBtT]/.test(start.text)) return null;
    for (const c of part.namedChildren) {
      if (c.type === "interpolation") return null;
      if (c.type !== "string_content") continue;
      // Escapes in a name are rare and easy to misread: such a name is not judged.
      if (c.namedChildren.some((e) => e.type === "escape_sequence")) return null;
      value += c.text;
    }
  }
  return value;
}

/** A plain string literal node (for PLE0604): a string whose value can be read or that only holds escapes. */
function isStringLiteral(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  const parts = n.type === "concatenated_string" ? n.namedChildren.filter((c) => c.type === "string") : [n];
  if (n.type !== "string" && n.type !== "concatenated_string") return false;
  return parts.every((p) => {
    const start = p.child(0);
    return !!start && start.type === "string_start" && !/[fFbBtT]/.test(start.text);
  });
}

function elementsOf(container: SyntaxNode): SyntaxNode[] {
  return container.namedChildren.filter((c) => c.type !== "comment");
}

interface Extracted {
  elements: SyntaxNode[] | null;
  invalidFormat: SyntaxNode | null;
}

/** Ruff's `extract_dunder_all_elts`: the elements of one operand of an `__all__` value. */
function extractElements(ctx: CheckContext, raw: SyntaxNode): Extracted {
  const expr = unparenthesize(raw);
  switch (expr.type) {
    case "list":
    case "tuple":
    case "expression_list":
      return { elements: elementsOf(expr), invalidFormat: null };
    case "list_comprehension":
      return { elements: null, invalidFormat: null };
    case "identifier":
      if (expr.text === "__all__") return { elements: null, invalidFormat: null };
      break;
    case "attribute":
      if (expr.childForFieldName("attribute")?.text === "__all__") return { elements: null, invalidFormat: null };
      break;
    case "named_expression": {
      const value = expr.childForFieldName("value");
      if (value) return extractElements(ctx, value);
      break;
    }
    case "call": {
      let fn = expr.childForFieldName("function");
      // `list[str](...)`
      if (fn && (fn.type === "subscript" || fn.type === "generic_type"))
        fn = fn.type === "subscript" ? fn.childForFieldName("value") : fn.namedChild(0);
      const args = expr.childForFieldName("arguments");
      if (!fn || !args || args.type !== "argument_list") break;
      const argList = args.namedChildren.filter((c) => c.type !== "comment");
      if (argList.some((a) => a.type === "keyword_argument") || argList.length > 1) break;
      if (!ctx.isBuiltin(fn, "list") && !ctx.isBuiltin(fn, "tuple")) break;
      const arg = argList[0] ? unparenthesize(argList[0]) : null;
      if (arg && (arg.type === "list" || arg.type === "tuple" || arg.type === "set"))
        return { elements: elementsOf(arg), invalidFormat: null };
      return { elements: null, invalidFormat: null };
    }
  }
  return { elements: null, invalidFormat: expr };
}

function readValue(ctx: CheckContext, value: SyntaxNode, def: AllDefinition): void {
  const operands: SyntaxNode[] = [];
  let cur = unparenthesize(value);
  // Ruff walks a chain of binary operators (any operator) from the right.
  while (cur.type === "binary_operator") {
    const right = cur.childForFieldName("right");
    const left = cur.childForFieldName("left");
    if (!right || !left) break;
    operands.unshift(right);
    cur = unparenthesize(left);
  }
  operands.unshift(cur);
  if (operands.length > 1 && unparenthesize(operands[0]!).text === "__all__") def.extendsItself = true;
  for (const operand of operands) {
    const { elements, invalidFormat } = extractElements(ctx, operand);
    if (invalidFormat) def.invalidFormats.push(invalidFormat);
    for (const element of elements ?? []) {
      const name = plainStringValue(element);
      if (!isStringLiteral(element)) def.invalidObjects.push(element);
      else if (name !== null) def.names.push({ name, node: element });
    }
  }
}

const allCache = new WeakMap<object, AllDefinition[]>();

/** Every module-level statement that defines or extends `__all__`, in document order. */
export function allDefinitions(ctx: CheckContext): AllDefinition[] {
  const key = ctx.tree as object;
  const cached = allCache.get(key);
  if (cached) return cached;
  const defs: AllDefinition[] = [];
  if (ctx.source.includes("__all__")) {
    // Only statements whose text holds `__all__` can define it: the others are not read.
    for (const { statement, nested } of moduleStatements(ctx.tree.rootNode, { source: ctx.source, text: "__all__" })) {
      if (statement.type !== "expression_statement") continue;
      const expr = statement.namedChild(0);
      if (!expr) continue;
      const base = { statement, nested, extendsItself: false, names: [], invalidObjects: [], invalidFormats: [] };
      if (expr.type === "assignment" || expr.type === "augmented_assignment") {
        const target = expr.childForFieldName("left");
        if (target?.type !== "identifier" || target.text !== "__all__") continue;
        let value = expr.childForFieldName("right");
        // `__all__ = other = [...]`: the value is the last one.
        while (value?.type === "assignment") value = value.childForFieldName("right");
        const def: AllDefinition = { kind: expr.type === "assignment" ? "assign" : "augment", target, ...base };
        if (expr.type === "augmented_assignment" && expr.childForFieldName("operator")?.text !== "+=") continue;
        if (value) readValue(ctx, value, def);
        defs.push(def);
      } else if (expr.type === "call") {
        const fn = expr.childForFieldName("function");
        const object = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
        const method = fn?.childForFieldName("attribute")?.text;
        if (object?.type !== "identifier" || object.text !== "__all__") continue;
        if (method !== "extend" && method !== "append") continue;
        const args = expr.childForFieldName("arguments");
        const argList = args?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        if (argList.length !== 1) continue;
        const def: AllDefinition = { kind: method, target: object, ...base };
        const arg = unparenthesize(argList[0]!);
        const elements =
          method === "append" ? [arg] : arg.type === "list" || arg.type === "tuple" ? elementsOf(arg) : [];
        for (const element of elements) {
          const name = plainStringValue(element);
          if (name !== null) def.names.push({ name, node: element });
        }
        defs.push(def);
      }
    }
  }
  allCache.set(key, defs);
  return defs;
}

// ---------------------------------------------------------------------------------------------
// What the module's global scope binds.

/** Names every module has (Ruff's MAGIC_GLOBALS and module attributes the interpreter sets). */
const MODULE_GLOBALS = [
  "WindowsError",
  "__annotations__",
  "__builtins__",
  "__cached__",
  "__file__",
  "__build_class__",
  "__debug__",
  "__doc__",
  "__import__",
  "__loader__",
  "__name__",
  "__package__",
  "__spec__",
  "__all__",
];

/** Builtins and the Python version that added them (0: always there), as Ruff counts them. */
const BUILTINS: Record<string, number> = Object.fromEntries([
  ...(
    "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError " +
    "BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError " +
    "ConnectionResetError DeprecationWarning EOFError Ellipsis EnvironmentError Exception False FileExistsError " +
    "FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning " +
    "IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError " +
    "MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError " +
    "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError " +
    "ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning " +
    "SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError " +
    "UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning " +
    "ZeroDivisionError abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile " +
    "complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset " +
    "getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map " +
    "max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr " +
    "slice sorted staticmethod str sum super tuple type vars zip"
  )
    .split(" ")
    .map((n) => [n, 0] as const),
  ["EncodingWarning", 10],
  ["aiter", 10],
  ["anext", 10],
  ["BaseExceptionGroup", 11],
  ["ExceptionGroup", 11],
  ["PythonFinalizationError", 13],
]);

interface GlobalScope {
  names: Set<string>;
  starImport: boolean;
  moduleGetattr: boolean;
}

function addTargets(names: Set<string>, target: SyntaxNode | null): void {
  if (target) for (const id of targetNames(target)) names.add(id.text);
}

/**
 * The node types whose code can bind a module-level name. All but `case_pattern` are among the
 * types scope analysis reads, which the runner has already fetched: asking for them again costs
 * no walk of the tree.
 */
const GLOBAL_BINDERS = [
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
  "delete_statement",
  "type_alias_statement",
];

/** Some line of `source` starts with the word `word` (after spaces, tabs or form feeds). */
function startsALine(source: string, word: string): boolean {
  for (let at = source.indexOf(word); at !== -1; at = source.indexOf(word, at + 1)) {
    if (/\w/.test(source.charAt(at + word.length))) continue;
    let before = at - 1;
    while (before >= 0 && " \t\f".includes(source.charAt(before))) before--;
    if (before < 0 || "\n\r\u2028\u2029".includes(source.charAt(before))) return true;
  }
  return false;
}

/**
 * What the module's global scope binds, read like Ruff's semantic model (generously: when in
 * doubt, bound). The binding nodes are visited in document order, skipping those in code that
 * does not run in the module's scope (def and class bodies, lambdas) and inside constructs read
 * whole (case patterns, type aliases); a def's decorators, defaults and bases do run there.
 */
function globalScope(ctx: CheckContext, root: SyntaxNode): GlobalScope {
  const scope: GlobalScope = { names: new Set(), starImport: false, moduleGetattr: false };
  const { names } = scope;
  let nodes = root.descendantsOfType(GLOBAL_BINDERS);
  // `case` patterns are rare and not fetched by the runner: asked for only when a line starts with `case`.
  if (startsALine(ctx.source, "case")) {
    const patterns = root.descendantsOfType("case_pattern");
    if (patterns.length > 0) nodes = [...nodes, ...patterns].sort((a, b) => a.startIndex - b.startIndex);
  }
  // Skipped ranges, [start, end): they nest, so the innermost is on top. A def's body is pushed
  // when the def is reached, before its header has been read.
  const skipped: { start: number; end: number }[] = [];
  const skip = (start: number, end: number): number => skipped.push({ start, end });
  for (const node of nodes) {
    const at = node.startIndex;
    while (skipped.length > 0 && skipped[skipped.length - 1]!.end <= at) skipped.pop();
    if (skipped.some((range) => range.start <= at)) continue;
    switch (node.type) {
      case "function_definition":
      case "class_definition": {
        const name = node.childForFieldName("name")?.text;
        if (name) names.add(name);
        if (name === "__getattr__" && node.type === "function_definition") scope.moduleGetattr = true;
        // Decorators, defaults and bases run in the module's scope; the body does not.
        const body = node.childForFieldName("body");
        if (body) skip(body.startIndex, body.endIndex);
        break;
      }
      case "lambda":
        skip(at, node.endIndex);
        break;
      case "import_statement":
        for (const name of node.childrenForFieldName("name")) {
          if (name.type === "aliased_import") {
            const alias = name.childForFieldName("alias")?.text;
            if (alias) names.add(alias);
          } else names.add(name.namedChild(0)?.text ?? name.text);
        }
        break;
      case "import_from_statement":
        if (node.namedChildren.some((c) => c.type === "wildcard_import")) scope.starImport = true;
        for (const name of node.childrenForFieldName("name")) {
          if (name.type === "aliased_import") {
            const alias = name.childForFieldName("alias")?.text;
            if (alias) names.add(alias);
          } else names.add(name.text);
        }
        break;
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
        addTargets(names, node.childForFieldName("left"));
        break;
      case "as_pattern":
        addTargets(names, node.childForFieldName("alias"));
        break;
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) names.add(name.text);
        break;
      }
      case "case_pattern":
        // Capture patterns bind; reading every identifier of the pattern errs on the side of "bound".
        for (const id of node.descendantsOfType("identifier")) names.add(id.text);
        skip(at, node.endIndex);
        break;
      case "delete_statement":
        for (const target of node.namedChildren) addTargets(names, target);
        break;
      case "type_alias_statement": {
        const left = node.childForFieldName("left");
        if (left) for (const id of left.descendantsOfType("identifier").slice(0, 1)) names.add(id.text);
        skip(at, node.endIndex);
        break;
      }
    }
  }
  return scope;
}

/** `global x` in any function or class body binds `x` in the module (as Ruff reads it). */
function globalDeclarations(root: SyntaxNode, names: Set<string>): void {
  for (const statement of root.descendantsOfType("global_statement")) {
    if (statement.parent?.type === "module") continue;
    for (const id of statement.namedChildren) if (id.type === "identifier") names.add(id.text);
  }
}

/**
 * The module writes names into its own namespace at run time: `globals()[...] = ...`,
 * `globals().update(...)`, `vars()`, `sys.modules[__name__]`, `@enum.global_enum`,
 * `Enum._convert_(...)`. Any name may then exist.
 */
function definesNamesDynamically(ctx: CheckContext): boolean {
  const source = ctx.source;
  if (/\bglobal_enum\b|\._convert_\(|sys\.modules\[__name__\]/.test(source)) return true;
  if (!/\b(globals|vars)\(\s*\)/.test(source)) return false;
  // `globals()` or `builtins.globals()` starts where one of these words does: other calls are
  // ruled out by position, before their callee is read.
  const starts = new Set(Array.from(source.matchAll(/\b(?:globals|vars|builtins)\b/g), (m) => m.index));
  return ctx.tree.rootNode.descendantsOfType("call").some((call) => {
    if (!starts.has(call.startIndex)) return false;
    const fn = call.childForFieldName("function");
    const args = call.childForFieldName("arguments");
    return !!fn && args?.namedChildCount === 0 && (ctx.isBuiltin(fn, "globals") || ctx.isBuiltin(fn, "vars"));
  });
}

function isBound(name: string, scope: GlobalScope, minor: number): boolean {
  if (scope.names.has(name) || MODULE_GLOBALS.includes(name)) return true;
  const added = BUILTINS[name];
  return added !== undefined && minor >= added;
}

/** In a package's `__init__.py`, a listed name may be a submodule that `import *` loads. */
function mayBeSubmodule(ctx: CheckContext, name: string): boolean {
  const paths = ctx.project?.paths;
  if (!paths) return true;
  const dir = ctx.path.includes("/") ? ctx.path.slice(0, ctx.path.lastIndexOf("/") + 1) : "";
  return paths.some((p) => p.startsWith(`${dir}${name}.`) || p.startsWith(`${dir}${name}/`));
}

export default defineCheck({
  id: "undefined-name-in-all",
  codes: ["F822"],
  pylint: ["undefined-all-variable"],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`__all__` lists a name the module never defines or imports.",
    why: "`from module import *` looks up every name in `__all__` and raises `AttributeError` on the first one that is missing; documentation tools and type checkers also trust the list. A name left in `__all__` after a rename or removal breaks every star import of the module.",
    bad: '__all__ = ["load", "dump"]\n\n\ndef load(path):\n    return open(path).read()\n',
    good: '__all__ = ["load", "dump"]\n\n\ndef load(path):\n    return open(path).read()\n\n\ndef dump(text, path):\n    open(path, "w").write(text)\n',
    differences:
      "Like Ruff, a module with a star import is not judged, and a name is defined when anything in the module's scope binds it (also inside `if`/`try`, or through `global` in a function). Unlike Ruff, peptalk also reads `__all__.extend([...])` and `__all__.append(...)`, stays silent in a module that defines `__getattr__` (PEP 562: names can be provided lazily) or writes its own namespace at run time (`globals()`, `vars()`, `@enum.global_enum`, `Enum._convert_`), and in a package's `__init__.py` (which Ruff skips) reports a name only when the repository's file list shows it is not a submodule either.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("__all__")) return {};
    return {
      module(root) {
        const defs = allDefinitions(ctx);
        if (defs.length === 0) return;
        const scope = globalScope(ctx, root);
        if (scope.starImport || scope.moduleGetattr || definesNamesDynamically(ctx)) return;
        globalDeclarations(root, scope.names);
        const isInit = /(^|\/)__init__\.pyi?$/.test(ctx.path);
        const minor = compareVersions(ctx.python, [3, 0]) >= 0 ? ctx.python[1] : 0;
        for (const def of defs) {
          for (const { name, node } of def.names) {
            if (isBound(name, scope, minor)) continue;
            if (isInit && mayBeSubmodule(ctx, name)) continue;
            ctx.report({
              node,
              message: `\`__all__\` lists \`${name}\`, which the module never defines or imports: a star import of this module raises \`AttributeError\``,
            });
          }
        }
      },
    };
  },
});

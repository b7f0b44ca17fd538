// One Python file → its FileIndex (definitions, bindings, imports, call sites), read from the
// tree-sitter tree. Only what the text says: module names and cross-file resolution come later.
import type { SyntaxNode } from "tree-sitter";
import { parsePython } from "../parser.js";
import type { Binding, CallRecord, ClassDef, FileIndex, FunctionDef, ImportRecord, Param } from "./types.js";

/** Decorators that keep the decorated callable's signature (the last dotted part is compared). */
const SIGNATURE_PRESERVING = new Set([
  "staticmethod",
  "classmethod",
  "property",
  "cached_property",
  "lru_cache",
  "cache",
  "wraps",
  "abstractmethod",
  "final",
  "override",
  "deprecated",
  "setter",
  "getter",
  "deleter",
]);
/** Class decorators that leave the constructor alone. */
const CLASS_DECORATORS = new Set(["final", "total_ordering", "deprecated", "runtime_checkable", "unique"]);

function dotted(node: SyntaxNode | null): string | null {
  if (!node) return null;
  if (node.type === "identifier") return node.text;
  if (node.type === "attribute") {
    const object = dotted(node.childForFieldName("object"));
    const attr = node.childForFieldName("attribute");
    return object && attr ? `${object}.${attr.text}` : null;
  }
  return null;
}

function decoratorName(decorator: SyntaxNode): string {
  let expr = decorator.namedChildren[0] ?? null;
  if (expr?.type === "call") expr = expr.childForFieldName("function");
  return dotted(expr) ?? expr?.text ?? "";
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

function paramName(node: SyntaxNode): string {
  const named = node.childForFieldName("name");
  if (named) return named.text;
  const id = node.namedChildren.find((c) => c.type === "identifier");
  return id?.text ?? node.text;
}

function readParams(parameters: SyntaxNode | null): Param[] {
  if (!parameters) return [];
  const params: Param[] = [];
  let keywordOnly = false;
  for (const child of parameters.namedChildren) {
    let node = child;
    // `*args: int` is a typed_parameter around a splat pattern.
    if (node.type === "typed_parameter") {
      const splat = node.namedChildren.find(
        (c) => c.type === "list_splat_pattern" || c.type === "dictionary_splat_pattern",
      );
      if (splat) node = splat;
    }
    switch (node.type) {
      case "positional_separator":
        for (const p of params) if (p.kind === "positional-or-keyword") p.kind = "positional-only";
        break;
      case "keyword_separator":
        keywordOnly = true;
        break;
      case "list_splat_pattern":
        params.push({ name: node.namedChildren[0]?.text ?? "args", kind: "var-positional", hasDefault: false });
        keywordOnly = true;
        break;
      case "dictionary_splat_pattern":
        params.push({ name: node.namedChildren[0]?.text ?? "kwargs", kind: "var-keyword", hasDefault: false });
        break;
      case "identifier":
      case "typed_parameter":
      case "default_parameter":
      case "typed_default_parameter":
        params.push({
          name: node.type === "identifier" ? node.text : paramName(node),
          kind: keywordOnly ? "keyword-only" : "positional-or-keyword",
          hasDefault: node.type === "default_parameter" || node.type === "typed_default_parameter",
        });
        break;
      default:
        break;
    }
  }
  return params;
}

function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

function readFunction(def: SyntaxNode, decorators: SyntaxNode[], line: number): FunctionDef {
  const names = decorators.map(decoratorName);
  const body = def.childForFieldName("body");
  const bodyText = body?.text ?? "";
  return {
    kind: "function",
    name: def.childForFieldName("name")?.text ?? "",
    line,
    params: readParams(def.childForFieldName("parameters")),
    decorators: names,
    dynamic: names.some((n) => !SIGNATURE_PRESERVING.has(lastPart(n))),
    deprecated: names.some((n) => lastPart(n) === "deprecated") || /\bDeprecationWarning\b/.test(bodyText),
  };
}

function readClass(def: SyntaxNode, decorators: SyntaxNode[], line: number): ClassDef {
  const superclasses = def.childForFieldName("superclasses");
  const bases: string[] = [];
  let metaclass = false;
  for (const arg of superclasses?.namedChildren ?? []) {
    if (arg.type === "keyword_argument") metaclass = true;
    else if (arg.type !== "comment") bases.push(arg.text);
  }
  // No prototype: a method may be called `constructor` or `toString`.
  const methods: Record<string, FunctionDef> = Object.create(null) as Record<string, FunctionDef>;
  const attributes: string[] = [];
  const seen = new Set<string>();
  for (const statement of def.childForFieldName("body")?.namedChildren ?? []) {
    const { node, decorators: decs, line: at } = unwrapDecorated(statement);
    if (node.type === "function_definition") {
      const fn = readFunction(node, decs, at);
      // A name defined twice (overloads, property setters) is not one signature.
      if (seen.has(fn.name) && !fn.decorators.some((d) => /\.(setter|getter|deleter)$/.test(d))) fn.dynamic = true;
      if (!fn.decorators.some((d) => /\.(setter|getter|deleter)$/.test(d))) methods[fn.name] = fn;
      seen.add(fn.name);
    } else if (node.type === "class_definition") {
      attributes.push(node.childForFieldName("name")?.text ?? "");
    } else if (node.type === "expression_statement") {
      const expr = node.namedChildren[0];
      if (expr?.type === "assignment") {
        const left = expr.childForFieldName("left");
        if (left?.type === "identifier") {
          attributes.push(left.text);
          // `method = other_method` in a class body rebinds a method name.
          if (methods[left.text]) methods[left.text]!.dynamic = true;
        }
      }
    }
  }
  const decoratorNames = decorators.map(decoratorName);
  return {
    kind: "class",
    name: def.childForFieldName("name")?.text ?? "",
    line,
    bases,
    dynamic: metaclass || decoratorNames.some((n) => !CLASS_DECORATORS.has(lastPart(n))),
    methods,
    attributes,
  };
}

function unwrapDecorated(statement: SyntaxNode): { node: SyntaxNode; decorators: SyntaxNode[]; line: number } {
  if (statement.type !== "decorated_definition") return { node: statement, decorators: [], line: lineOf(statement) };
  const node = statement.childForFieldName("definition") ?? statement;
  return {
    node,
    decorators: statement.namedChildren.filter((c) => c.type === "decorator"),
    line: lineOf(statement),
  };
}

function stringList(node: SyntaxNode | null): string[] | null {
  if (!node || (node.type !== "list" && node.type !== "tuple")) return null;
  const out: string[] = [];
  for (const element of node.namedChildren) {
    if (element.type === "comment") continue;
    if (element.type !== "string") return null;
    const parts = element.namedChildren.filter((c) => c.type === "string_content");
    if (element.namedChildren.some((c) => c.type === "interpolation")) return null;
    out.push(parts.map((p) => p.text).join(""));
  }
  return out;
}

function identifiersOf(target: SyntaxNode, out: string[]): void {
  if (target.type === "identifier") out.push(target.text);
  else if (
    ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression"].includes(target.type)
  )
    for (const c of target.namedChildren) identifiersOf(c, out);
  else if (target.type === "list_splat_pattern" || target.type === "list_splat")
    for (const c of target.namedChildren) identifiersOf(c, out);
}

interface Builder {
  bindings: Record<string, Binding[]>;
  imports: ImportRecord[];
  all: string[] | null;
  allReadable: boolean;
  dynamic: boolean;
}

function bind(b: Builder, name: string, binding: Binding): void {
  (b.bindings[name] ??= []).push(binding);
}

function isGuarded(node: SyntaxNode): boolean {
  for (let at = node.parent; at; at = at.parent)
    if (at.type === "try_statement" || at.type === "if_statement") return true;
  return false;
}

function readImport(b: Builder, node: SyntaxNode): void {
  const line = lineOf(node);
  const guarded = isGuarded(node);
  if (node.type === "import_statement") {
    for (const child of node.namedChildren) {
      const aliased = child.type === "aliased_import";
      const nameNode = aliased ? child.childForFieldName("name") : child;
      const module = nameNode?.text ?? "";
      const local = aliased ? (child.childForFieldName("alias")?.text ?? "") : module.split(".")[0]!;
      b.imports.push({
        line,
        column: child.startPosition.column + 1,
        level: 0,
        module,
        name: null,
        local,
        star: false,
        guarded,
      });
      bind(b, local, { kind: "import", line, level: 0, module, name: null, bindsTop: !aliased });
    }
    return;
  }
  const moduleNode = node.childForFieldName("module_name");
  const relative = moduleNode?.type === "relative_import";
  const level = relative ? (moduleNode.namedChildren.find((c) => c.type === "import_prefix")?.text.length ?? 0) : 0;
  const module = relative
    ? (moduleNode.namedChildren.find((c) => c.type === "dotted_name")?.text ?? "")
    : (moduleNode?.text ?? "");
  if (node.namedChildren.some((c) => c.type === "wildcard_import")) {
    b.imports.push({ line, column: 1, level, module, name: "*", local: "*", star: true, guarded });
    b.dynamic = true;
    return;
  }
  for (const child of node.childrenForFieldName("name")) {
    const aliased = child.type === "aliased_import";
    const name = (aliased ? child.childForFieldName("name")?.text : child.text) ?? "";
    const local = aliased ? (child.childForFieldName("alias")?.text ?? name) : name;
    b.imports.push({
      line: lineOf(child),
      column: child.startPosition.column + 1,
      level,
      module,
      name,
      local,
      star: false,
      guarded,
    });
    bind(b, local, { kind: "import", line, level, module, name, bindsTop: false });
  }
}

function readAssignment(b: Builder, expr: SyntaxNode, nested: boolean): void {
  const left = expr.childForFieldName("left");
  let right = expr.childForFieldName("right");
  while (right?.type === "assignment") right = right.childForFieldName("right");
  if (!left) return;
  const line = lineOf(expr);
  if (left.type === "identifier" && left.text === "__all__") {
    if (expr.type === "assignment" && !nested) {
      const names = stringList(right);
      if (names) b.all = names;
      else b.allReadable = false;
    } else b.allReadable = false;
    return;
  }
  const names: string[] = [];
  identifiersOf(left, names);
  const target = expr.type === "assignment" && left.type === "identifier" ? dotted(right) : null;
  for (const name of names)
    bind(b, name, target && !nested ? { kind: "alias", line, target } : { kind: "other", line });
}

/** Module-level statements, also inside if/try/with/for blocks (not function or class bodies). */
function readModule(b: Builder, block: SyntaxNode, nested: boolean): void {
  for (const statement of block.namedChildren) {
    const { node, decorators, line } = unwrapDecorated(statement);
    switch (node.type) {
      case "function_definition": {
        const def = readFunction(node, decorators, line);
        bind(b, def.name, { kind: "function", def });
        if (def.name === "__getattr__") b.dynamic = true;
        break;
      }
      case "class_definition": {
        const def = readClass(node, decorators, line);
        bind(b, def.name, { kind: "class", def });
        break;
      }
      case "import_statement":
      case "import_from_statement":
        readImport(b, node);
        break;
      case "future_import_statement":
        break;
      case "expression_statement": {
        const expr = node.namedChildren[0];
        if (expr?.type === "assignment" || expr?.type === "augmented_assignment") readAssignment(b, expr, nested);
        else if (
          expr?.type === "call" &&
          /^__all__\.(extend|append)$/.test(expr.childForFieldName("function")?.text ?? "")
        )
          b.allReadable = false;
        break;
      }
      case "for_statement": {
        const names: string[] = [];
        const left = node.childForFieldName("left");
        if (left) identifiersOf(left, names);
        for (const n of names) bind(b, n, { kind: "other", line: lineOf(node) });
        readNested(b, node);
        break;
      }
      case "with_statement":
        for (const id of node.descendantsOfType("as_pattern_target"))
          for (const n of id.descendantsOfType("identifier")) bind(b, n.text, { kind: "other", line: lineOf(node) });
        readNested(b, node);
        break;
      case "type_alias_statement": {
        const left = node.childForFieldName("left");
        const name = left?.type === "identifier" ? left : left?.descendantsOfType("identifier")[0];
        if (name) bind(b, name.text, { kind: "other", line });
        break;
      }
      case "global_statement":
      case "delete_statement":
        break;
      default:
        readNested(b, node);
    }
  }
}

function readNested(b: Builder, node: SyntaxNode): void {
  for (const child of node.namedChildren) {
    if (child.type === "block") readModule(b, child, true);
    else if (/_clause$/.test(child.type) || child.type === "case_clause") readNested(b, child);
    if (child.type === "except_clause")
      for (const alias of child.namedChildren.filter((c) => c.type === "as_pattern"))
        for (const id of alias.descendantsOfType("identifier"))
          bind(b, id.text, { kind: "other", line: lineOf(child) });
  }
}

// ---------------------------------------------------------------------------------------------
// Call sites and dynamic references.

const LOCAL_BINDERS = [
  "parameters",
  "lambda_parameters",
  "assignment",
  "augmented_assignment",
  "for_statement",
  "for_in_clause",
  "named_expression",
  "as_pattern_target",
  "global_statement",
  "nonlocal_statement",
  "import_statement",
  "import_from_statement",
  "function_definition",
  "class_definition",
];

/**
 * Names a function, lambda or comprehension may bind locally (nested scopes included: an
 * over-approximation only leaves a call unresolved).
 */
function localNames(scope: SyntaxNode, cache: Map<number, Set<string>>): Set<string> {
  const cached = cache.get(scope.id);
  if (cached) return cached;
  const names = new Set<string>();
  for (const node of scope.descendantsOfType(LOCAL_BINDERS)) {
    switch (node.type) {
      case "function_definition":
      case "class_definition": {
        const name = node.childForFieldName("name");
        if (name) names.add(name.text);
        break;
      }
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
      case "for_in_clause": {
        const left = node.childForFieldName("left");
        if (left) for (const id of left.descendantsOfType("identifier")) names.add(id.text);
        break;
      }
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) names.add(name.text);
        break;
      }
      case "import_statement":
      case "import_from_statement":
        for (const c of node.namedChildren) {
          const alias = c.type === "aliased_import" ? c.childForFieldName("alias") : null;
          names.add(alias ? alias.text : c.text.split(".")[0]!);
        }
        break;
      default:
        // Parameters, `as` targets, global/nonlocal: every identifier they hold.
        for (const id of node.descendantsOfType("identifier")) names.add(id.text);
    }
  }
  cache.set(scope.id, names);
  return names;
}

const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/**
 * Whether the name appears anywhere but as `name.` / `name(` or on a top-level import line:
 * only then can a function rebind it, and the scopes are read.
 */
function mayBeRebound(source: string, name: string, memo: Map<string, boolean>): boolean {
  const known = memo.get(name);
  if (known !== undefined) return known;
  let result = false;
  const pattern = new RegExp(`(?<![\\w.])${name}\\b(?!\\s*[.(])`, "g");
  for (const match of source.matchAll(pattern)) {
    const lineStart = source.lastIndexOf("\n", match.index) + 1;
    if (/^(from|import)\s/.test(source.slice(lineStart, lineStart + 7))) continue;
    result = true;
    break;
  }
  memo.set(name, result);
  return result;
}

function shadowed(call: SyntaxNode, head: string, cache: Map<number, Set<string>>): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (node.type === "function_definition" || node.type === "lambda" || COMPREHENSIONS.has(node.type))
      if (localNames(node, cache).has(head)) return true;
  }
  return false;
}

function enclosingClass(call: SyntaxNode): string | null {
  let fn: SyntaxNode | null = null;
  for (let node = call.parent; node; node = node.parent) {
    if (node.type === "function_definition" && !fn) fn = node;
    else if (node.type === "class_definition") {
      // Only a method directly in the class body (maybe decorated).
      const holder = fn?.parent?.type === "decorated_definition" ? fn.parent : fn;
      return holder?.parent?.parent?.id === node.id ? (node.childForFieldName("name")?.text ?? null) : null;
    } else if (node.type === "lambda" || (node.type === "function_definition" && fn)) return null;
  }
  return null;
}

interface CallScan {
  source: string;
  scopes: Map<number, Set<string>>;
  rebound: Map<string, boolean>;
}

function readCall(call: SyntaxNode, scan: CallScan): CallRecord | null {
  const fn = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!fn || !args || args.type !== "argument_list") return null;
  let positional = 0;
  const keywords: string[] = [];
  let unpacks = false;
  for (const arg of args.namedChildren) {
    if (arg.type === "comment") continue;
    if (arg.type === "keyword_argument") keywords.push(arg.childForFieldName("name")?.text ?? "");
    else if (arg.type === "list_splat" || arg.type === "dictionary_splat") unpacks = true;
    else positional++;
  }
  const base = { line: lineOf(call), column: call.startPosition.column + 1, positional, keywords, unpacks };
  if (fn.type === "attribute") {
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text;
    if (object?.type === "call" && object.childForFieldName("function")?.text === "super" && method) {
      if ((object.childForFieldName("arguments")?.namedChildCount ?? 1) !== 0) return null;
      const className = enclosingClass(call);
      return className ? { ...base, callee: "", superOf: { className, method } } : null;
    }
  }
  const callee = dotted(fn);
  if (!callee) return null;
  const head = callee.split(".")[0]!;
  if (mayBeRebound(scan.source, head, scan.rebound) && shadowed(call, head, scan.scopes)) return null;
  return { ...base, callee };
}

function stringArg(node: SyntaxNode | undefined): string | null {
  if (node?.type !== "string") return null;
  if (node.namedChildren.some((c) => c.type === "interpolation")) return null;
  return node.namedChildren
    .filter((c) => c.type === "string_content")
    .map((c) => c.text)
    .join("");
}

/** `mod.attr = value`: monkeypatching (the target as dotted text). */
function assignedAttributes(assignment: SyntaxNode, refs: string[]): void {
  const left = assignment.childForFieldName("left");
  const targets = left?.type === "pattern_list" ? left.namedChildren : left ? [left] : [];
  for (const t of targets) {
    const name = t.type === "attribute" ? dotted(t) : null;
    if (name) refs.push(name);
  }
}

/**
 * `getattr(mod, "name")`, `setattr(mod, "name", v)`, `monkeypatch.setattr("pkg.mod.name", v)`,
 * `mock.patch("pkg.mod.name")`, `mock.patch.object(mod, "name")`: the name may not be what the
 * index says when it is called.
 */
function reflectedAttribute(call: SyntaxNode, refs: string[]): void {
  const fn = call.childForFieldName("function");
  const callee = fn ? (dotted(fn) ?? "") : "";
  const name = lastPart(callee);
  const patchObject = name === "object" && /(^|\.)patch\.object$/.test(callee);
  if (!["getattr", "setattr", "delattr", "patch"].includes(name) && !patchObject) return;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const object = dotted(args[0] ?? null);
  const attr = stringArg(args[1]);
  if (object && attr && name !== "patch") refs.push(`${object}.${attr}`);
  else if (args[0]?.type === "string" && name !== "getattr") refs.push(stringArg(args[0]) ?? "");
}

/** The first identifier of a callee (`m` in `m.f.g(...)`), without building the dotted name. */
function calleeHead(fn: SyntaxNode): string | null {
  let node: SyntaxNode | null = fn;
  while (node?.type === "attribute") node = node.childForFieldName("object");
  return node?.type === "identifier" ? node.text : null;
}

function isSuperCall(fn: SyntaxNode): boolean {
  if (fn.type !== "attribute") return false;
  const object = fn.childForFieldName("object");
  return object?.type === "call" && object.childForFieldName("function")?.text === "super";
}

/** Index one file's text. Never throws on bad Python: a file with syntax errors is marked. */
export function extractFileIndex(source: string): FileIndex {
  const tree = parsePython(source);
  const root = tree.rootNode;
  const b: Builder = {
    bindings: Object.create(null) as Builder["bindings"],
    imports: [],
    all: null,
    allReadable: true,
    dynamic: false,
  };
  readModule(b, root, false);
  if (/\b(?:globals|vars)\(\s*\)|sys\.modules\[__name__\]/.test(source)) b.dynamic = true;
  // Only calls through a module-level import can reach another module (and super() calls).
  const imported = new Set(
    Object.entries(b.bindings)
      .filter(([, list]) => list.some((x) => x.kind === "import"))
      .map(([name]) => name),
  );
  const reflects = /\b(?:(?:get|set|del)attr|patch|object)\(/.test(source);
  const scan: CallScan = { source, scopes: new Map(), rebound: new Map() };
  const calls: CallRecord[] = [];
  const refs: string[] = [];
  const moduleImports = new Set(b.imports.map((i) => `${i.line}:${i.name}`));
  // One walk for everything read below the module level.
  for (const node of root.descendantsOfType([
    "call",
    "assignment",
    "import_statement",
    "import_from_statement",
    "global_statement",
  ])) {
    if (node.type === "global_statement") {
      // `global name` in a function: the function may bind the name in the module.
      for (const id of node.namedChildren)
        if (id.type === "identifier") bind(b, id.text, { kind: "other", line: lineOf(node) });
    } else if (node.type === "call") {
      const fn = node.childForFieldName("function");
      if (!fn) continue;
      if (reflects) reflectedAttribute(node, refs);
      const head = calleeHead(fn);
      if ((head === null || !imported.has(head)) && !isSuperCall(fn)) continue;
      const record = readCall(node, scan);
      if (record) calls.push(record);
    } else if (node.type === "assignment") {
      assignedAttributes(node, refs);
    } else {
      // Function-level imports are read too: they import names as surely as module-level ones.
      const inner: Builder = {
        bindings: Object.create(null) as Builder["bindings"],
        imports: [],
        all: null,
        allReadable: true,
        dynamic: false,
      };
      readImport(inner, node);
      for (const i of inner.imports) if (!moduleImports.has(`${i.line}:${i.name}`)) b.imports.push(i);
    }
  }
  const index: FileIndex = {
    bindings: b.bindings,
    all: b.allReadable ? b.all : null,
    imports: b.imports,
    calls,
    dynamic: b.dynamic,
    dynamicRefs: refs.filter(Boolean),
    syntaxError: root.hasError,
    bytes: 0,
  };
  index.bytes = estimateBytes(index);
  return index;
}

function estimateBytes(index: FileIndex): number {
  let n = 256;
  for (const list of Object.values(index.bindings)) {
    for (const b of list) {
      n += 96;
      if (b.kind === "function") n += 64 * b.def.params.length;
      if (b.kind === "class") for (const m of Object.values(b.def.methods)) n += 96 + 64 * m.params.length;
    }
  }
  n += 128 * index.imports.length + 112 * index.calls.length + 48 * index.dynamicRefs.length;
  return n;
}

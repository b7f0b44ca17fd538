import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { enclosingFunction, unparenthesize } from "../../src/engine/ast.js";
import type { PythonVersion } from "../../src/engine/types.js";
import { compareVersions, formatVersion, lowestAllowedPython } from "../../src/engine/version.js";

/** Builtin classes that are clearly types in a run-time `X | Y`. */
const BUILTIN_TYPES = new Set([
  "int",
  "str",
  "float",
  "bool",
  "bytes",
  "bytearray",
  "complex",
  "list",
  "dict",
  "set",
  "frozenset",
  "tuple",
  "type",
  "object",
  "memoryview",
  "range",
  "slice",
]);

/** `typing.Optional`, `collections.abc.Sequence`: a name a typing module defines (not `Sequence.__flags__`). */
const TYPE_MODULES = /^(typing|typing_extensions|collections\.abc|types)\.[A-Za-z_]\w*$/;

interface Construct {
  /** What the message calls it. */
  name: string;
  version: PythonVersion;
}

const CONSTRUCTS = {
  walrus: { name: "The assignment expression `:=`", version: [3, 8] },
  fstringDebug: { name: 'The f-string `=` specifier (`f"{x=}"`)', version: [3, 8] },
  positionalOnly: { name: "A positional-only parameter marker `/`", version: [3, 8] },
  parenthesizedWith: { name: "A parenthesised `with (... as ...)`", version: [3, 9] },
  match: { name: "The `match` statement", version: [3, 10] },
  union: { name: "A run-time `X | Y` union of types", version: [3, 10] },
  exceptStar: { name: "`except*`", version: [3, 11] },
  typeParameters: { name: "A type parameter list (PEP 695)", version: [3, 12] },
  typeAlias: { name: "The `type` alias statement", version: [3, 12] },
  fstring: { name: "This f-string (quotes, backslash or comment inside `{}`, PEP 701)", version: [3, 12] },
  tstring: { name: 'A template string `t"..."`', version: [3, 14] },
} satisfies Record<string, Construct>;

type Kind = keyof typeof CONSTRUCTS;

/** `from __future__ import annotations` anywhere at the top of the module. */
function hasFutureAnnotations(root: SyntaxNode): boolean {
  for (const statement of root.namedChildren) {
    if (statement.type !== "future_import_statement" && statement.type !== "import_from_statement") continue;
    if (!/^from\s+__future__\s+import\b/.test(statement.text)) continue;
    if (/\bannotations\b/.test(statement.text)) return true;
  }
  return false;
}

/** Whether a `|` node sits where Python evaluates it, and if so whether inside an annotation. */
function evaluation(node: SyntaxNode, futureAnnotations: boolean): "runtime" | "annotation" | null {
  let top: SyntaxNode | null = null;
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === "type") top = cur;
    else if (cur.type === "type_alias_statement") return null;
    // PEP 695 bounds are evaluated lazily (and need 3.12 anyway).
    else if (cur.type === "type_parameter" && /^(function|class)_definition$/.test(cur.parent?.type ?? "")) return null;
    else if (cur.type === "block" || cur.type === "module") break;
  }
  if (!top) return "runtime";
  const owner = top.parent;
  if (!owner || futureAnnotations) return null;
  // Parameter and return annotations are evaluated when `def` runs.
  if (owner.type === "typed_parameter" || owner.type === "typed_default_parameter")
    return owner.parent?.parent?.type === "function_definition" ? "annotation" : null;
  if (owner.type === "function_definition") return "annotation";
  // A variable annotation is evaluated at module and class level, not inside a function.
  if (owner.type === "assignment") return enclosingFunction(owner) ? null : "annotation";
  return null;
}

/** Code that never runs on an old Python: `if TYPE_CHECKING:`, version checks, `try: ... except TypeError:`. */
function guarded(node: SyntaxNode): boolean {
  for (let cur: SyntaxNode | null = node; cur?.parent; cur = cur.parent) {
    const parent = cur.parent;
    if (parent.type === "if_statement" || parent.type === "elif_clause" || parent.type === "conditional_expression") {
      const condition = parent.type === "conditional_expression" ? parent : parent.childForFieldName("condition");
      if (condition && /TYPE_CHECKING|version_info|PY3\d|PY_?3|PYTHON_?3/.test(condition.text)) return true;
    }
    if (parent.type === "try_statement" && parent.childForFieldName("body")?.id === cur.id) {
      const handlers = parent.namedChildren.filter((c) => c.type === "except_clause");
      const catches = (h: SyntaxNode): boolean => {
        const header = h.text.slice(0, h.text.indexOf(":"));
        return /^except\s*$/.test(header) || /\b(TypeError|Exception|BaseException)\b/.test(header);
      };
      if (handlers.some(catches)) return true;
    }
  }
  return false;
}

const PYPROJECT_38 = '[project]\nname = "example"\nversion = "1.0"\nrequires-python = ">=3.8"\n';

/**
 * The lowest Python the code must run on: the target Python (config, else `requires-python`),
 * or lower when the root `pyproject.toml` still lets installers pick an older one.
 */
function lowestSupported(ctx: CheckContext): { version: PythonVersion; source: string } {
  const project = ctx.project?.pyproject?.data?.["project"];
  const spec =
    project && typeof project === "object" ? (project as Record<string, unknown>)["requires-python"] : undefined;
  const declared = typeof spec === "string" ? lowestAllowedPython(spec) : null;
  if (declared && compareVersions(declared, ctx.python) <= 0)
    return { version: declared, source: "`requires-python` allows" };
  return { version: ctx.python, source: "the project targets" };
}

export default defineCheck({
  id: "syntax-newer-than-requires-python",
  codes: [],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "Syntax the project's lowest supported Python cannot run.",
    why: "The lowest Python that `requires-python` allows (or the configured target) is a promise that the code runs there. A `match` statement (3.10), `:=` (3.8), `except*` (3.11), PEP 695 `def f[T]()` / `type X = ...` (3.12), a parenthesised `with (a as b, c as d):` (3.9), positional-only `/` (3.8), quotes reused inside an f-string (3.12), a t-string (3.14) or an `int | None` evaluated at run time (3.10) makes the module fail with `SyntaxError` or `TypeError` there, usually only in a CI job nobody watches. Either raise `requires-python` or write the older form. Each construct is reported once per file, at its first use.",
    bad: 'def handle(command):\n    match command:\n        case "start":\n            return 1\n        case _:\n            return 0\n',
    good: 'def handle(command):\n    if command == "start":\n        return 1\n    return 0\n',
    differences:
      "Not run at all when no target is known (no `python` in the config, no `requires-python` in pyproject.toml, setup.cfg, setup.py or the installed package metadata): peptalk does not assume one. The lowest version is the target Python, or the root `pyproject.toml`'s `requires-python` when that allows an older one. A parenthesised `with` is reported below Python 3.9, whose parser already accepts it (documented from 3.10). `X | Y` is reported only where it is evaluated (not in string annotations, not under `from __future__ import annotations`, not in function-local variable annotations, not under `if TYPE_CHECKING:` or a version check) and when both sides are clearly types. `.pyi` stubs and modules named for a newer Python (`_compat_py310.py`) are not judged below that version.",
  },
  docsContext: {
    bad: { path: "pkg/example.py", project: { files: { "pyproject.toml": PYPROJECT_38 } } },
    good: { path: "pkg/example.py", project: { files: { "pyproject.toml": PYPROJECT_38 } } },
  },
  create(ctx): Visitors {
    if (ctx.path.endsWith(".pyi")) return {};
    // A module named for a newer Python (`_compat_py310.py`) is imported only there.
    const named = /py(?:thon)?_?3_?(\d{1,2})(?!\d)/i.exec(ctx.path.slice(ctx.path.lastIndexOf("/") + 1));
    const { version: lowest, source } = lowestSupported(ctx);
    const floor: PythonVersion = named ? [3, Math.max(Number(named[1]), lowest[1])] : lowest;
    if (lowest[0] !== 3 || floor[1] >= 14) return {};
    const reported = new Set<Kind>();
    const report = (kind: Kind, range: SyntaxNode | { start: number; end: number }, detail = ""): void => {
      const construct: Construct = CONSTRUCTS[kind];
      if (reported.has(kind) || compareVersions(floor, construct.version) >= 0) return;
      reported.add(kind);
      const spec = "startIndex" in range ? { node: range } : { range };
      ctx.report({
        ...spec,
        message: `${construct.name} needs Python ${formatVersion(construct.version)}, but ${source} Python ${formatVersion(lowest)}${detail}`,
      });
    };
    const needs = (kind: Kind): boolean => !reported.has(kind) && compareVersions(floor, CONSTRUCTS[kind].version) < 0;
    let futureAnnotations: boolean | null = null;

    const moduleClasses = new Set<string>();
    for (const statement of ctx.tree.rootNode.namedChildren) {
      const def = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
      if (def?.type === "class_definition") moduleClasses.add(def.childForFieldName("name")?.text ?? "");
    }

    /** A name or attribute that is certainly a type (in an annotation, any name is). */
    const isNamedType = (n: SyntaxNode, annotation: boolean): boolean => {
      if (annotation) return true;
      if (n.type === "identifier" && BUILTIN_TYPES.has(n.text) && ctx.isBuiltin(n)) return true;
      if (n.type === "identifier" && moduleClasses.has(n.text)) {
        const binding = ctx.names.lookup(n.text, n);
        return binding?.kind === "local" && binding.node.parent?.type === "class_definition";
      }
      const name = ctx.qualifiedName(n);
      return !!name && TYPE_MODULES.test(name);
    };
    /** A node's verdict (a leaf) or the operands that must all be types. */
    const typeParts = (raw: SyntaxNode, annotation: boolean): boolean | SyntaxNode[] => {
      let n = unparenthesize(raw);
      if (n.type === "type") n = n.namedChild(0) ?? n;
      switch (n.type) {
        case "none":
          return true;
        case "binary_operator":
          return isUnion(n) && n.namedChildren.filter((c) => c.type !== "comment");
        case "union_type":
          return [...n.namedChildren];
        case "identifier":
        case "attribute":
          return isNamedType(n, annotation);
        case "subscript": {
          const value = n.childForFieldName("value");
          return value ? [value] : false;
        }
        case "generic_type": {
          const head = n.namedChild(0);
          return head ? [head] : false;
        }
        default:
          return false;
      }
    };
    // Verdicts by node, so that each `|` of a long chain (each is visited) is judged once, and
    // computed without recursion: a chain can be 20,000 operators deep.
    const typeVerdicts = new Map<number, boolean>();
    /** An operand of `|` that is certainly a type. */
    const isType = (root: SyntaxNode, annotation: boolean): boolean => {
      const key = (n: SyntaxNode): number => n.id * 2 + (annotation ? 1 : 0);
      const pending: { node: SyntaxNode; parts: SyntaxNode[] | null }[] = [{ node: root, parts: null }];
      while (pending.length > 0) {
        const top = pending[pending.length - 1]!;
        if (typeVerdicts.has(key(top.node))) {
          pending.pop();
          continue;
        }
        if (top.parts) {
          pending.pop();
          typeVerdicts.set(
            key(top.node),
            top.parts.every((p) => typeVerdicts.get(key(p))),
          );
          continue;
        }
        const parts = typeParts(top.node, annotation);
        if (typeof parts === "boolean") {
          pending.pop();
          typeVerdicts.set(key(top.node), parts);
          continue;
        }
        top.parts = parts;
        for (const part of parts) if (!typeVerdicts.has(key(part))) pending.push({ node: part, parts: null });
      }
      return typeVerdicts.get(key(root))!;
    };
    const isUnion = (n: SyntaxNode): boolean => n.childForFieldName("operator")?.type === "|";

    // Where a `|` is evaluated and whether it is guarded depend only on its ancestors; an
    // operand of another `|` shares them with it, so a long chain walks up once, not per operator.
    const contexts = new Map<number, { where: "runtime" | "annotation" | null; guarded?: boolean }>();
    const enclosingUnion = (node: SyntaxNode): SyntaxNode | null => {
      let parent = node.parent;
      while (parent?.type === "parenthesized_expression") parent = parent.parent;
      return parent?.type === "binary_operator" ? parent : null;
    };
    const judgeUnion = (node: SyntaxNode): void => {
      if (!needs("union")) return;
      futureAnnotations ??= hasFutureAnnotations(ctx.tree.rootNode);
      const outer = enclosingUnion(node);
      const inherited = outer ? contexts.get(outer.id) : undefined;
      const context = inherited ? { ...inherited } : { where: evaluation(node, futureAnnotations) };
      contexts.set(node.id, context);
      const where = context.where;
      if (!where) return;
      const operands =
        node.type === "union_type"
          ? node.namedChildren
          : [node.childForFieldName("left"), node.childForFieldName("right")];
      if (!operands.every((o) => o && isType(o, where === "annotation"))) return;
      context.guarded ??= guarded(node);
      if (context.guarded) return;
      report(
        "union",
        node,
        where === "annotation"
          ? ": use `Optional[...]` / `Union[...]`, or add `from __future__ import annotations`"
          : ": use `Optional[...]` / `Union[...]` (or a tuple in `isinstance`)",
      );
    };

    const quoteOf = (string: SyntaxNode): string | null => {
      const start = string.child(0);
      if (!start || start.type !== "string_start") return null;
      const m = /("""|'''|"|')$/.exec(start.text);
      return m ? m[1]! : null;
    };

    const text = ctx.source;
    const visitors: Visitors = {
      named_expression(node) {
        // tree-sitter reads `f"{x:=10}"` (format spec `=10`) as a walrus; a real one is parenthesised there.
        if (node.parent?.type === "interpolation") return;
        report("walrus", node);
      },
      positional_separator(node) {
        report("positionalOnly", node);
      },
      match_statement(node) {
        report("match", node.child(0) ?? node);
      },
      type_alias_statement(node) {
        // tree-sitter also reads `type(self).x = 1` as an alias: require `type Name[...] = ...`.
        const left = node.childForFieldName("left")?.namedChild(0);
        const name = left?.type === "generic_type" ? left.namedChild(0) : left;
        if (name?.type !== "identifier" || !/^type\s+[A-Za-z_]\w*\s*[[=]/.test(node.text)) return;
        report("typeAlias", node.child(0) ?? node);
      },
    };
    // The common node types are subscribed only when the text can hold the construct:
    // every `string` or `binary_operator` of a file would otherwise cross into JavaScript.
    if (/with\s*\(/.test(text))
      visitors["with_clause"] = (node) => {
        if (!needs("parenthesizedWith")) return;
        const first = node.child(0);
        // `with (a as b, c as d):` — several items inside the clause's own parentheses.
        if (first?.type === "(") {
          const items = node.namedChildren.filter((c) => c.type === "with_item");
          if (items.some((i) => i.childForFieldName("value")?.type === "as_pattern")) report("parenthesizedWith", node);
          return;
        }
        // `with (a as b):` — one item, an `as` inside the parentheses.
        const items = node.namedChildren.filter((c) => c.type === "with_item");
        const value = items.length === 1 ? items[0]!.childForFieldName("value") : null;
        if (value?.type === "parenthesized_expression" && value.namedChildren.some((c) => c.type === "as_pattern"))
          report("parenthesizedWith", node);
      };
    if (needs("union") && text.includes("|")) {
      visitors["binary_operator"] = (node) => {
        if (isUnion(node)) judgeUnion(node);
      };
      visitors["union_type"] = judgeUnion;
    }
    if (needs("exceptStar") && /except\s*\*/.test(text))
      visitors["except_clause"] = (node) => {
        const star = node.children.find((c) => c.type === "*");
        if (star && star.startIndex < (node.namedChildren[0]?.startIndex ?? Infinity))
          report("exceptStar", { start: node.startIndex, end: star.endIndex });
      };
    if (needs("typeParameters") && /(def|class)\s+\w+\s*\[/.test(text)) {
      const typeParameters = (node: SyntaxNode): void => {
        const params = node.childForFieldName("type_parameters");
        if (params) report("typeParameters", params);
      };
      visitors["function_definition"] = typeParameters;
      visitors["class_definition"] = typeParameters;
    }
    // f-strings and t-strings: only files with such a prefix before a quote.
    if (/(?<![\w'"])[rRbB]?[fFtT][rR]?['"]/.test(text))
      visitors["string"] = (node) => {
        const start = node.child(0);
        if (!start || start.type !== "string_start") return;
        const prefix = start.text.replace(/['"]+$/, "");
        if (/[tT]/.test(prefix)) {
          report("tstring", node);
          return;
        }
        if (!/[fF]/.test(prefix)) return;
        if (needs("fstringDebug")) {
          const debug = node.namedChildren.find(
            (c) => c.type === "interpolation" && c.children.some((t) => t.type === "="),
          );
          if (debug) report("fstringDebug", debug);
        }
        if (!needs("fstring")) return;
        const quote = quoteOf(node);
        if (!quote) return;
        for (const field of node.namedChildren) {
          if (field.type !== "interpolation") continue;
          const expression = field.childForFieldName("expression");
          const inner = field.descendantsOfType("string").some((s) => {
            const q = quoteOf(s);
            return !!q && (quote.length === 3 ? q === quote : q[0] === quote);
          });
          const backslash = !!expression && expression.text.includes("\\");
          const comment = field.descendantsOfType("comment").length > 0;
          if (inner || backslash || comment) {
            report("fstring", node);
            return;
          }
        }
      };
    return visitors;
  },
});

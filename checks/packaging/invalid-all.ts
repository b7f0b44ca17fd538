import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { allDefinitions } from "./undefined-name-in-all.js";
import { quoteCode } from "../../src/engine/quote.js";

function shown(node: SyntaxNode): string {
  return quoteCode(node.text, 40);
}

function objectMessage(element: SyntaxNode): string {
  if (element.type === "string" || element.type === "concatenated_string")
    return `${shown(element)} in \`__all__\` is bytes, not a string: a star import of this module raises \`TypeError\``;
  const hint = element.type === "identifier" ? `; write \`"${element.text}"\`` : "";
  return `${shown(element)} in \`__all__\` is not a string: a star import of this module raises \`TypeError\`${hint}`;
}

function formatMessage(value: SyntaxNode): string {
  if (value.type === "string" || value.type === "concatenated_string")
    return `\`__all__\` is a string, not a list or tuple: a star import of this module would look up each character as a name`;
  return `\`__all__\` must be a list or tuple of names, not ${shown(value)}`;
}

/** Literals that are never a `str`. */
const NOT_STRING = new Set([
  "integer",
  "float",
  "true",
  "false",
  "none",
  "list",
  "tuple",
  "dictionary",
  "set",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
  "lambda",
]);

/** Values that are never a list or tuple. */
const NOT_SEQUENCE = new Set([
  "string",
  "concatenated_string",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "dictionary",
  "set",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
  "lambda",
]);

/** An element that is certainly not a string: a non-string literal, bytes, or a def/class name. */
function certainlyNotString(ctx: CheckContext, raw: SyntaxNode): boolean {
  const node = unparenthesize(raw);
  if (NOT_STRING.has(node.type)) return true;
  if (node.type === "string" || node.type === "concatenated_string") {
    // bytes are not names; f-strings are strings all the same.
    const first = node.type === "string" ? node : node.namedChild(0);
    return /[bB]/.test(first?.child(0)?.text.replace(/['"]+$/, "") ?? "");
  }
  if (node.type === "identifier") {
    // `__all__ = [load, dump]`: the names were meant in quotes (a variable could hold a string).
    const binding = ctx.names.module.get(node.text);
    if (!binding) return true;
    return binding.kind === "local" && /^(function|class)_definition$/.test(binding.node.parent?.type ?? "");
  }
  return false;
}

/** A value (or `+` operand) that is certainly not a list or tuple. */
function certainlyNotSequence(ctx: CheckContext, raw: SyntaxNode): boolean {
  const node = unparenthesize(raw);
  // `["a"] * 2` is a list all the same: only `+` operands are judged one by one.
  const parent = raw.parent?.type === "binary_operator" ? raw.parent : null;
  if (parent && parent.childForFieldName("operator")?.type !== "+") return false;
  if (NOT_SEQUENCE.has(node.type)) return true;
  if (node.type === "conditional_expression") {
    const branches = node.namedChildren.filter((c) => c.type !== "comment");
    return [branches[0], branches[2]].some((b) => !!b && certainlyNotSequence(ctx, b));
  }
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    return !!fn && ["set", "frozenset", "dict", "str", "bytes", "int"].some((name) => ctx.isBuiltin(fn, name));
  }
  return false;
}

export default defineCheck({
  id: "invalid-all",
  codes: ["PLE0604", "PLE0605"],
  pylint: ["invalid-all-object", "invalid-all-format"],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`__all__` that is not a list or tuple of string literals.",
    why: "`from module import *` needs `__all__` to be a sequence of names: a bare string exports each character, and a non-string element raises `TypeError`. Linters, type checkers and documentation tools read the names statically, so `__all__` should be a list or tuple of string literals, extended with `+=`, `.extend()`, `.append()` or `+ other.__all__`. PLE0604 is an element that is not a string literal; PLE0605 is a value that is not a list or tuple.",
    bad: '__all__ = ("load")\n\n\ndef load():\n    pass\n',
    good: '__all__ = ("load",)\n\n\ndef load():\n    pass\n',
    differences:
      "Ruff reports every value it cannot read statically (`__all__ = names`, `__all__ += other`, `sorted([...])`, `[*names]`, f-strings); peptalk reports only what is certainly wrong: a value that is never a list or tuple (a string, number, set, dict, generator, ...) and an element that is never a string (a number, `None`, bytes, a container, or the bare name of a function or class, or an undefined name).",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("__all__")) return {};
    return {
      module() {
        for (const def of allDefinitions(ctx)) {
          if (def.kind !== "assign" && def.kind !== "augment") continue;
          const element = def.invalidObjects.find((e) => certainlyNotString(ctx, e));
          if (element) ctx.report({ node: def.target, code: "PLE0604", message: objectMessage(element) });
          const value = def.invalidFormats.find((v) => certainlyNotSequence(ctx, v));
          if (value) ctx.report({ node: def.target, code: "PLE0605", message: formatMessage(value) });
        }
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type FixSpec } from "../../src/engine/check.js";
import { hasComment, unparenthesize } from "../../src/engine/ast.js";
import { comparisonLinks, literalComparisons, type ComparisonLink } from "../../src/engine/comparisons.js";
import { isConstantLiteral } from "../../src/engine/literals.js";
import { visibleBindings } from "../../src/engine/bindings.js";

// Builtins that always return a bool.
const BOOL_BUILTINS = new Set(["isinstance", "issubclass", "hasattr", "callable", "bool", "all", "any"]);
// Comparisons that always produce a bool, whatever the operands' `__eq__` does.
const BOOL_OPERATORS: Record<string, string> = { in: "not in", "not in": "in", is: "is not", "is not": "is" };

function isBoolLiteral(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  return n.type === "true" || n.type === "false";
}

/** The kind of an expression certain to evaluate to a bool, or null when it may be anything. */
function boolKind(ctx: CheckContext, node: SyntaxNode): "not" | "comparison" | "call" | null {
  if (node.type === "not_operator") return "not";
  if (node.type === "comparison_operator")
    return comparisonLinks(node).every((l) => l.operator in BOOL_OPERATORS) ? "comparison" : null;
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    return fn && [...BOOL_BUILTINS].some((name) => ctx.isBuiltin(fn, name)) ? "call" : null;
  }
  return null;
}

/** The operand as the message quotes it: on one line, parenthesized after `not` when it is loose. */
function operandText(ctx: CheckContext, node: SyntaxNode): string {
  const n = unparenthesize(node);
  const text = ctx.text(n).replace(/\s*\n\s*/g, " ");
  return n.type === "comparison_operator" || n.type === "boolean_operator" ? `(${text})` : text;
}

/** A parameter that defaults to `True`/`False` or is annotated `bool`: a flag by declaration. */
function isBoolParameter(id: SyntaxNode): boolean {
  const p = id.parent;
  if (!p) return false;
  if (p.type === "default_parameter") return isBoolLiteral(p.childForFieldName("value") ?? p);
  if (p.type === "typed_default_parameter" || p.type === "typed_parameter") {
    const type = p.childForFieldName("type");
    const value = p.childForFieldName("value");
    return type?.text === "bool" || (value !== null && isBoolLiteral(value));
  }
  return false;
}

/**
 * The function treats the parameter as something else too: calls it, tests `callable(p)` /
 * `isinstance(p, ...)`, compares it with `None` (`cse=False` that may also be a callable).
 */
function usedAsNonBool(ctx: CheckContext, param: SyntaxNode): boolean {
  let def: SyntaxNode | null = param.parent;
  while (def && def.type !== "function_definition") def = def.parent;
  const body = def?.childForFieldName("body");
  if (!body) return true;
  const name = param.text;
  const pattern = new RegExp(
    `\\b(?:callable|isinstance|len|iter)\\(\\s*${name}\\b|(?<![.\\w])${name}\\s*\\(|(?<![.\\w])${name}\\s+is\\s+(?:not\\s+)?None|(?<![.\\w])${name}\\s*[=!]=\\s*(?!True\\b|False\\b)\\S|(?<![.\\w])${name}\\s*\\[|(?<![.\\w])${name}\\.\\w`,
  );
  return pattern.test(ctx.text(body));
}

/** Whether a value is certainly a plain bool: a bool expression, or a flag only ever set to one. */
function isKnownBool(ctx: CheckContext, node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (boolKind(ctx, n)) return true;
  if (n.type === "identifier") {
    const found = visibleBindings(ctx, n);
    return (
      !!found &&
      found.sites.every((s) =>
        s.value
          ? isBoolLiteral(s.value) || boolKind(ctx, s.value) !== null
          : isBoolParameter(s.id) && !usedAsNonBool(ctx, s.id),
      )
    );
  }
  if (n.type === "attribute" && n.childForFieldName("object")?.text === "self") return selfFlag(n);
  return false;
}

/** `self.flag` when every assignment to it in the class sets `True` or `False`. */
function selfFlag(attribute: SyntaxNode): boolean {
  let klass: SyntaxNode | null = attribute.parent;
  while (klass && klass.type !== "class_definition") klass = klass.parent;
  if (!klass) return false;
  let assigned = 0;
  let onlyBools = true;
  for (const a of klass.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = a.childForFieldName("left");
    if (left?.text !== attribute.text) continue;
    const right = a.childForFieldName("right");
    assigned++;
    if (a.type !== "assignment" || !right || !isBoolLiteral(right)) onlyBools = false;
  }
  return assigned > 0 && onlyBools;
}

/**
 * `x == True` → `x` and `x == False` → `not x`, only when `x` is certainly a bool: for other
 * values the rewrite changes the result (`2 == True` is false, `2` is truthy).
 */
function boolFix(ctx: CheckContext, node: SyntaxNode, link: ComparisonLink, negated: boolean): FixSpec | null {
  if (comparisonLinks(node).length !== 1 || hasComment(node)) return null;
  // `not x == True` → `not not x` reads worse than the original: report only.
  if (node.parent?.type === "not_operator") return null;
  const operand = unparenthesize(link.other);
  const kind = boolKind(ctx, operand);
  if (!kind) return null;
  let replacement: string;
  let unsafeReason: string | undefined;
  if (!negated) replacement = ctx.text(operand);
  else if (kind === "not") {
    const argument = operand.childForFieldName("argument");
    if (!argument) return null;
    replacement = ctx.text(argument);
    // `(not x) != True` is `bool(x)`; `x` alone is only the same where its truth is what counts.
    if (!boolKind(ctx, unparenthesize(argument)))
      unsafeReason = `the result would be \`${replacement.length > 30 ? "the operand" : replacement}\` itself, not a bool`;
  } else if (kind === "comparison") {
    // `(k in d) == False` → `k not in d`; chains are left alone.
    const links = comparisonLinks(operand);
    if (links.length !== 1) return null;
    const op = links[0]!.operatorNode;
    replacement =
      ctx.text({ start: operand.startIndex, end: op.startIndex }) +
      BOOL_OPERATORS[links[0]!.operator]! +
      ctx.text({ start: op.endIndex, end: operand.endIndex });
  } else replacement = `not ${ctx.text(operand)}`;
  return {
    title: negated ? `Replace with \`${replacement}\`` : "Remove the comparison",
    edits: [ctx.edits.replace(node, replacement)],
    ...(unsafeReason ? { safety: "unsafe" as const, unsafeReason } : {}),
  };
}

export default defineCheck({
  id: "bool-comparison",
  codes: ["E712"],
  pylint: ["singleton-comparison"],
  category: "idioms",
  severity: "warning",
  type: "taste",
  fix: "sometimes",
  docs: {
    summary: "Comparison to `True` or `False` with `==` or `!=`.",
    why: "`if ready == True:` says the same as `if ready:` with more noise, and `== True` is also true for `1` and `1.0`. Test the value's truth directly, or use `is True` when only the bool will do.",
    bad: "def run(ready=False):\n    if ready == True:\n        start()\n",
    good: "def run(ready=False):\n    if ready:\n        start()\n",
    fixSafety:
      "Rewrites `x == True` as `x` and `x == False` as `not x` only when `x` is certainly a bool: a `not` expression, an `in`/`is` test, or a call to the builtin `isinstance`, `issubclass`, `hasattr`, `callable`, `bool`, `all` or `any`. A bool compares with `True`/`False` exactly as its truth, so the fix is safe, except for `(not x) != True` → `x` where `x` is not certainly a bool: that yields `x` itself rather than `bool(x)`, so it is unsafe.",
    differences:
      "Ruff reports every comparison with `True`/`False`; peptalk only those whose operand is certainly a plain bool (a `not`, an `in`/`is` test, a bool builtin, a name or `self` attribute only ever set to `True`/`False`, a parameter defaulting to one or annotated `bool` that the function uses only as a flag), and not in a chain (`a == (not b) == True` asserts `not b` too). Elsewhere `== True` is often deliberate: a value that may be `None` (three-valued results), a port number or a flag, or a symbolic/array comparison whose `bool()` raises. Ruff offers its fix on every such comparison and marks it unsafe (`__eq__` may be overloaded); peptalk offers one only where the operand is certainly a bool, because `2 == True` is false while `2` is truthy, and then the fix cannot change the result.",
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        // `0 == False` compares two constants on purpose (tests of bool semantics do it); Ruff agrees.
        const links = literalComparisons(node, ["==", "!="], isBoolLiteral).filter((l) => !isConstantLiteral(l.other));
        if (links.length === 0) return;
        const link = links[0]!;
        // `a == (not b) == True` also asserts `not b` itself: dropping `== True` changes the claim.
        if (comparisonLinks(node).length > 1) return;
        // Only a value certain to be a plain bool: `== True` on anything else is often on purpose
        // (three-valued `None`/`True`/`False` results, a port-or-flag, a symbolic or array
        // comparison whose `bool()` raises), and `if x:` would not mean the same.
        if (!isKnownBool(ctx, link.other)) return;
        const negated = (link.operator === "!=") !== (unparenthesize(link.literal).type === "false");
        const fix = boolFix(ctx, node, link, negated);
        // Quote what to write: the fix's text when there is one, else the operand (negated).
        const instead = fix?.edits[0]?.text ?? `${negated ? "not " : ""}${operandText(ctx, link.other)}`;
        ctx.report({
          node,
          message: `Comparison to \`${unparenthesize(link.literal).text}\` with \`${link.operator}\`: test \`${instead}\` directly`,
          fix,
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type EditSpec, type Visitors } from "../../src/engine/check.js";
import { callArguments, stringLiteralValue, unparenthesize } from "../../src/engine/ast.js";

/** The value of a plain str literal (implicitly concatenated parts too), or null. */
function strValue(node: SyntaxNode): string | null {
  const parts = node.type === "concatenated_string" ? node.namedChildren.filter((c) => c.type !== "comment") : [node];
  let value = "";
  for (const part of parts) {
    if (part.type !== "string" || /[bBfFtT]/.test(part.child(0)?.text ?? "")) return null;
    const text = stringLiteralValue(part);
    if (text === null) return null;
    value += text;
  }
  return value;
}

/** pytest's own split: `[x.strip() for x in argnames.split(",") if x.strip()]`. */
function splitNames(names: string): string[] {
  return names
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function elements(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => c.type !== "comment");
}

function quoteOf(node: SyntaxNode): string {
  const start = (node.type === "concatenated_string" ? node.namedChild(0) : node)?.child(0)?.text ?? '"';
  return start.includes("'") ? "'" : '"';
}

/**
 * `[(1,), (2,)]` → edits unpacking each single-element row; null when a row is anything but a
 * one-element tuple/list or `pytest.param(...)` (which pytest reads the same either way).
 */
function unpackRows(ctx: CheckContext, values: SyntaxNode): EditSpec[] | null {
  const node = unparenthesize(values);
  if (node.type !== "list" && node.type !== "tuple") return null;
  const edits: EditSpec[] = [];
  for (const row of elements(node)) {
    if (row.type === "call") {
      const fn = row.childForFieldName("function");
      if (fn && ctx.qualifiedName(fn) === "pytest.param") continue;
      return null;
    }
    if (row.type !== "tuple" && row.type !== "list") return null;
    const items = elements(row);
    if (items.length !== 1 || items[0]!.type === "list_splat" || row.descendantsOfType("comment").length > 0)
      return null;
    edits.push(ctx.edits.replace(row, ctx.text(items[0]!)));
  }
  return edits;
}

export default defineCheck({
  id: "parametrize-names-type",
  codes: ["PT006"],
  category: "testing",
  severity: "info",
  type: "taste",
  fix: "sometimes",
  appliesTo: "tests",
  docs: {
    summary:
      'The names argument of `@pytest.mark.parametrize` in the wrong shape: `"a,b"` or `["a", "b"]` for several names, `("a",)` for one.',
    why: "One spelling for argument names keeps parametrized tests uniform and easy to scan: a tuple of strings for several names (it matches the tuples of values below it), a plain string for a single name. A comma-separated string hides the names in one literal, and a one-element tuple forces every value into a one-element tuple too.",
    bad: "import pytest\n\n@pytest.mark.parametrize('text,expected', [('1 + 2', 3), ('2 * 3', 6)])\ndef test_eval(text, expected):\n    assert evaluate(text) == expected\n",
    good: "import pytest\n\n@pytest.mark.parametrize(('text', 'expected'), [('1 + 2', 3), ('2 * 3', 6)])\ndef test_eval(text, expected):\n    assert evaluate(text) == expected\n",
    fixSafety:
      'Safe: rewrites `"a,b"` and `["a", "b"]` as `("a", "b")`, which pytest reads the same (same arguments, same test ids). A one-element `("a",)` becomes `"a"` only when every row of values is written out as a one-element tuple or list (unpacked in the same fix) or a `pytest.param(...)`; values held in a variable leave the fix out. Ruff marks its PT006 fixes unsafe because it also rewrites that last case (the test would receive tuples) and may drop comments; peptalk offers neither.',
    differences:
      'Ruff reports this in any file; peptalk looks at test files only. Ruff also rewrites `("a",)` to `"a"` when the values are a variable, which changes what the test receives (a tuple instead of its element); peptalk reports without a fix there.',
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("parametrize")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || !fn.text.endsWith("parametrize") || ctx.qualifiedName(fn) !== "pytest.mark.parametrize") return;
        const { positional, keywords } = callArguments(call);
        const namesArg = positional[0] ?? keywords.get("argnames");
        const valuesArg = positional[1] ?? keywords.get("argvalues");
        if (!namesArg || !valuesArg) return;
        const names = unparenthesize(namesArg);
        const str = strValue(names);
        if (str !== null) {
          const split = splitNames(str);
          if (split.length <= 1) return;
          // Ruff's range includes the parentheses around the string.
          let fix = null;
          const q = quoteOf(names);
          if (
            split.every((n) => !n.includes(q) && !n.includes("\\")) &&
            namesArg.descendantsOfType("comment").length === 0
          ) {
            const tuple = `(${split.map((n) => `${q}${n}${q}`).join(", ")})`;
            fix = { title: "Use a tuple of names", edits: [ctx.edits.replace(namesArg, tuple)] };
          }
          ctx.report({
            node: namesArg,
            message: '`parametrize` names as a comma-separated string: use a tuple of strings, `("a", "b")`',
            fix,
          });
          return;
        }
        if (names.type !== "tuple" && names.type !== "list") return;
        const items = elements(names);
        if (items.length === 1) {
          const only = items[0]!;
          const value = strValue(only);
          let fix = null;
          const rows = unpackRows(ctx, valuesArg);
          if (
            value !== null &&
            splitNames(value).length === 1 &&
            !value.includes(",") &&
            rows &&
            names.descendantsOfType("comment").length === 0
          )
            fix = {
              title: "Use a plain string for the one name",
              edits: [ctx.edits.replace(names, ctx.text(only)), ...rows],
            };
          ctx.report({
            node: names,
            message: `\`parametrize\` with one name in a ${names.type}: use a plain string`,
            fix,
          });
          return;
        }
        if (names.type === "list") {
          const open = names.child(0);
          const close = names.child(names.childCount - 1);
          const fix =
            open?.type === "[" && close?.type === "]"
              ? { title: "Use a tuple of names", edits: [ctx.edits.replace(open, "("), ctx.edits.replace(close, ")")] }
              : null;
          ctx.report({ node: names, message: "`parametrize` names in a list: use a tuple of strings", fix });
        }
      },
    };
  },
});

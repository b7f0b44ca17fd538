import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { anyWithin } from "../../src/engine/text.js";

/** A string literal with no interpolation (or a concatenation of them). */
function isConstantString(node: SyntaxNode): boolean {
  if (node.type === "concatenated_string") return node.namedChildren.every(isConstantString);
  return node.type === "string" && !node.namedChildren.some((c) => c.type === "interpolation");
}

/** The nearest function body, or the module: where a name passed to `eval`/`exec` was bound. */
function scopeText(source: string, node: SyntaxNode): string {
  let cur = node.parent;
  while (cur && cur.type !== "function_definition" && cur.type !== "module") cur = cur.parent;
  return cur ? source.slice(cur.startIndex, cur.endIndex) : source;
}

function escape(name: string): string {
  return name.replace(/[^\w]/gu, "\\$&");
}

/** `compile(...)`, `ast.parse`'d and compiled, a function's `__code__`: code the program built itself. */
const COMPILED = /^(?:[\w.]+\.)?compile\s*\(|\.__code__$|^(?:types\.)?CodeType\s*\(/;

/**
 * The code argument is a code object the program compiled itself (`exec(compile(tree, ...))`,
 * `code = compile(...)` in the same function, `f.__code__`): what runs was built by the program, not read from input.
 */
function isCompiledCode(source: string, code: SyntaxNode): boolean {
  if (COMPILED.test(code.text)) return true;
  if (code.type !== "identifier") return false;
  const bound = new RegExp(`(?<![\\w.])${escape(code.text)}\\s*=\\s*(?:[\\w.]+\\.)?compile\\s*\\(`, "u");
  return bound.test(scopeText(source, code));
}

/**
 * The globals passed restrict `__builtins__` (`eval(expr, {"__builtins__": {}}, names)`, or a
 * dict the function sets up so): the author has fenced what the code may reach.
 */
function restrictsBuiltins(source: string, globals: SyntaxNode | undefined): boolean {
  if (!globals) return false;
  if (globals.type === "dictionary") return /["']__builtins__["']/.test(globals.text);
  if (globals.type !== "identifier") return false;
  const name = escape(globals.text);
  const setup = new RegExp(
    `(?<![\\w.])${name}\\s*\\[\\s*["']__builtins__["']\\s*\\]\\s*=|(?<![\\w.])${name}\\s*=\\s*(?:dict\\s*\\()?\\{[^}]*["']__builtins__["']|(?<![\\w.])${name}\\s*=\\s*dict\\s*\\([^)]*__builtins__\\s*=`,
    "u",
  );
  return setup.test(scopeText(source, globals));
}

export default defineCheck({
  id: "eval-exec",
  codes: ["S307", "S102"],
  pylint: ["eval-used", "exec-used"],
  category: "security",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "`eval()` or `exec()`.",
    why: "Both run arbitrary code: with any outside input in reach they are a remote-code-execution hole, and even without it they defeat linters and type checkers. Parse data with `ast.literal_eval` or `json`, dispatch with a dict of functions.",
    bad: "value = eval(text)\n",
    good: "import ast\n\nvalue = ast.literal_eval(text)\n",
    differences:
      'Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. A call whose code is a constant string literal (`exec("""def f(*, a): ...""")`, a syntax-compatibility shim) runs no outside input and is not reported; Ruff reports it. Nor is code the program compiled itself (`exec(compile(tree, ...))`, a name bound to `compile(...)` in the same function, the `__code__` of a function), or code run with globals that restrict `__builtins__` (`eval(expr, {"__builtins__": {}}, names)`): Ruff reports both.',
  },
  create(ctx): Visitors {
    if (!/\b(eval|exec)\s*\(/.test(ctx.source)) return {};
    // A call of `eval`/`exec` spells the name in its text: other calls are told apart by position.
    const words = Array.from(ctx.source.matchAll(/\b(?:eval|exec)\b/g), (m) => m.index);
    return {
      call(call) {
        if (!anyWithin(words, call.startIndex, call.endIndex)) return;
        const fn = call.childForFieldName("function");
        if (!fn) return;
        // Only a callee spelled `eval`/`exec` (or `builtins.eval`) can be the builtin: a cheap test
        // of its text comes before reading the arguments and resolving names.
        const last =
          fn.type === "identifier" ? fn.text : fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : null;
        if (last !== "eval" && last !== "exec") return;
        // `exec("""def f(*, a): ...""")`: fixed code (a syntax-compatibility shim), no outside input.
        const args = call.childForFieldName("arguments")?.namedChildren.filter((c) => c.type !== "comment") ?? [];
        const first = args[0];
        if (first && isConstantString(first)) return;
        // Code the program compiled itself, or run with the builtins fenced off, is not outside input.
        if (first && isCompiledCode(ctx.source, first)) return;
        const globals = args[1]?.type === "keyword_argument" ? undefined : args[1];
        const globalsByName = args.find(
          (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "globals",
        );
        if (restrictsBuiltins(ctx.source, globals ?? globalsByName?.childForFieldName("value") ?? undefined)) return;
        if (ctx.isBuiltin(fn, "eval")) {
          ctx.report({
            node: call,
            code: "S307",
            message:
              "`eval()` runs arbitrary code: parse JSON text with `json.loads`, Python literals with `ast.literal_eval`",
          });
        } else if (ctx.isBuiltin(fn, "exec")) {
          ctx.report({
            node: fn,
            code: "S102",
            message: "`exec()` runs arbitrary code: dispatch to functions you define instead of running text",
          });
        }
      },
    };
  },
});

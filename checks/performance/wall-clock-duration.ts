import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { calledName, scopeOf, visibleBindings } from "../../src/engine/bindings.js";

/** `time.time()` itself, or a name of the same scope bound only to `time.time()`. */
function isWallClock(ctx: CheckContext, node: SyntaxNode, scope: SyntaxNode): boolean {
  const expr = unparenthesize(node);
  if (expr.type === "call")
    return calledName(ctx, expr) === "time.time" && !expr.childForFieldName("arguments")?.namedChildCount;
  if (expr.type !== "identifier") return false;
  const found = visibleBindings(ctx, expr);
  return (
    !!found &&
    found.scope.id === scope.id &&
    found.sites.every((s) => s.value?.type === "call" && isWallClock(ctx, s.value, scope))
  );
}

/** Formatting a value goes through these: `round(d, 2)`, `str(d)`, `"{:.2f}".format(d)`. */
const FORMATTERS = new Set(["round", "str", "int", "float", "format", "repr"]);
const LOG_METHODS = new Set(["debug", "info", "warning", "warn", "error", "exception", "critical", "log"]);

/**
 * The duration is only shown: an argument of `print(...)` or a logging call, maybe formatted on
 * the way (`print(k, time.time() - start)`, `log.info("took %.1fs", time.time() - t0)`). A clock
 * jump there prints one wrong number; nothing the program does depends on it.
 */
function onlyDisplayed(ctx: CheckContext, node: SyntaxNode): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    switch (cur.type) {
      case "parenthesized_expression":
      case "argument_list":
      case "keyword_argument":
      case "interpolation":
      case "format_specifier":
      case "string":
      case "concatenated_string":
      case "tuple":
      case "binary_operator":
        continue;
      case "call": {
        const fn = cur.childForFieldName("function");
        if (fn?.type === "identifier") {
          if (fn.text === "print" && ctx.isBuiltin(fn)) return true;
          if (FORMATTERS.has(fn.text) && ctx.isBuiltin(fn)) continue;
          return false;
        }
        const method = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : undefined;
        if (method === "format" || method === "dedent") continue;
        return method !== undefined && LOG_METHODS.has(method);
      }
      default:
        return false;
    }
  }
  return false;
}

/**
 * `elapsed = time.time() - t` whose every later use is shown (`print("took %.2fs" % elapsed)`):
 * the name only carries the number to the output.
 */
function storedOnlyForDisplay(ctx: CheckContext, node: SyntaxNode, scope: SyntaxNode): boolean {
  let top = node;
  while (top.parent?.type === "parenthesized_expression") top = top.parent;
  const assignment = top.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== top.id) return false;
  const target = assignment.childForFieldName("left");
  if (target?.type !== "identifier") return false;
  const uses = scope
    .descendantsOfType("identifier")
    .filter((id) => id.text === target.text && id.id !== target.id && scopeOf(id).id === scope.id);
  return uses.length > 0 && uses.every((id) => onlyDisplayed(ctx, id));
}

export default defineCheck({
  id: "wall-clock-duration",
  codes: [],
  category: "performance",
  severity: "info",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A duration measured as the difference of two `time.time()` readings.",
    why: "`time.time()` is the wall clock: NTP corrections, daylight-saving fixes and manual changes move it, so a difference of two readings can be off by seconds or negative, and its resolution is coarse on some platforms. Durations and timeouts want a monotonic clock: `time.perf_counter()` for measuring, `time.monotonic()` for deadlines.",
    bad: "import time\n\ndef timed(work):\n    start = time.time()\n    work()\n    return time.time() - start\n",
    good: "import time\n\ndef timed(work):\n    start = time.perf_counter()\n    work()\n    return time.perf_counter() - start\n",
    differences:
      "Reported only when both operands are certainly `time.time()` readings: a direct call, or a name of the same scope assigned only `time.time()`. A timestamp that is stored, sent, or compared with file times is a point in time, not a duration, and is left alone. A duration only printed or logged, directly or through a name used for nothing else (`print(k, time.time() - start)`, `log.info('took %.1fs', time.time() - t0)`) is not reported: a clock jump gives one wrong line of output, and nothing depends on it.",
  },
  create(ctx): Visitors {
    if (!/\btime\s*\(\s*\)/.test(ctx.source)) return {};
    /** Cheap syntax first: `...time()` or a name somewhere assigned `...time()`. */
    const candidate = (node: SyntaxNode): boolean => {
      const expr = unparenthesize(node);
      if (expr.type === "call") return /(^|\.)time$/.test(expr.childForFieldName("function")?.text ?? "");
      return (
        expr.type === "identifier" &&
        new RegExp(`\\b${expr.text}\\b[^=\\n]*=\\s*[\\w.]*time\\(\\s*\\)`).test(ctx.source)
      );
    };
    return {
      binary_operator(node) {
        if (node.childForFieldName("operator")?.text !== "-") return;
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right || !candidate(left) || !candidate(right)) return;
        const scope = scopeOf(node);
        if (!isWallClock(ctx, left, scope) || !isWallClock(ctx, right, scope)) return;
        if (onlyDisplayed(ctx, node) || storedOnlyForDisplay(ctx, node, scope)) return;
        ctx.report({
          node,
          message:
            "A difference of `time.time()` readings jumps when the system clock is adjusted: measure durations with `time.perf_counter()` or `time.monotonic()`",
        });
      },
    };
  },
});

import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";

import { SCOPE_TYPES, walk } from "../../src/engine/ast.js";

/**
 * Catching everything is the point when the handler hands the exception on or ends the process:
 * a bare `raise` anywhere in it (`if not self.__exit__(*sys.exc_info()): raise`), a
 * `safe_reraise()` block, forwarding `sys.exc_info()`, or `os._exit()` in a forked child.
 */
function handsOn(clause: SyntaxNode): boolean {
  const body = clause.namedChildren.find((c) => c.type === "block");
  if (!body) return false;
  let found = false;
  walk(body, (n) => {
    if (found || SCOPE_TYPES.has(n.type)) return false;
    if (n.type === "raise_statement" && n.namedChildren.filter((c) => c.type !== "comment").length === 0) found = true;
    else if (n.type === "call") {
      const fn = n.childForFieldName("function")?.text ?? "";
      if (/(^|\.)(safe_reraise|_exit|exc_info)$/.test(fn) && fn !== "exc_info") found = true;
    }
    return !found;
  });
  return found;
}

/** Calls that report the exception being handled: its traceback, `exc_info`, `logger.exception()`. */
const RECORDS_FAILURE = /(^|\.)(format_exc|print_exc|format_exception|print_exception|exc_info|exception)$/;

/** The file's defs by name, so a call to a helper defined in the same file can be looked into. */
const defsByTree = new WeakMap<object, Map<string, SyntaxNode[]>>();
function definitionsNamed(node: SyntaxNode, name: string): SyntaxNode[] {
  let defs = defsByTree.get(node.tree);
  if (!defs) {
    defs = new Map();
    for (const def of node.tree.rootNode.descendantsOfType("function_definition")) {
      const defName = def.childForFieldName("name")?.text ?? "";
      defs.set(defName, [...(defs.get(defName) ?? []), def]);
    }
    defsByTree.set(node.tree, defs);
  }
  return defs.get(name) ?? [];
}

/** The callee a call names (`f`, `self.f`, `cls.f`) when the file defines it, else []. */
function localCallees(call: SyntaxNode): SyntaxNode[] {
  const fn = call.childForFieldName("function");
  if (fn?.type === "identifier") return definitionsNamed(call, fn.text);
  const object = fn?.type === "attribute" ? fn.childForFieldName("object")?.text : undefined;
  const attribute = fn?.childForFieldName("attribute")?.text;
  return (object === "self" || object === "cls") && attribute ? definitionsNamed(call, attribute) : [];
}

/**
 * Whether `node`'s own code (not nested scopes) has a call whose callee's name matches
 * `pattern`, or, one level down, calls a function of this file that does.
 */
function callsMatching(node: SyntaxNode, pattern: RegExp, statements: Set<string>, followLocal = true): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.id !== node.id && SCOPE_TYPES.has(n.type)) return false;
    if (statements.has(n.type)) found = true;
    else if (n.type === "call") {
      if (pattern.test(n.childForFieldName("function")?.text ?? "")) found = true;
      else if (followLocal) found = localCallees(n).some((def) => callsMatching(def, pattern, statements, false));
    }
    return !found;
  });
  return found;
}

const IMPORT_STATEMENTS = new Set(["import_statement", "import_from_statement"]);
/** `__import__`, `importlib.import_module`, `import_string`, `loadImport`: "import" as a word of the callee's name. */
const IMPORTS = /(^|\.|_)import(_|[A-Z0-9]|$)[\w]*$|[a-z0-9]Import([A-Z0-9_]\w*)?$/;

/**
 * Loading code the program does not control (test discovery, plugins): the `try` imports a module
 * and the handler records the failure with its traceback. A module that calls `sys.exit()` while
 * being imported is then one failed module, not the end of the loader; that is what the bare
 * `except:` is for (unittest's `loader.py`).
 */
function recordsFailedImport(clause: SyntaxNode): boolean {
  const body = clause.parent?.childForFieldName("body");
  const handler = clause.namedChildren.find((c) => c.type === "block");
  if (!body || !handler) return false;
  return callsMatching(body, IMPORTS, IMPORT_STATEMENTS) && callsMatching(handler, RECORDS_FAILURE, new Set());
}

/** Catches everything: `except:` or `except BaseException`. */
function catchesAll(clause: SyntaxNode): boolean {
  const caught = clause.namedChildren.filter((c) => c.type !== "block" && c.type !== "comment");
  const [first] = caught;
  if (!first) return true;
  const type = first.type === "as_pattern" ? first.namedChild(0) : first;
  return caught.length === 1 && type?.text === "BaseException";
}

/**
 * The handler ends by raising another exception, and the `try` sits in the body of a `try` (same
 * function) that catches everything and hands it on. Narrowing this handler changes nothing: what
 * it lets through reaches the outer handler all the same (a test building a chained `exc_info`).
 */
function raisesIntoOuterCatchAll(clause: SyntaxNode): boolean {
  const handler = clause.namedChildren.find((c) => c.type === "block");
  const last = handler?.namedChildren.filter((c) => c.type !== "comment").at(-1);
  if (last?.type !== "raise_statement") return false;
  let child = clause.parent;
  for (let cur = child?.parent; child && cur && !SCOPE_TYPES.has(cur.type); child = cur, cur = cur.parent) {
    if (cur.type === "try_statement" && cur.childForFieldName("body")?.id === child.id) {
      if (cur.namedChildren.some((c) => c.type === "except_clause" && catchesAll(c) && handsOn(c))) return true;
    }
  }
  return false;
}

/** What the earlier handlers of the same `try` catch of the exceptions a bare `except:` adds. */
function caughtEarlier(clause: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (let prev = clause.previousNamedSibling; prev?.type === "except_clause"; prev = prev.previousNamedSibling)
    for (const type of prev.namedChildren.filter((c) => c.type !== "block" && c.type !== "comment"))
      for (const id of [type, ...type.descendantsOfType(["identifier", "attribute"])]) {
        const name = id.text.slice(id.text.lastIndexOf(".") + 1);
        if (name === "KeyboardInterrupt" || name === "SystemExit" || name === "BaseException") names.add(name);
      }
  return names;
}

export default defineCheck({
  id: "bare-except",
  codes: ["E722"],
  pylint: ["bare-except"],
  category: "idioms",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A bare `except:` clause.",
    why: "`except:` also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`, so Ctrl-C and `sys.exit()` stop working inside it, and real bugs are hidden. Catch `Exception` (or something narrower).",
    bad: "try:\n    run()\nexcept:\n    log('failed')\n",
    good: "try:\n    run()\nexcept Exception:\n    log('failed')\n",
    differences:
      "Ruff's E722 skips a handler whose own statements include a bare `raise`; peptalk also skips one that re-raises deeper (`if not self.__exit__(*sys.exc_info()): raise`), runs a `safe_reraise()` block, forwards `sys.exc_info()`, ends the process with `os._exit()`, or holds a comment explaining why everything is caught. It also skips a handler around importing code (an `import`, `__import__`, `importlib.import_module`, or a function of the same file that does one) that records the failure with its traceback (`traceback.format_exc()`, `logger.exception()`, directly or in a helper of the same file): a loader of code it does not control, such as unittest's test discovery, must turn a module's `SystemExit` into one failed import. And it skips a handler that raises another exception inside a `try` whose own handler catches everything and hands it on, where narrowing it changes nothing, and one whose `try` handles `KeyboardInterrupt` and `SystemExit` (or `BaseException`) in earlier clauses; when an earlier clause handles only one of them, the message names the other.",
  },
  create(ctx) {
    return {
      except_clause(clause) {
        // `except:` has no expression between the keyword and the colon.
        const hasType = clause.namedChildren.some((c) => c.type !== "block" && c.type !== "comment");
        if (hasType || handsOn(clause) || recordsFailedImport(clause) || raisesIntoOuterCatchAll(clause)) return;
        // A comment in the handler says why everything is caught ("ignore everything, we're shutting down").
        if (clause.descendantsOfType("comment").length > 0) return;
        const keyword = clause.child(0);
        const colon = clause.children.find((c) => c.type === ":");
        if (!keyword || !colon) return;
        // An earlier `except KeyboardInterrupt: raise` (or `except SystemExit`) takes those first.
        const earlier = caughtEarlier(clause);
        const alsoCaught = ["KeyboardInterrupt", "SystemExit"].filter((n) => !earlier.has(n));
        if (earlier.has("BaseException") || alsoCaught.length === 0) return;
        ctx.report({
          range: { start: keyword.startIndex, end: colon.startIndex },
          message: `Bare \`except:\` also catches ${alsoCaught.map((n) => `\`${n}\``).join(" and ")}`,
        });
      },
    };
  },
});

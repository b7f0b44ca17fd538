import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { someAncestor, superclasses } from "../../src/engine/inheritance.js";

// Exceptions used for control flow, not to report an error: PEP 8's `Error` suffix is for errors.
const FLOW_FIRST_WORD =
  /^(?:Stop|Break|Continue|Return|Exit|Abort|Quit|Skip|Restart|Retry|Finish|Yield|Halt|Cancel|Interrupt|Signal|Done|Give[Uu]p|Terminate|ShortCircuit|Escape|Jump|Unwind|EndOf)(?:[A-Z_\d]|$)/;
const FLOW_LAST_WORD =
  /(?:^|[a-z\d_])(?:Interrupt(?:ed)?|Exit|Stop(?:ped)?|Skip(?:ped)?|Warning|Signal|Quit|Break|Continue|Return|Restart|Retry|Again|Finish(?:ed)?|Done|Now|Escape|Unwind|Terminator)$/;
// ... unless the name says something went wrong (`BadLocalReturn`, `AlreadyQuit`): an error.
const ERROR_FIRST_WORD = /^(?:Bad|Invalid|Unexpected|Already|Missing|Unknown|Illegal|Wrong|Unsupported|Not)[A-Z]/;
// Bases of exceptions that are not errors: `except Exception` does not catch the BaseException
// ones on purpose, and warnings are warnings.
const NON_ERROR_BASE =
  /^(?:BaseException|KeyboardInterrupt|SystemExit|GeneratorExit|StopIteration|StopAsyncIteration|\w*Warning)$/;

/** A private or local class raised and caught in this file: a signal between its own functions. */
function isInternalSignal(node: SyntaxNode, name: string, source: string): boolean {
  let local = false;
  for (let cur = node.parent; cur && !local; cur = cur.parent) local = cur.type === "function_definition";
  if (!name.startsWith("_") && !local) return false;
  const escaped = name.replace(/\W/g, "");
  return (
    new RegExp(`\\braise[ \\t]+${escaped}\\b`).test(source) &&
    new RegExp(`\\bexcept[ \\t]*\\(?[^:\\n]*\\b${escaped}\\b`).test(source)
  );
}

export default defineCheck({
  id: "exception-name",
  codes: ["N818"],
  category: "naming",
  severity: "info",
  type: "taste",
  houseStyle: {
    counted: "exception classes end in `Error`",
    newCodeOnly: "an existing exception class is a published name: renaming it breaks every `except` that catches it",
  },
  fix: "never",
  // A test's local `class E(Exception)` exists only to be raised and caught there.
  appliesTo: "non-tests",
  docs: {
    summary: "An exception class whose name does not end in `Error`.",
    why: "PEP 8 asks exception classes that are errors to end in `Error` (`ConfigError`, not `BadConfig`), so `except` clauses and tracebacks say at a glance what went wrong.",
    bad: "class BadConfig(ValueError):\n    pass\n",
    good: "class ConfigError(ValueError):\n    pass\n",
    differences:
      "PEP 8's suffix is for exceptions that are errors. Not reported, where Ruff reports them: exceptions used for control flow, named so (`StopTokenizing`, `BdbQuit`, `ExitNow`, `Break`, `Return`, `SkipTest`, names ending in `Interrupt`, `Exit`, `Stop`, `Skip`, `Warning`, ...), deriving from `BaseException` or a warning rather than an error, or private/local classes raised and caught in the same file (a signal between its own functions); and test files, where a local exception class exists only to be raised and caught. Unless the team selects N818, only a class a pull request adds is reported: an existing public exception name is API (often one mirroring a specification's error code, `ConsentRequired` for OpenID's `consent_required`), so `peptalk check` without a diff does not ask to rename it.",
  },
  create(ctx) {
    return {
      class_definition(node) {
        const id = node.childForFieldName("name");
        if (!id) return;
        // A class deriving from an exception: a base spelled `...Error` or `...Exception`.
        // (Ruff's reading: a base ending in `Error`, or `Exception` itself.)
        const isException = superclasses(node).some(
          (b) => b.type === "identifier" && (b.text.endsWith("Error") || b.text === "Exception"),
        );
        if (!isException) return;
        if (id.text.endsWith("Error")) {
          ctx.follows(node);
          return;
        }
        const bare = id.text.replace(/^_+/, "");
        if (FLOW_FIRST_WORD.test(bare) || (FLOW_LAST_WORD.test(bare) && !ERROR_FIRST_WORD.test(bare))) return;
        if (someAncestor(node, (b) => NON_ERROR_BASE.test(b.text.replace(/^.*\./s, "")))) return;
        if (isInternalSignal(node, id.text, ctx.source)) return;
        ctx.report({ node: id, message: `Exception name \`${id.text}\` should end in \`Error\`` });
      },
    };
  },
});

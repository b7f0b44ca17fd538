import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { decorators, mixedCasePrevails, owningClass } from "../../src/engine/definitions.js";
import { mayInherit } from "../../src/engine/inheritance.js";

// unittest's and Django's camelCase hooks, which subclasses must spell exactly so.
const FRAMEWORK_NAMES = new Set([
  "setUp",
  "tearDown",
  "setUpClass",
  "tearDownClass",
  "setUpModule",
  "tearDownModule",
  "asyncSetUp",
  "asyncTearDown",
  "setUpTestData",
  "failureException",
  "longMessage",
  "maxDiff",
  // xml.sax's ContentHandler callbacks.
  "startDocument",
  "endDocument",
  "startElement",
  "endElement",
  "startElementNS",
  "endElementNS",
  "startPrefixMapping",
  "endPrefixMapping",
  "ignorableWhitespace",
  "processingInstruction",
  "setDocumentLocator",
  "skippedEntity",
]);

/**
 * lower_case words joined with a class or constant's own name (`test_Add_is_zero`,
 * `refine_Pow`, `check_en_US_utf8`): the capitals spell that name, not camelCase.
 */
function namesAType(name: string): boolean {
  const words = name.split("_").filter(Boolean);
  return (
    words.some((w) => /^[a-z\d]+$/.test(w)) &&
    words.some((w) => /^[A-Z]/.test(w)) &&
    words.every((w) => /^[a-z\d]+$/.test(w) || /^[A-Z]/.test(w))
  );
}

/** The function's body calls or returns a class of its own name: a factory, named as the class. */
function buildsSameName(def: SyntaxNode, name: string): boolean {
  const body = def.childForFieldName("body");
  return (
    !!body &&
    body.descendantsOfType(["call", "return_statement"]).some((n) => {
      const target = n.type === "call" ? n.childForFieldName("function") : n.namedChild(0);
      return target?.text.replace(/^.*\./s, "") === name;
    })
  );
}

export default defineCheck({
  id: "function-name",
  codes: ["N802"],
  pylint: ["invalid-name"],
  category: "naming",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "taste",
  houseStyle: { counted: "function names are lower_case" },
  fix: "never",
  docs: {
    summary: "A function or method name that is not lower_case.",
    why: "PEP 8 names functions in lower_case_with_underscores; a CamelCase function reads like a class at every call site.",
    bad: "def LoadConfig(path):\n    pass\n",
    good: "def load_config(path):\n    pass\n",
    differences:
      "Besides unittest's hooks and `@override` methods (as Ruff), peptalk accepts `visit_Name`-style methods, `http.server`'s `do_GET` and `xml.sax`'s `startElement` callbacks, which those APIs require, lower_case names that spell a class's name (`test_Add_is_zero`, `refine_Pow`), assertion helpers spelled like unittest's (`assertOrderedEqual`), factories named as the class they build (`def Event(self): return Event(...)`), and methods that may override a base class's (a base in the file that defines the name, or any base not defined in the file, such as `unittest.TestCase` or `logging.Handler`: the base dictates the spelling). It also follows PEP 8's own exception: in a module where most functions (at least half of four or more) are mixedCase, that is the prevailing style and is not reported.",
  },
  create(ctx): Visitors {
    // PEP 8 allows mixedCase "in contexts where that's already the prevailing style".
    if (mixedCasePrevails(ctx.source, FRAMEWORK_NAMES)) return {};
    return {
      function_definition(node) {
        const id = node.childForFieldName("name");
        if (!id || FRAMEWORK_NAMES.has(id.text)) return;
        if (id.text === id.text.toLowerCase()) {
          ctx.follows(node);
          return;
        }
        // Names an API dictates: visitor methods, overrides of a base class's spelling.
        if (/^(visit|depart|leave)_[A-Z]/.test(id.text) || /^do_[A-Z]+$/.test(id.text)) return;
        if (namesAType(id.text)) return;
        // Assertion helpers spelled like the unittest API they extend (`assertOrderedEqual`).
        if (/^(assert|fail)[A-Z]/.test(id.text)) return;
        // A factory standing in for the class it builds (`def Event(self): return Event(...)`).
        if (/^[A-Z][A-Za-z\d]*$/.test(id.text) && buildsSameName(node, id.text)) return;
        if (decorators(node).some((d) => /(^|\.)override$/.test(d))) return;
        // A method the base class may define: its spelling is the base's (`addFailure`, `handleError`).
        const klass = owningClass(node);
        if (klass && mayInherit(ctx, klass, id.text)) return;
        ctx.report({ node: id, message: `Function name \`${id.text}\` should be lower_case` });
      },
    };
  },
});

import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { decorators, mixedCasePrevails } from "../../src/engine/definitions.js";

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

export default defineCheck({
  id: "function-name",
  codes: ["N802"],
  pylint: ["invalid-name"],
  category: "naming",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "function names are lower_case" },
  fix: "never",
  docs: {
    summary: "A function or method name that is not lower_case.",
    why: "PEP 8 names functions in lower_case_with_underscores; a CamelCase function reads like a class at every call site.",
    bad: "def LoadConfig(path):\n    pass\n",
    good: "def load_config(path):\n    pass\n",
    differences:
      "Besides unittest's hooks and `@override` methods (as Ruff), peptalk accepts `visit_Name`-style methods, `http.server`'s `do_GET` and `xml.sax`'s `startElement` callbacks, which those APIs require, and follows PEP 8's own exception: in a module where most functions (at least half of four or more) are mixedCase, that is the prevailing style and is not reported.",
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
        if (decorators(node).some((d) => /(^|\.)override$/.test(d))) return;
        ctx.report({ node: id, message: `Function name \`${id.text}\` should be lower_case` });
      },
    };
  },
});

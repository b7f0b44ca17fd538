import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { anyWithin } from "../../src/engine/text.js";

const LOADERS = new Set([
  "pickle.load",
  "pickle.loads",
  "pickle.Unpickler",
  "cPickle.load",
  "cPickle.loads",
  "dill.load",
  "dill.loads",
  "shelve.open",
  "jsonpickle.decode",
  "pandas.read_pickle",
]);

// Every loader is `module.function`, so a call can only reach one as `module.function(...)`,
// `function(...)` after `from module import function`, or through an `import ... as` alias.
// Testing the callee's text against these sets is much cheaper than resolving its name.
const MODULES = new Set([...LOADERS].map((q) => q.slice(0, q.indexOf("."))));
const FUNCTIONS = new Set([...LOADERS].map((q) => q.slice(q.indexOf(".") + 1)));
const words = (names: Set<string>): string => `\\b(?:${[...names].join("|")})`;
/** `import pickle as p`, `from pickle import loads as unpickle`: a module or function under another name. */
const aliasOf = (names: Set<string>): RegExp => new RegExp(`${words(names)}(?:\\s|\\\\|#[^\\r\\n]*[\\r\\n])+as\\b`);
const MODULE_ALIAS = aliasOf(MODULES);
const FUNCTION_ALIAS = aliasOf(FUNCTIONS);
const FUNCTION_WORD = new RegExp(`${words(FUNCTIONS)}\\b`, "g");
const MODULE_WORD = new RegExp(`${words(MODULES)}\\b`, "g");

export default defineCheck({
  id: "unsafe-pickle",
  codes: ["S301"],
  category: "security",
  // Off by default: on mature code its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "Unpickling data (`pickle.load`, `pickle.loads`, ...).",
    why: "Unpickling runs code chosen by whoever wrote the bytes: a pickle from a network, upload, cache or shared disk is a remote-code-execution hole. Use JSON or another data-only format for anything not produced by the same trusted process.",
    bad: "import pickle\n\nsession = pickle.loads(cookie)\n",
    good: "import json\n\nsession = json.loads(cookie)\n",
    differences:
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves.",
  },
  create(ctx): Visitors {
    if (!/pickle|shelve|dill/i.test(ctx.source)) return {};
    const moduleAliased = MODULE_ALIAS.test(ctx.source);
    const functionAliased = FUNCTION_ALIAS.test(ctx.source);
    // Unless a loader is imported under another name, a call of one spells the loader's name in
    // its text: other calls are told apart by position, before the callee is read.
    const starts = Array.from(ctx.source.matchAll(FUNCTION_WORD), (m) => m.index);
    let modulesNamed: Set<string> | undefined;
    return {
      call(call) {
        if (!functionAliased && !anyWithin(starts, call.startIndex, call.endIndex)) return;
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" && fn?.type !== "identifier") return;
        if (fn.type === "identifier") {
          // Unaliased, `loads(...)` is a loader only when imported from a loader's module, which
          // the file then names (`from pickle import loads`).
          if (!functionAliased) {
            if (!FUNCTIONS.has(fn.text)) return;
            modulesNamed ??= new Set(Array.from(ctx.source.matchAll(MODULE_WORD), (m) => m[0]));
            if (![...modulesNamed].some((module) => LOADERS.has(`${module}.${fn.text}`))) return;
          }
        } else {
          // `pickle.loads`: exactly two parts, the first naming (or aliasing) a module.
          const object = fn.childForFieldName("object");
          if (object?.type !== "identifier" || !FUNCTIONS.has(fn.childForFieldName("attribute")?.text ?? "")) return;
          if (!moduleAliased && !MODULES.has(object.text)) return;
        }
        const name = ctx.qualifiedName(fn);
        if (!name || !LOADERS.has(name)) return;
        ctx.report({
          node: call,
          message: `\`${fn.text}\` deserializes with pickle: untrusted bytes can run arbitrary code`,
        });
      },
    };
  },
});

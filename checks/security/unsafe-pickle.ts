import { defineCheck, type Visitors } from "../../src/engine/check.js";

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

export default defineCheck({
  id: "unsafe-pickle",
  codes: ["S301"],
  category: "security",
  severity: "warning",
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
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (fn?.type !== "attribute" && fn?.type !== "identifier") return;
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

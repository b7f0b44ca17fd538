import { defineCheck, type Visitors } from "../../src/engine/check.js";
import { callArguments } from "../../src/engine/ast.js";

const SAFE_LOADERS = new Set(["SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"]);

export default defineCheck({
  id: "unsafe-yaml-load",
  codes: ["S506"],
  category: "security",
  severity: "error",
  type: "bug",
  fix: "never",
  // Tests exec code, unpickle and shell out on purpose, on inputs they wrote themselves.
  appliesTo: "non-tests",
  docs: {
    summary: "`yaml.load` without a safe loader.",
    why: "PyYAML's full loaders build arbitrary Python objects from tags in the document, so a crafted YAML file can run code. `yaml.safe_load` (or `Loader=yaml.SafeLoader`) builds only plain data.",
    bad: "import yaml\n\nconfig = yaml.load(text, Loader=yaml.Loader)\n",
    good: "import yaml\n\nconfig = yaml.safe_load(text)\n",
    differences:
      "Test files are not checked: tests run code, unpickle and shell out on purpose, on inputs they wrote themselves. `BaseLoader` counts as safe (it builds only strings, lists and dicts); Ruff accepts only the SafeLoaders.",
  },
  create(ctx): Visitors {
    if (!ctx.source.includes("yaml") || !ctx.source.includes("load")) return {};
    return {
      call(call) {
        const fn = call.childForFieldName("function");
        if (!fn || ctx.qualifiedName(fn) !== "yaml.load") return;
        const { positional, keywords, hasStar } = callArguments(call);
        const loader = keywords.get("Loader") ?? positional[1];
        if (!loader) {
          if (!hasStar) ctx.report({ node: fn, message: "`yaml.load` without a safe `Loader`: use `yaml.safe_load`" });
          return;
        }
        const last = loader.type === "attribute" ? loader.childForFieldName("attribute")?.text : loader.text;
        if (last && SAFE_LOADERS.has(last)) return;
        // Only loaders that are known to be unsafe are reported; a custom loader class is left alone.
        if (!last || !/^(C?(Full|Unsafe)?Loader)$/.test(last)) return;
        ctx.report({
          node: loader,
          message: `\`yaml.load\` with the unsafe loader \`${last}\`: use \`yaml.safe_load\``,
        });
      },
    };
  },
});

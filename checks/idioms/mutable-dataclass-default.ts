import { defineCheck } from "../../src/engine/check.js";
import { classAttributes, isDataclass, isMutableValue } from "../../src/engine/classes.js";

export default defineCheck({
  id: "mutable-dataclass-default",
  codes: ["RUF008"],
  category: "idioms",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A dataclass field with a mutable default (`tags: list = []`).",
    why: "`@dataclass` raises `ValueError` for `list`, `dict` and `set` defaults (and shares other mutable defaults between instances). Use `field(default_factory=list)`.",
    bad: "from dataclasses import dataclass\n\n@dataclass\nclass Post:\n    tags: list = []\n",
    good: "from dataclasses import dataclass, field\n\n@dataclass\nclass Post:\n    tags: list = field(default_factory=list)\n",
  },
  create(ctx) {
    return {
      class_definition(klass) {
        if (!isDataclass(ctx, klass)) return;
        for (const attr of classAttributes(klass)) {
          if (!attr.annotation || /ClassVar/.test(attr.annotation.text)) continue;
          if (!isMutableValue(ctx, attr.value)) continue;
          ctx.report({
            node: attr.value,
            message: `Mutable default for dataclass field \`${attr.target.text}\`: use \`field(default_factory=...)\``,
          });
        }
      },
    };
  },
});

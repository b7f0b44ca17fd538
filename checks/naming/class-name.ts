import { defineCheck } from "../../src/engine/check.js";

export default defineCheck({
  id: "class-name",
  codes: ["N801"],
  pylint: ["invalid-name"],
  category: "naming",
  severity: "warning",
  fix: "never",
  docs: {
    summary: "A class name that is not CapWords.",
    why: "PEP 8 names classes in CapWords so that `Thing()` reads as construction and `thing()` as a call; mixing the styles makes readers guess.",
    bad: "class user_profile:\n    pass\n",
    good: "class UserProfile:\n    pass\n",
  },
  create(ctx) {
    return {
      class_definition(node) {
        const id = node.childForFieldName("name");
        if (!id) return;
        const name = id.text.replace(/^_+/, "");
        if (name === "" || (/^[A-Z]/.test(name) && !name.includes("_"))) return;
        ctx.report({ node: id, message: `Class name \`${id.text}\` should use CapWords` });
      },
    };
  },
});

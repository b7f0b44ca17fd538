import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";

/** A ctypes Structure/Union subclass: its name mirrors the C type it describes. */
function mirrorsCType(ctx: CheckContext, klass: SyntaxNode): boolean {
  const bases = klass.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((b) =>
    /^ctypes\.(Structure|Union|BigEndianStructure|LittleEndianStructure)$/.test(ctx.qualifiedName(b) ?? ""),
  );
}

export default defineCheck({
  id: "class-name",
  codes: ["N801"],
  pylint: ["invalid-name"],
  category: "naming",
  severity: "warning",
  type: "taste",
  houseStyle: { counted: "class names use CapWords" },
  fix: "never",
  // Test classes and fixtures (`Test_parse_v2`, `class dict3(dict)`) are named for the case.
  appliesTo: "non-tests",
  docs: {
    summary: "A class name that is not CapWords.",
    why: "PEP 8 names classes in CapWords so that `Thing()` reads as construction and `thing()` as a call; mixing the styles makes readers guess.",
    bad: "class user_profile:\n    pass\n",
    good: "class UserProfile:\n    pass\n",
    differences:
      "Test files are not checked (test classes are named for the case they cover), nor are ctypes structures, which mirror the C type's name (`class sockaddr_in(ctypes.Structure)`); Ruff reports both.",
  },
  create(ctx) {
    return {
      class_definition(node) {
        const id = node.childForFieldName("name");
        if (!id) return;
        const name = id.text.replace(/^_+/, "");
        if (name === "") return;
        if (/^[A-Z]/.test(name) && !name.includes("_")) {
          ctx.follows(node);
          return;
        }
        if (mirrorsCType(ctx, node)) return;
        ctx.report({ node: id, message: `Class name \`${id.text}\` should use CapWords` });
      },
    };
  },
});

import { defineCheck } from "../../src/engine/check.js";
import type { SyntaxNode } from "tree-sitter";
import type { CheckContext, Visitors } from "../../src/engine/check.js";
import { admitsNone, subscriptParts, typedByComment, typeExpression } from "../../src/engine/annotations.js";

/** Builtins, `typing`/`collections` names, and classes defined in this module. */
function isKnownType(ctx: CheckContext, node: SyntaxNode): boolean {
  if (node.type === "binary_operator")
    return isKnownType(ctx, node.childForFieldName("left")!) && isKnownType(ctx, node.childForFieldName("right")!);
  const parts = subscriptParts(node);
  if (parts) return isKnownType(ctx, parts.head);
  if (node.type === "identifier") {
    if (ctx.isBuiltin(node)) return true;
    const binding = ctx.names.module.get(node.text);
    if (binding?.kind === "local" && binding.node.parent?.type === "class_definition") return true;
  }
  const name = ctx.qualifiedName(node);
  return !!name && /^(typing|typing_extensions|collections|collections\.abc|datetime|decimal|pathlib)\./.test(name);
}
import { compareVersions } from "../../src/engine/version.js";

export default defineCheck({
  id: "implicit-optional",
  codes: ["RUF013"],
  category: "typing",
  severity: "warning",
  type: "bug",
  fix: "sometimes",
  docs: {
    summary: "A parameter annotated `x: int = None`, without saying it may be `None`.",
    why: "PEP 484 dropped implicit `Optional`: type checkers now read `x: int = None` as an error, and readers take the annotation at its word. Say `int | None` (or `Optional[int]` before Python 3.10).",
    bad: "def fetch(timeout: float = None):\n    pass\n",
    good: "def fetch(timeout: float | None = None):\n    pass\n",
    fixSafety:
      "Writes `X | None` when the target Python is 3.10 or newer; before that, `Optional[X]` when `Optional` is already imported from `typing`; otherwise no fix (it would need an import). Unsafe, as in Ruff: code that reads annotations at run time (Pydantic, FastAPI, `typing.get_type_hints`) sees a different type, and `None` may not be the value the author meant to allow.",
    differences:
      "String (forward-reference) annotations are not rewritten or reported; Ruff reports inside the quotes. A def whose header says `# type: ignore` is not reported: the team silenced the type checker there, and implicit `Optional` is a type checker's error.",
  },
  create(ctx): Visitors {
    const modern = compareVersions(ctx.python, [3, 10]) >= 0;
    // Looked up only when a finding needs a fix (it costs a scope analysis of the module).
    const optionalName = (): string | undefined =>
      [...ctx.names.module.entries()].find(([, b]) => b.kind === "import" && b.qualified === "typing.Optional")?.[0];
    if (!/=\s*None\b/.test(ctx.source)) return {};
    return {
      typed_default_parameter(param) {
        const value = param.childForFieldName("value");
        const annotation = param.childForFieldName("type");
        if (value?.type !== "none" || !annotation || admitsNone(ctx, annotation)) return;
        // An imported name may be an alias that already includes None: only known types are judged.
        if (!isKnownType(ctx, typeExpression(annotation)!)) return;
        // `def __get__(self, obj, type: type = None):  # type: ignore`: the team silenced the type
        // checker on this def (flask, werkzeug), and this is a type checker's complaint.
        const def = param.parent?.parent;
        if (def?.type === "function_definition" && typedByComment(ctx, def)) return;
        const expr = typeExpression(annotation)!;
        const text = ctx.text(expr);
        const optionalImported = modern ? undefined : optionalName();
        const replacement = modern ? `${text} | None` : optionalImported ? `${optionalImported}[${text}]` : null;
        ctx.report({
          node: expr,
          message: `Parameter defaults to \`None\` but its annotation \`${text}\` does not allow \`None\``,
          fix:
            replacement && !text.includes("#")
              ? {
                  title: `Annotate as \`${replacement}\``,
                  edits: [ctx.edits.replace(expr, replacement)],
                  safety: "unsafe",
                  unsafeReason:
                    "code that reads annotations at run time (Pydantic, FastAPI) sees a different type, and `None` may not be a value the parameter should accept",
                }
              : null,
        });
      },
    };
  },
});

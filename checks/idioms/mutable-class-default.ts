import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { classAttributes, isDataclass, isMutableValue } from "../../src/engine/classes.js";

/** ClassVar[...] / Final[...] annotations declare the sharing on purpose. */
function declaresSharing(ctx: CheckContext, annotation: SyntaxNode | null): boolean {
  if (!annotation) return false;
  let node = annotation.type === "type" ? annotation.namedChild(0) : annotation;
  if (node?.type === "generic_type" || node?.type === "subscript") node = node.namedChild(0);
  const name = node && (ctx.qualifiedName(node) ?? node.text);
  return !!name && /(^|\.)(ClassVar|Final)$/.test(name);
}

/**
 * Model classes that copy field defaults per instance (pydantic, msgspec, SQLModel), and ctypes
 * structures whose `_fields_` list is a declaration read once by the metaclass (as Ruff).
 */
function copiesDefaults(ctx: CheckContext, klass: SyntaxNode, hasFields: boolean): boolean {
  return (klass.childForFieldName("superclasses")?.namedChildren ?? []).some((base) => {
    const name = ctx.qualifiedName(base) ?? "";
    return /^(pydantic|msgspec|sqlmodel|pydantic_settings)\./.test(name) || (hasFields && name.startsWith("ctypes."));
  });
}

const MUTATORS =
  "append|extend|insert|add|update|setdefault|pop|popitem|remove|discard|clear|sort|reverse|difference_update|intersection_update";

/**
 * The class's code (or the module's, through the class name) changes the attribute in place:
 * `self.x.append(...)`, `cls.x[k] = v`, `Registry.x.update(...)`, `self.x += [...]`, `del self.x[k]`.
 */
function isMutated(ctx: CheckContext, klass: SyntaxNode, name: string): boolean {
  const className = klass.childForFieldName("name")?.text ?? "";
  const owner = `(?<![\\w.])(?:self|cls|${className.replace(/\W/g, "")})`;
  const pattern = new RegExp(
    `${owner}\\.${name}(?:\\s*\\.\\s*(?:${MUTATORS})\\s*\\(|\\s*\\[[^\\]\\n]*\\]\\s*(?:[-+*/|&^%]|\\*\\*|//|<<|>>)?=(?!=)|\\s*(?:\\+|\\||&|-|\\^)=)|del\\s+${owner}\\.${name}\\s*\\[`,
  );
  return pattern.test(ctx.source);
}

export default defineCheck({
  id: "mutable-class-default",
  codes: ["RUF012"],
  category: "idioms",
  severity: "warning",
  fix: "never",
  docs: {
    summary:
      "A mutable class attribute (list, dict, set) without `ClassVar`, changed in place through an instance or the class.",
    why: "A list or dict assigned in the class body is one object shared by every instance: appending through one instance changes them all. Create it in `__init__`, or annotate it `ClassVar[...]` when sharing is the point.",
    bad: "class Registry:\n    handlers = []\n\n    def register(self, handler):\n        self.handlers.append(handler)\n",
    good: "class Registry:\n    def __init__(self):\n        self.handlers = []\n\n    def register(self, handler):\n        self.handlers.append(handler)\n",
    differences:
      "Like Ruff, dataclass fields with annotations are left to mutable-dataclass-default, and ctypes structures that declare `_fields_` are skipped. Unlike Ruff, classes deriving from pydantic, msgspec or SQLModel models are skipped even when written through an alias, since those copy defaults per instance; and dunder attributes (`__all__`, `__match_args__`, `__slots__`) are never reported, since they are class-level by design. Most of all, an attribute is reported only when the module changes it in place through the class or an instance (`self.handlers.append(...)`, `cls.cache[key] = ...`, `Registry.items.update(...)`): a table nothing changes (a lexer's `tokens = {...}`, a model's `attribute_map = {...}`) shares nothing harmful, while Ruff reports every one.",
  },
  create(ctx) {
    return {
      class_definition(klass) {
        let dataclass: boolean | undefined;
        let copies: boolean | undefined;
        const attributes = classAttributes(klass);
        for (const attr of attributes) {
          // Dunders (`__slots__`, `__all__`) are class-level by design.
          if (attr.target.type !== "identifier" || /^__\w+__$/.test(attr.target.text)) continue;
          // `a = b = {}`: the value is the last right-hand side.
          let value = attr.value;
          while (value.type === "assignment" && value.childForFieldName("right"))
            value = value.childForFieldName("right")!;
          if (!isMutableValue(ctx, value) || declaresSharing(ctx, attr.annotation)) continue;
          // A table that nothing changes (a lexer's `tokens = {...}`) shares nothing harmful.
          if (!isMutated(ctx, klass, attr.target.text)) continue;
          // Resolving decorators and bases costs a scope analysis: only once something is found.
          dataclass ??= isDataclass(ctx, klass);
          if (dataclass && attr.annotation) continue;
          copies ??= copiesDefaults(
            ctx,
            klass,
            attributes.some((a) => a.target.text === "_fields_"),
          );
          if (copies) return;
          ctx.report({
            node: value,
            message: `Mutable class attribute \`${attr.target.text}\` is shared by every instance`,
          });
        }
      },
    };
  },
});

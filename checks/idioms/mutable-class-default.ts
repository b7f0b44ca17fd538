import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext } from "../../src/engine/check.js";
import { unparenthesize } from "../../src/engine/ast.js";
import { classAttributes, isDataclass, isMutableValue, MUTABLE_DISPLAYS } from "../../src/engine/classes.js";

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
/** What follows `owner.name` when it is changed in place: a mutating call, an item assignment, an augmented assignment. */
const MUTATION = `\\s*\\.\\s*(?:${MUTATORS})\\s*\\(|\\s*\\[[^\\]\\n]*\\]\\s*(?:[-+*/|&^%]|\\*\\*|//|<<|>>)?=(?!=)|\\s*(?:\\+|\\||&|-|\\^)=`;
/** `.name` followed by a mutation; the owner before the dot is read by hand (a regex starting at a `.` is fast). */
const MUTATED_ATTRIBUTE = new RegExp(`\\.(\\w+)(?=${MUTATION})`, "g");
/** `del owner.name[...]`. */
const DELETED_ITEM = /del\s+(\w+)\.(\w+)(?=\s*\[)/g;

/** Owner → the attribute names the file changes in place through it (`self` → {`handlers`}). */
type Mutations = Map<string, Set<string>>;

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * Every `owner.name` of the file that is changed in place, as the per-class pattern of
 * `isMutated` would find it: the owner a whole word (ASCII, not itself an attribute), the name
 * followed by a mutation, or after `del` and followed by `[`. The mutation is only looked ahead
 * at, so that matches inside it (`self.a[self.b.pop()] = 1`) are still found.
 */
function findMutations(source: string): Mutations {
  const out: Mutations = new Map();
  const add = (owner: string, name: string): void => {
    let names = out.get(owner);
    if (!names) out.set(owner, (names = new Set()));
    names.add(name);
  };
  for (const m of source.matchAll(MUTATED_ATTRIBUTE)) {
    const dot = m.index;
    let start = dot;
    while (start > 0 && isWordChar(source.charCodeAt(start - 1))) start--;
    if (start === dot || (start > 0 && source.charCodeAt(start - 1) === 0x2e) /* . */) continue;
    add(source.slice(start, dot), m[1]!);
  }
  for (const m of source.matchAll(DELETED_ITEM)) add(m[1]!, m[2]!);
  return out;
}

/** `class Name(` / `class Name:`: a plain ASCII class name, read from the text. */
const PLAIN_CLASS_NAME = /class[ \t]+([A-Za-z_]\w*)[ \t]*[(:[]/y;

/** `self`, `cls` and the class's name with its non-word characters dropped. */
function ownersOf(source: string, klass: SyntaxNode): string[] {
  PLAIN_CLASS_NAME.lastIndex = klass.startIndex;
  const name = PLAIN_CLASS_NAME.exec(source)?.[1] ?? klass.childForFieldName("name")?.text ?? "";
  return ["self", "cls", name.replace(/\W/g, "")];
}

/**
 * The class's code (or the module's, through the class name) changes the attribute in place:
 * `self.x.append(...)`, `cls.x[k] = v`, `Registry.x.update(...)`, `self.x += [...]`, `del self.x[k]`.
 */
function isMutated(ctx: CheckContext, mutations: Mutations, owners: string[], name: string): boolean {
  // The file's index holds ASCII words only: a non-ASCII name, or an owner with nothing left
  // of the class name, is searched for in the source on its own.
  if (owners[2] === "" || /\W/.test(name)) {
    const owner = `(?<![\\w.])(?:${owners.join("|")})`;
    const pattern = new RegExp(`${owner}\\.${name}(?:${MUTATION})|del\\s+${owner}\\.${name}\\s*\\[`);
    return pattern.test(ctx.source);
  }
  return owners.some((owner) => mutations.get(owner)?.has(name));
}

export default defineCheck({
  id: "mutable-class-default",
  codes: ["RUF012"],
  category: "idioms",
  severity: "warning",
  type: "bug",
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
    // Computed at the first class with an attribute worth judging.
    let mutations: Mutations | undefined;
    // In an ASCII file every attribute name is in the index: a class none of whose owners is
    // ever changed in place has nothing to report, and its body need not be read.
    let ascii: boolean | undefined;
    const neverMutated = (owners: string[]): boolean =>
      owners[2] !== "" &&
      !owners.some((owner) => mutations!.has(owner)) &&
      (ascii ??= !/[\u0080-\uffff]/.test(ctx.source));
    return {
      class_definition(klass) {
        const owners = ownersOf(ctx.source, klass);
        if (mutations && neverMutated(owners)) return;
        const attributes = classAttributes(klass);
        const candidates: { attr: (typeof attributes)[number]; value: SyntaxNode }[] = [];
        for (const attr of attributes) {
          // Dunders (`__slots__`, `__all__`) are class-level by design.
          if (attr.target.type !== "identifier" || /^__\w+__$/.test(attr.target.text)) continue;
          // `a = b = {}`: the value is the last right-hand side.
          let value = attr.value;
          while (value.type === "assignment" && value.childForFieldName("right"))
            value = value.childForFieldName("right")!;
          // Only a display or a call can be a mutable value (see `isMutableValue`).
          const bare = unparenthesize(value);
          if (MUTABLE_DISPLAYS.has(bare.type) || bare.type === "call") candidates.push({ attr, value });
        }
        if (candidates.length === 0) return;
        mutations ??= findMutations(ctx.source);
        if (neverMutated(owners)) return;
        let dataclass: boolean | undefined;
        let copies: boolean | undefined;
        for (const { attr, value } of candidates) {
          // A table that nothing changes (a lexer's `tokens = {...}`) shares nothing harmful.
          // Tested first: it is a set lookup, while the value and annotation may need names resolved.
          if (!isMutated(ctx, mutations, owners, attr.target.text)) continue;
          if (!isMutableValue(ctx, value) || declaresSharing(ctx, attr.annotation)) continue;
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

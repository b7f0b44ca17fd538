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

/** Owner → attribute name → where the file changes it in place through that owner (the owner's offset). */
type Mutations = Map<string, Map<string, number[]>>;

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function addMutation(out: Mutations, owner: string, name: string, at: number): void {
  let names = out.get(owner);
  if (!names) out.set(owner, (names = new Map()));
  const offsets = names.get(name);
  if (offsets) offsets.push(at);
  else names.set(name, [at]);
}

/**
 * Every `owner.name` of the file that is changed in place: the owner a whole word (ASCII, not
 * itself an attribute), the name followed by a mutation, or after `del` and followed by `[`.
 * The mutation is only looked ahead at, so that matches inside it (`self.a[self.b.pop()] = 1`)
 * are still found.
 */
function findMutations(source: string): Mutations {
  const out: Mutations = new Map();
  for (const m of source.matchAll(MUTATED_ATTRIBUTE)) {
    const dot = m.index;
    let start = dot;
    while (start > 0 && isWordChar(source.charCodeAt(start - 1))) start--;
    if (start === dot || (start > 0 && source.charCodeAt(start - 1) === 0x2e) /* . */) continue;
    addMutation(out, source.slice(start, dot), m[1]!, start);
  }
  for (const m of source.matchAll(DELETED_ITEM)) addMutation(out, m[1]!, m[2]!, m.index + m[0].indexOf(m[1]!, 3));
  return out;
}

/** The same, for a name or class the index cannot hold (non-ASCII): searched for in the source on its own. */
function findMutationsOf(source: string, owners: string[], name: string): Mutations {
  const out: Mutations = new Map();
  const escaped = name.replace(/[^\w]/gu, "\\$&");
  for (const owner of owners) {
    if (!owner) continue;
    const ownerPattern = `(?<![\\w.])${owner.replace(/[^\w]/gu, "\\$&")}`;
    const pattern = new RegExp(
      `${ownerPattern}\\.${escaped}(?:${MUTATION})|del\\s+(${ownerPattern})\\.${escaped}\\s*\\[`,
      "gu",
    );
    for (const m of source.matchAll(pattern))
      addMutation(out, owner, name, m[1] === undefined ? m.index : m.index + m[0].indexOf(m[1], 3));
  }
  return out;
}

/** `class Name(` / `class Name:`: a plain ASCII class name, read from the text. */
const PLAIN_CLASS_NAME = /class[ \t]+([A-Za-z_]\w*)[ \t]*[(:[]/y;

function classNameOf(source: string, klass: SyntaxNode): string {
  PLAIN_CLASS_NAME.lastIndex = klass.startIndex;
  return PLAIN_CLASS_NAME.exec(source)?.[1] ?? klass.childForFieldName("name")?.text ?? "";
}

/** The innermost class around `offset`: whose `self` an owner there is. */
function classAt(root: SyntaxNode, offset: number): SyntaxNode | null {
  for (let cur: SyntaxNode | null = root.descendantForIndex(offset); cur; cur = cur.parent)
    if (cur.type === "class_definition") return cur;
  return null;
}

function functionAt(root: SyntaxNode, offset: number): SyntaxNode | null {
  for (let cur: SyntaxNode | null = root.descendantForIndex(offset); cur; cur = cur.parent)
    if (cur.type === "function_definition") return cur;
  return null;
}

/**
 * Where the attribute `name` of `klass` is changed in place: through the class's name anywhere
 * in the module (`Registry.items.update(...)`), or through `self`/`cls` in the class's own
 * methods or in those of a subclass in the file that does not define `name` itself. A
 * `self.items.append(...)` in another class says nothing of this one. The first offset, or -1.
 */
function firstMutation(
  root: SyntaxNode,
  mutations: Mutations,
  klass: SyntaxNode,
  className: string,
  subclasses: SyntaxNode[],
  name: string,
): number {
  const owned = new Set([klass.id, ...subclasses.map((s) => s.id)]);
  let first = -1;
  const consider = (at: number): void => {
    if (first === -1 || at < first) first = at;
  };
  if (className) for (const at of mutations.get(className)?.get(name) ?? []) consider(at);
  for (const owner of ["self", "cls"])
    for (const at of mutations.get(owner)?.get(name) ?? []) {
      const around = classAt(root, at);
      if (around && owned.has(around.id)) consider(at);
    }
  return first;
}

/** `cls.items = ...` anywhere in the class, or `self.items = ...` in `__init__`/`__new__`: each class or instance gets its own. */
function rebindsPerOwner(source: string, root: SyntaxNode, klass: SyntaxNode, name: string): boolean {
  const text = source.slice(klass.startIndex, klass.endIndex);
  const escaped = name.replace(/[^\w]/gu, "\\$&");
  const pattern = new RegExp(`(?<![\\w.])(self|cls)\\s*\\.\\s*${escaped}\\s*(?:,[^=\\n]*)?=(?!=)`, "gu");
  for (const m of text.matchAll(pattern)) {
    const at = klass.startIndex + m.index;
    if (classAt(root, at)?.id !== klass.id) continue;
    if (m[1] === "cls") return true;
    const def = functionAt(root, at)?.childForFieldName("name")?.text;
    if (def === "__init__" || def === "__new__" || def === "setUp") return true;
  }
  return false;
}

/** The type to write in `ClassVar[...]` for a value: `list`, `dict`, `set`, the constructor's name, or "" when unknown. */
function typeName(value: SyntaxNode): string {
  const node = unparenthesize(value);
  if (node.type === "list" || node.type === "list_comprehension") return "list";
  if (node.type === "dictionary" || node.type === "dictionary_comprehension") return "dict";
  if (node.type === "set" || node.type === "set_comprehension") return "set";
  const fn = node.type === "call" ? node.childForFieldName("function") : null;
  return fn && /^[\w.]+$/.test(fn.text) ? fn.text.slice(fn.text.lastIndexOf(".") + 1) : "";
}

/**
 * Classes whose instances cannot hold the attribute themselves, so a class-level registry is
 * the only place for it: metaclasses (their attributes are shared by the classes they build),
 * classes with `__slots__`, and named tuples.
 */
function cannotHoldPerInstance(
  ctx: CheckContext,
  klass: SyntaxNode,
  attributes: ReturnType<typeof classAttributes>,
): boolean {
  if (attributes.some((a) => a.target.text === "__slots__")) return true;
  return (klass.childForFieldName("superclasses")?.namedChildren ?? []).some((base) => {
    const callee = base.type === "call" ? base.childForFieldName("function") : base;
    const name = (callee && ctx.qualifiedName(callee)) ?? callee?.text ?? "";
    return /^(?:builtins\.)?type$|^abc\.ABCMeta$|^collections\.namedtuple$|^typing\.NamedTuple$/.test(name);
  });
}

export default defineCheck({
  id: "mutable-class-default",
  codes: ["RUF012"],
  category: "idioms",
  // Off by default: on the judged corpus its findings were mostly deliberate (docs/precision.md).
  severity: "off",
  type: "bug",
  fix: "never",
  docs: {
    summary:
      "A mutable class attribute (list, dict, set) without `ClassVar`, changed in place through an instance or the class.",
    why: "A list or dict assigned in the class body is one object shared by every instance: appending through one instance changes them all. Create it in `__init__`, or annotate it `ClassVar[...]` when sharing is the point.",
    bad: "class Registry:\n    handlers = []\n\n    def register(self, handler):\n        self.handlers.append(handler)\n",
    good: "class Registry:\n    def __init__(self):\n        self.handlers = []\n\n    def register(self, handler):\n        self.handlers.append(handler)\n",
    differences:
      "Like Ruff, dataclass fields with annotations are left to mutable-dataclass-default, and ctypes structures that declare `_fields_` are skipped. Unlike Ruff, classes deriving from pydantic, msgspec or SQLModel models are skipped even when written through an alias, since those copy defaults per instance; and dunder attributes (`__all__`, `__match_args__`, `__slots__`) are never reported, since they are class-level by design. Most of all, an attribute is reported only when the module changes it in place through the class or an instance (`self.handlers.append(...)`, `cls.cache[key] = ...`, `Registry.items.update(...)`): a table nothing changes (a lexer's `tokens = {...}`, a model's `attribute_map = {...}`) shares nothing harmful, while Ruff reports every one. The change must be to this class's attribute: through the class's name, or through `self`/`cls` in its own methods or in those of a subclass in the file that does not define the name itself (another class's `self.handlers.append(...)` says nothing of this one). Not reported either: an attribute each instance rebinds in `__init__` (`self.items = []`) or each class rebinds through `cls` (copy on write), and the attributes of classes whose instances cannot hold their own (metaclasses, whose registries are shared by the classes they build on purpose; classes with `__slots__`; named tuples).",
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
    // Classes of the file by the names their bases spell (`class B(A)`, `class B(mod.A)`): a
    // subclass's `self.items.append(...)` changes the base's list when it does not define its own.
    let subclassesByBase: Map<string, SyntaxNode[]> | undefined;
    const subclassesOf = (name: string): SyntaxNode[] => {
      if (!subclassesByBase) {
        subclassesByBase = new Map();
        for (const other of ctx.tree.rootNode.descendantsOfType("class_definition"))
          for (const base of other.childForFieldName("superclasses")?.namedChildren ?? []) {
            const spelled = base.type === "attribute" ? base.childForFieldName("attribute")?.text : base.text;
            if (!spelled) continue;
            const list = subclassesByBase.get(spelled);
            if (list) list.push(other);
            else subclassesByBase.set(spelled, [other]);
          }
      }
      return subclassesByBase.get(name) ?? [];
    };
    return {
      class_definition(klass) {
        const className = classNameOf(ctx.source, klass);
        const owners = ["self", "cls", className.replace(/\W/g, "")];
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
        const root = ctx.tree.rootNode;
        let dataclass: boolean | undefined;
        let copies: boolean | undefined;
        let classLevelOnly: boolean | undefined;
        let subclasses: SyntaxNode[] | undefined;
        for (const { attr, value } of candidates) {
          const name = attr.target.text;
          // The file's index holds ASCII words only: a non-ASCII name or class name is searched for on its own.
          const index = owners[2] === "" || /\W/.test(name) ? findMutationsOf(ctx.source, owners, name) : mutations;
          if (!owners.some((owner) => index.get(owner)?.has(name))) continue;
          subclasses ??= className ? subclassesOf(className).filter((sub) => sub.id !== klass.id) : [];
          const own = subclasses.filter((sub) => !classAttributes(sub).some((a) => a.target.text === name));
          // A table that nothing changes (a lexer's `tokens = {...}`) shares nothing harmful.
          const at = firstMutation(root, index, klass, owners[2]!, own, name);
          if (at < 0) continue;
          if (!isMutableValue(ctx, value) || declaresSharing(ctx, attr.annotation)) continue;
          // `cls.items = dict(cls.items)` (copy on write per subclass), `self.items = []` in `__init__`.
          if (rebindsPerOwner(ctx.source, root, klass, name)) continue;
          // Resolving decorators and bases costs a scope analysis: only once something is found.
          dataclass ??= isDataclass(ctx, klass);
          if (dataclass && attr.annotation) continue;
          copies ??= copiesDefaults(
            ctx,
            klass,
            attributes.some((a) => a.target.text === "_fields_"),
          );
          if (copies) return;
          classLevelOnly ??= cannotHoldPerInstance(ctx, klass, attributes);
          if (classLevelOnly) return;
          const line = root.descendantForIndex(at).startPosition.row + 1;
          const type = typeName(value);
          const classVar = type ? `ClassVar[${type}]` : "ClassVar";
          ctx.report({
            node: value,
            message: `Mutable class attribute \`${name}\` is changed in place (line ${line}) and shared by every instance: create it in \`__init__\` if each instance needs its own, or annotate it \`${classVar}\` if sharing is intended`,
          });
        }
      },
    };
  },
});

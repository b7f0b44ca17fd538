import { defineProjectCheck, type ProjectCheckContext } from "../../src/engine/check.js";
import { ModuleNames } from "../../src/engine/names.js";
import { parsePython } from "../../src/engine/parser.js";
import type { ProjectContext } from "../../src/engine/project.js";
import {
  entryPoints,
  keyLine,
  moduleFileCandidates,
  normalizeName,
  sourceRoots,
  tableAt,
  type TomlTable,
} from "../../src/engine/pyproject.js";

/** The repository file of a dotted module, or "extension" when it is compiled, or null. */
function moduleFile(project: ProjectContext, roots: readonly string[], module: string): string | null {
  const rel = module.replace(/\./g, "/");
  for (const root of roots) {
    for (const candidate of moduleFileCandidates(root, module)) if (project.hasPath(candidate)) return candidate;
    if (project.paths?.some((p) => p.startsWith(`${root}${rel}.`) && /\.(pyx|pyi|so|pyd|c|rs)$/.test(p)))
      return "extension";
  }
  return null;
}

/** The top-level package or module is in this repository (not a third-party distribution). */
function isFirstParty(project: ProjectContext, roots: readonly string[], top: string): boolean {
  return roots.some(
    (root) => project.hasPath(`${root}${top}.py`) || !!project.paths?.some((p) => p.startsWith(`${root}${top}/`)),
  );
}

/**
 * Whether `module:a.b` resolves in the module's text: `a` must be bound at module level, and
 * when `a` is a class defined there without base classes, `b` must be defined in its body.
 * Returns the first missing part, or null when it resolves or cannot be known.
 */
function missingPart(text: string, attr: readonly string[]): string | null {
  if (/^\s*from\s+\S+\s+import\s+\*/m.test(text)) return null;
  const names = new ModuleNames(parsePython(text));
  const bindings = names.module;
  const head = attr[0]!;
  if (bindings.has("__getattr__")) return null;
  const binding = bindings.get(head);
  if (!binding) {
    // `global name` inside a function binds it at module level too.
    return new RegExp(`^\\s*global\\s+(?:[\\w\\s,]*,\\s*)?${head}\\b`, "m").test(text) ? null : head;
  }
  const klass = binding.node.parent;
  if (attr.length < 2 || binding.kind !== "local" || klass?.type !== "class_definition") return null;
  if (klass.childForFieldName("name")?.id !== binding.node.id) return null;
  // Inherited attributes cannot be seen here; nor can a class that defines it twice.
  if (klass.childForFieldName("superclasses") || bindings.get(head) !== binding) return null;
  const body = klass.childForFieldName("body");
  const members = body ? names.scopeOf(klass) : new Map();
  return members.has(attr[1]!) || members.has("__getattr__") ? null : `${head}.${attr[1]}`;
}

function check(ctx: ProjectCheckContext, text: string, path: string, doc: TomlTable): void {
  const { project } = ctx;
  const roots = sourceRoots(doc);
  const rawName = tableAt(doc, ["project"])?.["name"] ?? tableAt(doc, ["tool", "poetry"])?.["name"];
  const importName = typeof rawName === "string" ? normalizeName(rawName).replace(/-/g, "_") : null;
  for (const entry of entryPoints(doc)) {
    const top = entry.module.split(".")[0]!;
    const line = keyLine(text, entry.table, entry.name) ?? 1;
    const reference = `${entry.module}${entry.attr.length ? `:${entry.attr.join(".")}` : ""}`;
    // Entry points may name other distributions' modules: judge only our own.
    if (!isFirstParty(project, roots, top) && top !== importName) continue;
    const file = moduleFile(project, roots, entry.module);
    if (file === null) {
      ctx.report({
        path,
        line,
        message: `\`${entry.name}\` points at \`${reference}\`, but there is no module \`${entry.module}\` in the repository: the installed command will fail with ModuleNotFoundError`,
      });
      continue;
    }
    if (file === "extension" || entry.attr.length === 0) continue;
    const source = project.read(file);
    if (source === undefined) continue;
    const missing = missingPart(source, entry.attr);
    if (missing !== null)
      ctx.report({
        path,
        line,
        message: `\`${entry.name}\` points at \`${reference}\`, but \`${file}\` defines no \`${missing}\`: the installed command will fail with AttributeError`,
      });
  }
}

export default defineProjectCheck({
  id: "entry-point-not-found",
  codes: [],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "A `[project.scripts]`, `gui-scripts` or entry point naming a `module:attr` that does not exist.",
    why: "Entry points are resolved only when the installed command runs: a renamed function or a moved module builds and installs fine, then every user gets `ModuleNotFoundError` or `AttributeError`. peptalk resolves the reference against the repository's own modules (flat and `src/` layouts), down to a method of a class (`module:Class.method`); references to other distributions are left alone.",
  },
  examples: {
    bad: {
      files: {
        "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\n\n[project.scripts]\nacme = "acme.cli:main"\n',
        "src/acme/__init__.py": "",
        "src/acme/cli.py": "def run():\n    pass\n",
      },
    },
    good: {
      files: {
        "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\n\n[project.scripts]\nacme = "acme.cli:main"\n',
        "src/acme/__init__.py": "",
        "src/acme/cli.py": "def main():\n    pass\n",
      },
    },
  },
  run(ctx) {
    const pyproject = ctx.project.pyproject;
    // Without the file list, a missing module cannot be told from an unlisted one.
    if (!pyproject?.data || !ctx.project.paths) return;
    check(ctx, pyproject.text, pyproject.path, pyproject.data);
  },
});

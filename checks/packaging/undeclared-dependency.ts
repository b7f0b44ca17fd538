import type { SyntaxNode } from "tree-sitter";
import { defineCheck, type CheckContext, type Visitors } from "../../src/engine/check.js";
import { IMPORT_DISTRIBUTIONS, PROVIDED_BY } from "../../src/engine/data/import-distributions.js";
import { STDLIB_MODULES } from "../../src/engine/data/stdlib-modules.js";
import type { ProjectContext } from "../../src/engine/project.js";
import {
  dependencyGroupSources,
  pep621Sources,
  poetrySources,
  sourceRoots,
  tableAt,
  toolDevSources,
} from "../../src/engine/pyproject.js";

// Files that declare test/dev dependencies peptalk does not read: when one exists, test
// code may rightly import what pyproject.toml does not list.
const OTHER_DEV_DEPENDENCY_FILES =
  /(^|\/)(requirements[^/]*\.(txt|in)|requirements\/[^/]+|tox\.ini|noxfile\.py|Pipfile|environment\.ya?ml|constraints[^/]*\.txt)$/;

interface Declared {
  runtime: Set<string>;
  /** Runtime plus every group, extra and dev list: what test code may import. */
  all: Set<string>;
}

/** The distributions pyproject declares; null when they cannot be known (dynamic, no table). */
function declaredDependencies(project: ProjectContext): Declared | null {
  const doc = project.pyproject?.data;
  if (!doc) return null;
  const table = tableAt(doc, ["project"]);
  const poetry = tableAt(doc, ["tool", "poetry", "dependencies"]);
  const dynamic = table?.["dynamic"];
  if (Array.isArray(dynamic) && dynamic.includes("dependencies")) return null;
  if (!(table && Array.isArray(table["dependencies"])) && !poetry) return null;
  const runtimeSources = [...pep621Sources(doc), ...poetrySources(doc).filter((s) => s.table.length === 3)];
  const devSources = [...dependencyGroupSources(doc), ...toolDevSources(doc), ...poetrySources(doc)];
  const names = (sources: typeof runtimeSources): string[] => sources.flatMap((s) => s.dependencies.map((d) => d.name));
  const runtime = new Set(names(runtimeSources));
  return { runtime, all: new Set([...runtime, ...names(devSources)]) };
}

/** Every directory and module name in the repository: an import of one is first-party. */
function firstPartyNames(project: ProjectContext): Set<string> {
  const names = new Set<string>();
  for (const path of project.paths ?? []) {
    const parts = path.split("/");
    const file = parts.pop()!;
    for (const dir of parts) names.add(dir);
    if (file.endsWith(".py") || file.endsWith(".pyi")) names.add(file.replace(/\.pyi?$/, ""));
    else if (/\.(so|pyd)$/.test(file)) names.add(file.split(".")[0]!);
  }
  return names;
}

/** Package code: inside a top-level package (a directory with `__init__.py`) of a source root. */
function isPackageCode(project: ProjectContext, path: string): boolean {
  for (const root of sourceRoots(project.pyproject?.data ?? null)) {
    if (!path.startsWith(root)) continue;
    const top = path.slice(root.length).split("/")[0]!;
    if (path.slice(root.length).includes("/") && project.hasPath(`${root}${top}/__init__.py`)) return true;
  }
  return false;
}

/** Imports executed unconditionally at import time: not guarded, not for type checkers only. */
function isUnconditional(node: SyntaxNode): boolean {
  for (let p = node.parent; p && p.type !== "module"; p = p.parent) {
    if (p.type === "try_statement" || p.type === "function_definition" || p.type === "class_definition") return false;
    if (p.type === "if_statement") {
      const condition = p.childForFieldName("condition")?.text ?? "";
      if (/TYPE_CHECKING|version_info|platform|sys\.version/.test(condition)) return false;
    }
    if (p.type === "with_statement") return false; // e.g. contextlib.suppress(ImportError)
  }
  return true;
}

/** The top-level module names an import statement imports (absolute imports only). */
function importedTops(node: SyntaxNode): { name: string; node: SyntaxNode }[] {
  if (node.type === "import_from_statement") {
    const module = node.childForFieldName("module_name");
    if (!module || module.type === "relative_import") return [];
    return [{ name: module.text.split(".")[0]!, node: module }];
  }
  return node.childrenForFieldName("name").flatMap((n) => {
    const dotted = n.type === "aliased_import" ? n.childForFieldName("name") : n;
    return dotted ? [{ name: dotted.text.split(".")[0]!, node: dotted }] : [];
  });
}

function isDeclared(distribution: string, declared: Set<string>): boolean {
  if (declared.has(distribution)) return true;
  // opencv ships under several names; psycopg2 too.
  if (distribution === "opencv-python")
    return ["opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"].some((d) =>
      declared.has(d),
    );
  if (distribution === "psycopg2") return declared.has("psycopg2-binary");
  return (PROVIDED_BY[distribution] ?? []).some((provider) => declared.has(provider));
}

interface ProjectFacts {
  declared: Declared | null;
  firstParty: Set<string>;
  /** Test dependencies may be declared where peptalk does not read them. */
  testDependenciesElsewhere: boolean;
}

// What every analysed file of a project shares: read once, not once per file.
const factsCache = new WeakMap<ProjectContext, ProjectFacts>();

function projectFacts(project: ProjectContext): ProjectFacts {
  let facts = factsCache.get(project);
  if (!facts) {
    const doc = project.pyproject?.data ?? null;
    facts = {
      declared: declaredDependencies(project),
      firstParty: firstPartyNames(project),
      testDependenciesElsewhere:
        !!project.paths?.some((p) => OTHER_DEV_DEPENDENCY_FILES.test(p)) ||
        !!tableAt(doc, ["tool", "hatch", "envs"]) ||
        !!tableAt(doc, ["tool", "tox"]),
    };
    factsCache.set(project, facts);
  }
  return facts;
}

function prepare(ctx: CheckContext): { declared: Set<string>; firstParty: Set<string>; where: string } | null {
  const project = ctx.project;
  if (!project?.paths) return null;
  const { declared, firstParty, testDependenciesElsewhere } = projectFacts(project);
  if (!declared) return null;
  if (ctx.isTestFile) {
    if (testDependenciesElsewhere) return null;
    return { declared: declared.all, firstParty, where: "the project's dependencies, extras or dependency groups" };
  }
  if (!isPackageCode(project, ctx.path)) return null;
  return { declared: declared.runtime, firstParty, where: "`[project].dependencies`" };
}

export default defineCheck({
  id: "undeclared-dependency",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "Package code imports a third-party distribution the project does not declare.",
    why: "An import that works on your machine because the library happens to be installed fails with `ImportError` for every user who installs the package: pip installs only what `[project].dependencies` lists. Test code may also use extras and dependency groups. peptalk knows the standard library, the repository's own modules and the distribution names of common imports (`yaml` is PyYAML); for any other name, dynamic dependencies, guarded or type-checking-only imports it stays silent.",
    bad: "import requests\nimport yaml\n\n\ndef load(url):\n    return yaml.safe_load(requests.get(url, timeout=10).text)\n",
    good: "import requests\n\n\ndef fetch(url):\n    return requests.get(url, timeout=10).text\n",
  },
  docsContext: {
    bad: {
      path: "acme/config.py",
      project: {
        paths: ["pyproject.toml", "acme/__init__.py", "acme/config.py"],
        files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1"\ndependencies = ["requests>=2"]\n' },
      },
    },
    good: {
      path: "acme/config.py",
      project: {
        paths: ["pyproject.toml", "acme/__init__.py", "acme/config.py"],
        files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1"\ndependencies = ["requests>=2"]\n' },
      },
    },
  },
  create(ctx): Visitors {
    if (!/^\s*(import|from)\s/m.test(ctx.source)) return {};
    const setup = prepare(ctx);
    if (!setup) return {};
    const reported = new Set<string>();
    const visit = (node: SyntaxNode): void => {
      if (!isUnconditional(node)) return;
      for (const { name, node: at } of importedTops(node)) {
        if (STDLIB_MODULES.has(name) || setup.firstParty.has(name)) continue;
        const distribution = IMPORT_DISTRIBUTIONS.get(name);
        if (!distribution || reported.has(distribution) || isDeclared(distribution, setup.declared)) continue;
        reported.add(distribution);
        ctx.report({
          node: at,
          message: `\`${name}\` comes from the \`${distribution}\` distribution, which is not in ${setup.where}: installs will fail with ImportError; declare it`,
        });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});

import { defineProjectCheck, type ProjectCheckContext } from "../../src/engine/check.js";
import { parseTomlFile } from "../../src/engine/project.js";
import {
  dependencyGroupSources,
  keyLine,
  pep621Sources,
  pipfileSources,
  poetrySources,
  requirementLines,
  requirementsDependencies,
  tableHeaderLine,
  toolDevSources,
  valueLine,
  type DependencySource,
} from "../../src/engine/pyproject.js";

/** A manifest whose dependencies a lock file pins, and how to read them. */
interface LockedManifest {
  manifest: string;
  lock: string;
  /** The command that refreshes the lock. */
  command: string;
  sources(text: string): DependencySource[] | null;
}

function pyprojectSources(pick: (doc: Record<string, unknown>) => DependencySource[]) {
  return (text: string): DependencySource[] | null => {
    const doc = parseTomlFile("pyproject.toml", text).data;
    return doc ? pick(doc) : null;
  };
}

/** The lock-keeping tools this repository uses, read from the files present at head. */
function lockedManifests(ctx: ProjectCheckContext): LockedManifest[] {
  const { project } = ctx;
  const found: LockedManifest[] = [];
  if (project.hasPath("uv.lock"))
    found.push({
      manifest: "pyproject.toml",
      lock: "uv.lock",
      command: "uv lock",
      sources: pyprojectSources((doc) => [
        ...pep621Sources(doc),
        ...dependencyGroupSources(doc),
        ...toolDevSources(doc).filter((s) => s.table[1] === "uv"),
      ]),
    });
  if (project.hasPath("poetry.lock"))
    found.push({
      manifest: "pyproject.toml",
      lock: "poetry.lock",
      command: "poetry lock",
      sources: pyprojectSources((doc) => [
        ...poetrySources(doc),
        ...pep621Sources(doc),
        ...dependencyGroupSources(doc),
      ]),
    });
  if (project.hasPath("pdm.lock"))
    found.push({
      manifest: "pyproject.toml",
      lock: "pdm.lock",
      command: "pdm lock",
      sources: pyprojectSources((doc) => [
        ...pep621Sources(doc),
        ...dependencyGroupSources(doc),
        ...toolDevSources(doc).filter((s) => s.table[1] === "pdm"),
      ]),
    });
  if (project.hasPath("Pipfile.lock"))
    found.push({ manifest: "Pipfile", lock: "Pipfile.lock", command: "pipenv lock", sources: pipfileSources });
  // pip-tools: `requirements.in` compiles to `requirements.txt` beside it.
  for (const path of project.changedPaths ?? []) {
    if (!path.endsWith(".in") || !/(^|\/)requirements[^/]*\.in$|(^|\/)requirements\/[^/]+\.in$/.test(path)) continue;
    const output = `${path.slice(0, -3)}.txt`;
    if (project.hasPath(output))
      found.push({
        manifest: path,
        lock: output,
        command: `pip-compile ${path}`,
        sources: (text) => [{ table: [], dependencies: requirementsDependencies(text) }],
      });
  }
  return found;
}

/** Dependency name → canonical entries, across all sources. */
function byName(sources: readonly DependencySource[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const s of sources)
    for (const d of s.dependencies) {
      const set = map.get(d.name) ?? new Set();
      set.add(`${s.table.join(".")}|${s.key ?? ""}|${d.canonical}`);
      map.set(d.name, set);
    }
  return map;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** The line of a dependency in the manifest's head text. */
function lineOf(text: string, manifest: string, sources: readonly DependencySource[], name: string): number | null {
  for (const s of sources)
    for (const d of s.dependencies) {
      if (d.name !== name) continue;
      if (manifest.endsWith(".in")) return requirementLines(text).find((r) => r.text === d.raw.trim())?.line ?? null;
      return s.key !== undefined ? valueLine(text, s.table, s.key, d.raw) : keyLine(text, s.table, d.raw);
    }
  return null;
}

const list = (names: string[]): string => names.map((n) => `\`${n}\``).join(", ");

export default defineProjectCheck({
  id: "lockfile-not-updated",
  codes: [],
  category: "packaging",
  severity: "warning",
  type: "bug",
  fix: "never",
  docs: {
    summary: "The change edits declared dependencies but not the lock file the repository keeps.",
    why: "A lock file (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, pip-compile output) is what CI and deployments install. When `pyproject.toml` gains or changes a dependency and the lock stays as it was, the new requirement is not installed anywhere that installs from the lock, or the install fails outright. Only real dependency changes count: reformatting or comments do not.",
  },
  examples: {
    bad: {
      files: {
        "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2", "httpx>=0.27"]\n',
      },
      paths: ["uv.lock"],
      changed: ["pyproject.toml"],
      base: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2"]\n' },
    },
    good: {
      files: {
        "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2", "httpx>=0.27"]\n',
      },
      paths: ["uv.lock"],
      changed: ["pyproject.toml", "uv.lock"],
      base: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2"]\n' },
    },
  },
  run(ctx) {
    const changed = ctx.project.changedPaths;
    // Without a diff (plain `peptalk check`) there is nothing to compare.
    if (!changed) return;
    const changedSet = new Set(changed);
    for (const locked of lockedManifests(ctx)) {
      if (!changedSet.has(locked.manifest) || changedSet.has(locked.lock)) continue;
      const head = ctx.project.read(locked.manifest);
      const base = ctx.project.readBase(locked.manifest);
      if (head === undefined || base === undefined) continue;
      const headSources = locked.sources(head);
      const baseSources = base === null ? [] : locked.sources(base);
      if (!headSources || !baseSources) continue;
      const before = byName(baseSources);
      const after = byName(headSources);
      const added = [...after.keys()].filter((n) => !before.has(n));
      const removed = [...before.keys()].filter((n) => !after.has(n));
      const modified = [...after.keys()].filter((n) => before.has(n) && !sameSet(before.get(n)!, after.get(n)!));
      if (added.length + removed.length + modified.length === 0) continue;
      const first = [...added, ...modified][0];
      const line =
        (first !== undefined ? lineOf(head, locked.manifest, headSources, first) : null) ??
        (locked.manifest === "pyproject.toml" ? tableHeaderLine(head, ["project"]) : null) ??
        1;
      const parts = [
        added.length ? `adds ${list(added)}` : "",
        modified.length ? `changes ${list(modified)}` : "",
        removed.length ? `removes ${list(removed)}` : "",
      ].filter(Boolean);
      ctx.report({
        path: locked.manifest,
        line,
        message: `This change ${parts.join(", ")} in \`${locked.manifest}\` but leaves \`${locked.lock}\` as it was: installs from the lock will not match; run \`${locked.command}\` and commit the lock`,
      });
    }
  },
});

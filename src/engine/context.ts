// The `ctx` a check's `create` receives: reporting, text, edit builders and name resolution.
import type { SyntaxNode, Tree } from "tree-sitter";
import type { CheckContext, EditSpec, FileCheck, ReportSpec, TextRange } from "./check.js";
import type { ModuleNames } from "./names.js";
import type { ProjectContext } from "./project.js";
import type { PythonVersion } from "./types.js";

export interface RawReport {
  check: FileCheck;
  spec: ReportSpec;
  /** Start offset of `spec.construct`, read when reported (fix verification later edits the tree). */
  construct?: number;
}

/** A construct that follows a taste rule's convention (`ctx.follows`), by its start offset. */
export interface FollowedConvention {
  rule: string;
  start: number;
}

export interface FileState {
  path: string;
  source: string;
  tree: Tree;
  python: PythonVersion;
  isTestFile: boolean;
  project: ProjectContext | null;
  names: ModuleNames;
  reports: RawReport[];
  follows: FollowedConvention[];
}

function rangeOf(target: SyntaxNode | TextRange): TextRange {
  return "startIndex" in target ? { start: target.startIndex, end: target.endIndex } : target;
}

export function createCheckContext(check: FileCheck, file: FileState): CheckContext {
  const edit = (target: SyntaxNode | TextRange, text: string): EditSpec => ({ ...rangeOf(target), text });
  return {
    path: file.path,
    source: file.source,
    tree: file.tree,
    python: file.python,
    isTestFile: file.isTestFile,
    project: file.project,
    names: file.names,
    report(spec) {
      if (!spec.node && !spec.range) throw new Error(`${check.id}: report() needs a node or a range`);
      const construct = spec.construct?.startIndex;
      file.reports.push(construct === undefined ? { check, spec } : { check, spec, construct });
    },
    text(target) {
      const { start, end } = rangeOf(target);
      return file.source.slice(start, end);
    },
    edits: {
      replace: edit,
      remove: (target) => edit(target, ""),
      insertBefore: (target, text) => {
        const { start } = rangeOf(target);
        return { start, end: start, text };
      },
      insertAfter: (target, text) => {
        const { end } = rangeOf(target);
        return { start: end, end, text };
      },
    },
    isBuiltin: (node, name) => file.names.isBuiltin(node, name),
    qualifiedName: (node) => file.names.qualifiedName(node),
    follows(construct) {
      file.follows.push({ rule: check.id, start: construct.startIndex });
    },
  };
}

// Generated files are not reviewed: fixing a finding in them means changing the generator, and
// linters' default excludes skip them too. Recognised by the marker tools write in the file's
// leading comments ("Generated from X.g4 by ANTLR", "DO NOT EDIT", "@generated").

/** How many leading lines may hold the marker (licence headers come first in some generators). */
const HEADER_LINES = 12;
// The comment must *say* the file is generated ("Generated from X by ANTLR", "This file was
// automatically generated", "DO NOT EDIT"), not merely mention generated code ("tests the code
// generated with codegen").
const MARKER =
  /^[#*\s-]*(?:(?:this|the)\s+(?:\w+\s+)?(?:file|module|code)\s+(?:is|was|has\s+been)\s+)?(?:(?:automatically|auto)[\s-]?)?generated\b|\b(?:do\s+not|never)\s+edit\b|@generated\b|^[#*\s-]*auto-?generated\b/i;

/**
 * Whether the file's header says it is generated: one of its leading comment lines, or the first
 * lines of a module docstring that opens the file ("This code is automatically generated. Never
 * edit it manually.").
 */
export function isGeneratedSource(text: string): boolean {
  const lines = text.slice(0, 4096).split("\n", HEADER_LINES);
  let docstring: string | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    if (docstring !== null) {
      const body = trimmed.replace(/^[rRuU]?("""|''')/, "");
      if (MARKER.test(body.replace(/("""|''').*$/, ""))) return true;
      if (body.includes(docstring)) return false;
      continue;
    }
    if (trimmed === "") continue;
    const opening = /^[rRuU]?("""|''')/.exec(trimmed);
    if (opening) {
      const rest = trimmed.slice(opening[0].length);
      if (MARKER.test(rest.replace(/("""|''').*$/, ""))) return true;
      if (rest.includes(opening[1]!)) return false;
      docstring = opening[1]!;
      continue;
    }
    // Only the header before the first statement counts: code ends it.
    if (!trimmed.startsWith("#")) return false;
    if (MARKER.test(trimmed)) return true;
  }
  return false;
}

export const GENERATED_REASON = "generated file";

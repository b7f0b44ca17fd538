// Generated files are not reviewed: fixing a finding in them means changing the generator, and
// linters' default excludes skip them too. Recognised by the marker tools write in the file's
// leading comments ("Generated from X.g4 by ANTLR", "DO NOT EDIT", "@generated").

/** How many leading lines may hold the marker (licence headers come first in some generators). */
const HEADER_LINES = 12;
// The comment must *say* the file is generated ("Generated from X by ANTLR", "This file was
// automatically generated", "DO NOT EDIT"), not merely mention generated code ("tests the code
// generated with codegen").
const MARKER =
  /^[#*\s-]*(?:(?:this|the)\s+(?:\w+\s+)?(?:file|module|code)\s+(?:is|was|has\s+been)\s+)?(?:(?:automatically|auto)[\s-]?)?generated\b|\bdo\s+not\s+edit\b|@generated\b|^[#*\s-]*auto-?generated\b/i;

/** Whether one of the file's leading comment lines says the file is generated. */
export function isGeneratedSource(text: string): boolean {
  const lines = text.slice(0, 4096).split("\n", HEADER_LINES);
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    // Only the comment block before the first statement counts: a docstring or code ends it.
    if (!trimmed.startsWith("#")) return false;
    if (MARKER.test(trimmed)) return true;
  }
  return false;
}

export const GENERATED_REASON = "generated file";

// Where a project declares the Pythons it supports. pyproject.toml's `requires-python` is the
// modern place, but many projects declare it only in setup.cfg or setup.py, and an installed
// package carries it in its metadata (`Requires-Python:` in PKG-INFO / METADATA).
import { requiresPython } from "./project.js";

/** `[options] python_requires` of setup.cfg (INI; a value may continue on indented lines). */
export function setupCfgPythonRequires(text: string): string | null {
  let section = "";
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    if (section !== "options") continue;
    const entry = /^(python_requires|python-requires)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (entry && entry[2]) return entry[2];
  }
  return null;
}

/** `python_requires=` of setup.py, only as a literal string (a computed value is not guessed). */
export function setupPyPythonRequires(text: string): string | null {
  const match = /\bpython_requires\s*=\s*(?:[rbu]?)(["'])([^"'\n]+)\1\s*[,)\n]/.exec(text);
  return match ? match[2]!.trim() : null;
}

/** `Requires-Python:` of core metadata (an installed `*.egg-info/PKG-INFO` or `*.dist-info/METADATA`). */
export function metadataRequiresPython(text: string): string | null {
  // Headers end at the first blank line; the long description follows.
  const headers = text.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = /^Requires-Python:[ \t]*(.+?)\s*$/im.exec(headers);
  return match ? match[1]! : null;
}

export interface DeclaredPythonSources {
  pyproject?: string;
  setupCfg?: string;
  setupPy?: string;
  /** Core metadata of the installed package (PKG-INFO or METADATA). */
  metadata?: string;
}

/** The first declaration found, in the order packaging tools give them precedence. */
export function declaredRequiresPython(sources: DeclaredPythonSources): string | null {
  return (
    requiresPython(sources.pyproject) ??
    (sources.setupCfg !== undefined ? setupCfgPythonRequires(sources.setupCfg) : null) ??
    (sources.setupPy !== undefined ? setupPyPythonRequires(sources.setupPy) : null) ??
    (sources.metadata !== undefined ? metadataRequiresPython(sources.metadata) : null)
  );
}

/** The same, from repository files keyed by root-relative path (what a front door fetched). */
export function declaredRequiresPythonOf(files: Readonly<Record<string, string | undefined>>): string | null {
  return declaredRequiresPython({
    pyproject: files["pyproject.toml"],
    setupCfg: files["setup.cfg"],
    setupPy: files["setup.py"],
  });
}

import type { PythonVersion } from "./types.js";

export const DEFAULT_PYTHON: PythonVersion = [3, 9];

/** "3.10" → [3, 10]; null when it is not MAJOR.MINOR. */
export function parsePythonVersion(text: string): PythonVersion | null {
  const match = /^\s*(?:py)?(\d+)\.?(\d+)\s*$/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2])];
}

export function compareVersions(a: PythonVersion, b: PythonVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function formatVersion(v: PythonVersion): string {
  return `${v[0]}.${v[1]}`;
}

/**
 * The lowest Python a PEP 440 `requires-python` specifier allows, as MAJOR.MINOR:
 * ">=3.8" → 3.8, ">3.8" → 3.8 (3.8.1 is allowed), "~=3.9" → 3.9, "==3.11.*" → 3.11,
 * ">=3.7, !=3.8.*" → 3.7. Null when there is no lower bound or it cannot be read.
 */
export function lowestAllowedPython(specifier: string): PythonVersion | null {
  let best: PythonVersion | null = null;
  for (const raw of specifier.split(",")) {
    const clause = raw.trim();
    const match = /^(>=|>|~=|==|===)\s*v?(\d+)(?:\.(\d+|\*))?/.exec(clause);
    if (!match) continue;
    const minor = match[3] === undefined || match[3] === "*" ? 0 : Number(match[3]);
    const candidate: PythonVersion = [Number(match[2]), minor];
    if (!best || compareVersions(candidate, best) > 0) best = candidate;
  }
  return best;
}

// Rules whose advice is only right on some Pythons: `list[str]` needs 3.9, `X | None` 3.10,
// `super()` / dropping `(object)` / `yield from` need Python 3, `asyncio.get_running_loop()`
// 3.7. When no target is known (no config, no requires-python anywhere) they stay quiet rather
// than assume a default the project may not run on; below their minimum they do not run either.
import type { PythonVersion } from "./types.js";
import { compareVersions, parsePythonVersion } from "./version.js";

/** Rule id → the lowest target Python its advice is right on. */
export const VERSION_DEPENDENT_ADVICE: Readonly<Record<string, string>> = {
  "deprecated-typing-alias": "3.9",
  "optional-to-union": "3.10",
  "zip-without-strict": "3.10",
  "super-with-arguments": "3.0",
  "object-inheritance": "3.0",
  "yield-from": "3.3",
  "dataclass-candidate": "3.7",
  "deprecated-get-event-loop": "3.7",
  // Judges code against the declared minimum; with none declared there is nothing to judge.
  "syntax-newer-than-requires-python": "0.0",
};

/** Whether a rule may speak given the target Python and whether it was declared anywhere. */
export function versionAllowsRule(ruleId: string, python: PythonVersion, targetKnown: boolean): boolean {
  const min = VERSION_DEPENDENT_ADVICE[ruleId];
  if (min === undefined) return true;
  if (!targetKnown) return false;
  const version = parsePythonVersion(min);
  return !version || compareVersions(python, version) >= 0;
}

// A finding as the engine returns it, for tests of what consumes findings (formats, the cache):
// `none-comparison` on line 1 of a module, with the fields a test cares about overridden.
import type { Finding } from "../../src/engine/types.js";

export function makeFinding(over: Partial<Finding> = {}): Finding {
  return {
    path: "pkg/module.py",
    rule: "none-comparison",
    codes: ["E711"],
    category: "idioms",
    severity: "warning",
    message: "Comparison to `None` should be `is`, not `==`",
    line: 1,
    column: 6,
    endLine: 1,
    endColumn: 10,
    fix: null,
    fingerprint: "0123456789abcdef",
    ...over,
  };
}

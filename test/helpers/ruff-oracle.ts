// Ruff (ruff-wasm) as a test oracle: the lines where Ruff reports the given codes.
import { createRequire } from "node:module";
import type { PythonVersion } from "../../src/engine/types.js";

const require = createRequire(import.meta.url);
const ruff = require("@astral-sh/ruff-wasm-nodejs") as typeof import("@astral-sh/ruff-wasm-nodejs");

export interface RuffDiagnostic {
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const workspaces = new Map<string, InstanceType<typeof ruff.Workspace>>();

export function ruffCheck(
  source: string,
  codes: readonly string[],
  python: PythonVersion = [3, 9],
  options: { preview?: boolean } = {},
): RuffDiagnostic[] {
  const key = `${codes.join(",")}|${python.join(".")}|${options.preview ? 1 : 0}`;
  let ws = workspaces.get(key);
  if (!ws) {
    ws = new ruff.Workspace(
      { "target-version": `py${python[0]}${python[1]}`, lint: { select: [...codes], preview: !!options.preview } },
      ruff.PositionEncoding.Utf16,
    );
    workspaces.set(key, ws);
  }
  const diagnostics = ws.check(source) as {
    code: string | null;
    message: string;
    start_location: { row: number; column: number };
    end_location: { row: number; column: number };
  }[];
  return diagnostics
    .filter((d) => d.code !== null && codes.includes(d.code))
    .map((d) => ({
      code: d.code!,
      line: d.start_location.row,
      column: d.start_location.column,
      endLine: d.end_location.row,
      endColumn: d.end_location.column,
      message: d.message,
    }));
}

export function ruffVersion(): string {
  return ruff.Workspace.version();
}

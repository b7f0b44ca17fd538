// The competitor: Ruff (WebAssembly build) with every rule, in one process, over the same files.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { collectPythonFiles } from "../../src/cli/files.js";
import { decodeSource } from "../../src/engine/files.js";

const require = createRequire(import.meta.url);
const ruff = require("@astral-sh/ruff-wasm-nodejs") as typeof import("@astral-sh/ruff-wasm-nodejs");
const workspace = new ruff.Workspace(
  { "target-version": "py39", lint: { select: ["ALL"] } },
  ruff.PositionEncoding.Utf16,
);
const { files } = collectPythonFiles(process.argv.slice(2));
let checked = 0;
let diagnostics = 0;
for (const file of files) {
  const decoded = decodeSource(readFileSync(file), 1_000_000);
  if (!decoded.ok) continue;
  diagnostics += (workspace.check(decoded.text) as unknown[]).length;
  checked++;
}
process.stdout.write(`${checked} ${diagnostics}\n`);

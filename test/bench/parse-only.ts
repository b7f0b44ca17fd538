// The floor: tree-sitter parsing of every file, single-threaded, nothing else.
import { readFileSync } from "node:fs";
import { collectPythonFiles } from "../../src/cli/files.js";
import { decodeSource } from "../../src/engine/files.js";
import { parsePython } from "../../src/engine/parser.js";

const { files } = collectPythonFiles(process.argv.slice(2));
let parsed = 0;
for (const file of files) {
  const decoded = decodeSource(readFileSync(file), 1_000_000);
  if (!decoded.ok) continue;
  parsePython(decoded.text);
  // node-tree-sitter frees trees only when the event loop turns.
  if (++parsed % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(`${parsed}\n`);

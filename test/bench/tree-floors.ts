// Reference floors for what any analysis on node-tree-sitter costs beyond parsing, one thread:
//   cursor: parse, then visit every node once with a native tree cursor, reading its type and
//           span (what a JavaScript pass that looks at the whole tree cannot do with less);
//   query:  parse, then run one two-pattern tree-sitter query (`None` comparisons and star
//           imports), the cheapest way to let tree-sitter itself find candidate nodes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Language, Query as QueryType } from "tree-sitter";
import { collectPythonFiles } from "../../src/cli/files.js";
import { decodeSource } from "../../src/engine/files.js";
import { parsePython } from "../../src/engine/parser.js";

const [mode, ...paths] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { Query } = require("tree-sitter") as { Query: new (language: Language, source: string) => QueryType };
const python = require("tree-sitter-python") as Language;
const query = new Query(python, "(comparison_operator (none)) @none\n(wildcard_import) @star\n");

const { files } = collectPythonFiles(paths);
let parsed = 0;
let seen = 0;
for (const file of files) {
  const decoded = decodeSource(readFileSync(file), 1_000_000);
  if (!decoded.ok) continue;
  const tree = parsePython(decoded.text);
  if (mode === "query") seen += query.captures(tree.rootNode).length;
  else {
    const cursor = tree.walk();
    for (let done = false; !done;) {
      if (cursor.nodeType && cursor.endIndex >= cursor.startIndex) seen++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
  }
  // node-tree-sitter frees trees only when the event loop turns.
  if (++parsed % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(`${parsed} files, ${seen} ${mode === "query" ? "captures" : "nodes"}\n`);

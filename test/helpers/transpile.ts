// Child processes run plain JavaScript: this transpiles the TypeScript modules a child needs
// into a folder inside the repository (so `node_modules` resolves), without type-checking.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Transpiles `files` (paths relative to the repo) into a fresh folder; returns it and its cleanup. */
export function transpileForChild(files: string[]): { dir: string; cleanup: () => void } {
  const dir = join(ROOT, ".test-tmp", `child-${process.pid}-${Date.now()}`);
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), "utf8");
    const out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    }).outputText;
    const target = join(dir, relative(ROOT, join(ROOT, file)).replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

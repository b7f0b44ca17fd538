// node-tree-sitter frees a tree's native memory only when V8 collects its JS wrapper,
// and V8 does not see that native memory: a run that makes little JS garbage keeps
// every tree alive until the heap fills. So the engine asks for a young-generation
// collection every few files (trees die young), which keeps a whole-stdlib run small.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Gc = (options?: { type?: "minor" | "major"; execution?: "sync" | "async" }) => void;

let gc: Gc | null | undefined;

function collector(): Gc | null {
  if (gc !== undefined) return gc;
  const existing = (globalThis as { gc?: Gc }).gc;
  if (existing) return (gc = existing);
  try {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as Gc;
  } catch {
    gc = null;
  }
  return gc;
}

let analysed = 0;

/**
 * Call once per analysed file: a young-generation collection every 16 files, and a full
 * one every 32 (wrappers that survived into the old generation hold their trees too).
 */
export function releaseTreesPeriodically(): void {
  analysed++;
  if (analysed % 32 === 0) collector()?.({ type: "major" });
  else if (analysed % 16 === 0) collector()?.({ type: "minor" });
}

// Loaded with `node --import` into a benchmarked process: prints its peak resident memory
// (the whole process, worker threads included) on exit, for the bench to read.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nPEPTALK_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});

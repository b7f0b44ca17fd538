// `peptalk check [PATHS...]`: the engine over files on disk.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { allChecks } from "../../../checks/index.js";
import { ruleInfo } from "../../engine/check.js";
import { runEngine } from "../../engine/engine.js";
import { applyNonOverlappingFixes } from "../../engine/fix.js";
import { CATEGORIES, type EngineResult, type Finding, type Severity } from "../../engine/types.js";
import { findRepoRoot, loadConfig } from "../config-loader.js";
import { buildProjectInput, collectPythonFiles, listRepoPaths, toPosix } from "../files.js";
import { formatGithub } from "../format/github.js";
import { formatJson } from "../format/json.js";
import { formatSarif } from "../format/sarif.js";
import { formatText } from "../format/text.js";
import { UsageError, type Io } from "../io.js";

export interface CheckOptions {
  paths: string[];
  select: string[];
  ignore: string[];
  python?: string;
  format: "text" | "json" | "sarif" | "github";
  config?: string;
  fix: boolean;
  failOn?: Severity | "never";
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const MAX_FIX_PASSES = 10;

export function failsGate(findings: readonly Finding[], failOn: Severity | "never"): boolean {
  if (failOn === "never") return false;
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

export async function runCheckCommand(options: CheckOptions, io: Io): Promise<number> {
  const cwd = io.cwd;
  const targets = (options.paths.length ? options.paths : ["."]).map((p) => resolve(cwd, p));
  // The repository of the first path decides config and globs, as Ruff finds config from the files.
  const root = findRepoRoot(
    existsSync(targets[0]!) && statSync(targets[0]!).isDirectory() ? targets[0]! : dirname(targets[0]!),
  );
  const loaded = loadConfig(root, options.config && resolve(cwd, options.config), options.python);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr(`peptalk: config error${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
    return 2;
  }
  const known = new Set<string>([...CATEGORIES, ...allChecks.flatMap((c) => [c.id, ...c.codes])]);
  for (const name of [...options.select, ...options.ignore]) {
    if (!known.has(name) && !known.has(name.toUpperCase()))
      throw new UsageError(`unknown rule, code or category: ${name}`);
  }
  const { files, missing } = collectPythonFiles(targets);
  if (missing.length > 0)
    throw new UsageError(`no such file or directory: ${missing.map((m) => relative(cwd, m) || m).join(", ")}`);

  // The engine sees repo-relative paths (what config globs match); output shows cwd-relative ones.
  const toRepo = (abs: string): string => {
    const rel = toPosix(relative(root, abs));
    // A file outside the repository is named from its own directory.
    return rel.startsWith("../") ? toPosix(relative(dirname(abs), abs)) : rel;
  };
  const display = new Map(files.map((abs) => [toRepo(abs), toPosix(relative(cwd, abs)) || abs]));
  const absolute = new Map(files.map((abs) => [toRepo(abs), abs]));
  // Files git ignores (or a tree outside git) are still part of the project being checked.
  const project = buildProjectInput(root, [...new Set([...listRepoPaths(root), ...absolute.keys()])]);

  const progress =
    io.stderrIsTTY && files.length > 200
      ? (done: number, total: number) => io.progress(`peptalk: ${done}/${total} files`)
      : undefined;
  const run = async (): Promise<EngineResult> =>
    runEngine(
      {
        files: [...absolute].map(([path, abs]) => ({ path, content: readFileSync(abs) })),
        config: loaded.config,
        project,
        select: options.select,
        ignore: options.ignore,
        onProgress: progress,
      },
      allChecks,
    );

  let result = await run();
  let fixed = 0;
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let appliedThisPass = 0;
      const byPath = new Map<string, Finding[]>();
      for (const f of result.findings) if (f.fix) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
      for (const [path, list] of byPath) {
        const abs = absolute.get(path);
        if (!abs) continue;
        const source = readFileSync(abs, "utf8");
        const { text, applied } = applyNonOverlappingFixes(
          source,
          list.map((f) => f.fix!),
        );
        if (applied > 0 && text !== source) {
          writeFileSync(abs, text);
          appliedThisPass += applied;
        }
      }
      if (appliedThisPass === 0) break;
      fixed += appliedThisPass;
      result = await run();
    }
  }
  if (progress) io.progress("");

  const shown: EngineResult = {
    ...result,
    findings: result.findings.map((f) => ({ ...f, path: display.get(f.path) ?? f.path })),
    skipped: result.skipped.map((s) => ({ ...s, path: display.get(s.path) ?? s.path })),
    failures: result.failures.map((s) => ({ ...s, path: display.get(s.path) ?? s.path })),
    houseStyle: result.houseStyle.map((h) => ({ ...h, path: display.get(h.path) ?? h.path })),
  };
  switch (options.format) {
    case "json":
      io.stdout(formatJson(shown.findings));
      break;
    case "sarif":
      io.stdout(formatSarif(shown.findings, allChecks.map(ruleInfo)));
      break;
    case "github":
      if (shown.findings.length) io.stdout(formatGithub(shown.findings));
      break;
    default:
      io.stdout(formatText(shown, { color: io.stdoutIsTTY, fixedCount: fixed }));
  }
  if (options.format !== "text") {
    for (const s of shown.skipped) io.stderr(`peptalk: skipped ${s.path}: ${s.reason}`);
    for (const f of shown.failures) io.stderr(`peptalk: check ${f.rule} failed on ${f.path}: ${f.message}`);
  }
  return failsGate(result.findings, options.failOn ?? loaded.config.check.fail_on) ? 1 : 0;
}

#!/usr/bin/env node
// The `peptalk` command: parses flags, routes to a command, maps errors to exit codes.
import { parseArgs } from "node:util";
import { PEPTALK_VERSION } from "../version.js";
import { runCheckCommand } from "./commands/check.js";
import { runReviewCommand } from "./commands/review.js";
import { runRulesCommand } from "./commands/rules.js";
import { processIo, UsageError, type Io } from "./io.js";

const HELP = `peptalk ${PEPTALK_VERSION}: reviews Python like a senior Python engineer.

Usage:
  peptalk check [PATHS...] [--select IDS] [--ignore IDS] [--python X.Y]
                [--format text|json|sarif|github] [--config FILE] [--fix] [--unsafe-fixes]
                [--fail-on LEVEL] [--no-cache] [--cache-dir DIR]
  peptalk review [--base REF] [--head REF] [--format text|json|markdown] [--config FILE]
  peptalk review --pr OWNER/REPO#N [--post]     (token in GITHUB_TOKEN)
  peptalk rules [--format text|json|markdown]
  peptalk --version | --help

IDS are comma-separated rule ids, Ruff codes or categories (idioms, typing, ...).
--fix applies safe fixes only; --unsafe-fixes also applies (and shows) fixes that may change behaviour.
check keeps per-file results in .peptalk_cache/ at the project root (or --cache-dir, PEPTALK_CACHE_DIR).
Exit codes: 0 nothing at the failing severity, 1 findings, 2 usage or config error.`;

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            select: { type: "string", multiple: true },
            ignore: { type: "string", multiple: true },
            python: { type: "string" },
            format: { type: "string" },
            config: { type: "string" },
            fix: { type: "boolean" },
            "unsafe-fixes": { type: "boolean" },
            "no-unsafe-fixes": { type: "boolean" },
            "fail-on": { type: "string" },
            "no-cache": { type: "boolean" },
            "cache-dir": { type: "string" },
          },
        });
        if (values.python !== undefined && !/^3\.\d+$/.test(values.python))
          throw new UsageError(`--python takes a version like 3.10, not "${values.python}"`);
        return await runCheckCommand(
          {
            paths: positionals,
            select: list(values.select),
            ignore: list(values.ignore),
            python: values.python,
            format: oneOf("format", values.format, ["text", "json", "sarif", "github"] as const, "text"),
            config: values.config,
            fix: !!values.fix,
            unsafeFixes: !!values["unsafe-fixes"] && !values["no-unsafe-fixes"],
            failOn:
              values["fail-on"] === undefined
                ? undefined
                : oneOf("fail-on", values["fail-on"], ["error", "warning", "info", "never"] as const, "error"),
            noCache: !!values["no-cache"],
            ...(values["cache-dir"] !== undefined ? { cacheDir: values["cache-dir"] } : {}),
          },
          io,
        );
      }
      case "review": {
        const { values } = parseArgs({
          args: rest,
          options: {
            base: { type: "string" },
            head: { type: "string" },
            format: { type: "string" },
            pr: { type: "string" },
            post: { type: "boolean" },
            config: { type: "string" },
          },
        });
        if (values.post && !values.pr) throw new UsageError("--post needs --pr OWNER/REPO#N");
        return await runReviewCommand(
          {
            ...(values.base !== undefined ? { base: values.base } : {}),
            ...(values.head !== undefined ? { head: values.head } : {}),
            ...(values.pr !== undefined ? { pr: values.pr } : {}),
            ...(values.config !== undefined ? { config: values.config } : {}),
            format: oneOf("format", values.format, ["text", "json", "markdown"] as const, "text"),
            post: !!values.post,
          },
          io,
        );
      }
      case "rules": {
        const { values } = parseArgs({ args: rest, options: { format: { type: "string" } } });
        return runRulesCommand(oneOf("format", values.format, ["text", "json", "markdown"] as const, "text"), io);
      }
      case "--version":
      case "-V":
        io.stdout(PEPTALK_VERSION);
        return 0;
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: peptalk --help)`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`peptalk: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}

const isEntry =
  process.argv[1] &&
  import.meta.url ===
    (await import("node:url")).pathToFileURL((await import("node:fs")).realpathSync(process.argv[1])).href;
if (isEntry) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `peptalk: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rewrites one status line on stderr (a TTY only); "" clears it. */
  progress(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Bad flags, missing paths: a one-line message and exit 2. */
export class UsageError extends Error {}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    progress: (text) => process.stderr.write(`\r\x1b[K${text}`),
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    env: process.env,
  };
}

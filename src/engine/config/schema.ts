// The one schema of `.github/peptalk.yml` (and `[tool.peptalk]`). Every option is described:
// the descriptions are the reference the README's sample config is checked against.
import { z } from "zod";

export const severityOrOff = z.enum(["error", "warning", "info", "off"]);

/** A hard ceiling on `max_file_size`: a review must hold a bounded number of bytes. */
export const MAX_FILE_SIZE_LIMIT = 5_000_000;

export const DEFAULT_TEST_GLOBS = [
  "**/test_*.py",
  "**/*_test.py",
  "**/tests/**/*.py",
  "**/test/**/*.py",
  "**/conftest.py",
];

export const reviewSchema = z
  .strictObject({
    comments: z
      .enum(["changed-lines", "changed-files", "off"])
      .default("changed-lines")
      .describe(
        "Which findings become inline comments: on lines the PR changed, anywhere in a changed file's diff, or none.",
      ),
    max_comments: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(25)
      .describe("Most inline comments in one review; the rest go to the check run."),
    suggestions: z
      .boolean()
      .default(true)
      .describe("Attach one-click suggested fixes to comments when a safe fix exists."),
    request_changes: z
      .boolean()
      .default(false)
      .describe("Submit REQUEST_CHANGES instead of COMMENT when a finding fails the gate."),
    drafts: z.boolean().default(false).describe("Also review draft pull requests."),
  })
  .prefault({});

export const checkSchema = z
  .strictObject({
    fail_on: z
      .enum(["error", "warning", "info", "never"])
      .default("error")
      .describe("The lowest severity that makes the check run fail."),
    scope: z
      .enum(["changed-lines", "changed-files", "all"])
      .default("changed-lines")
      .describe("Which findings count for the gate: only those the PR introduces, any in changed files, or all."),
    on_error: z
      .enum(["failure", "neutral"])
      .default("failure")
      .describe(
        "The conclusion when peptalk itself fails (an internal error, GitHub unavailable): failure keeps the gate closed; neutral lets the pull request pass unreviewed.",
      ),
  })
  .prefault({});

export const configSchema = z.strictObject({
  python: z
    .union([z.string(), z.number()])
    .optional()
    .describe('Target Python, e.g. "3.10". Default: the lowest version requires-python allows, else 3.9.'),
  include: z.array(z.string()).default(["**/*.py", "**/*.pyi"]).describe("Globs of files to review."),
  exclude: z.array(z.string()).default([]).describe("Globs of files never to review (applied after include)."),
  tests: z
    .array(z.string())
    .default(DEFAULT_TEST_GLOBS)
    .describe("Globs of test files; testing checks apply only to these."),
  rules: z
    .record(z.string(), severityOrOff)
    .default({})
    .describe("Severity per rule id or category: error | warning | info | off. A rule id wins over its category."),
  max_file_size: z
    .number()
    .int()
    .positive()
    .max(MAX_FILE_SIZE_LIMIT)
    .default(1_000_000)
    .describe("Files larger than this many bytes are skipped with a note (at most 5 MB, 5000000)."),
  namespace_packages: z
    .array(z.string())
    .default([])
    .describe("Directories that are namespace packages on purpose (no __init__.py needed)."),
  respect_ruff_config: z
    .boolean()
    .default(true)
    .describe(
      "Apply the repository's Ruff and flake8 settings (select/ignore/per-file-ignores/exclude) to checks with those codes.",
    ),
  report_unused_suppressions: z
    .boolean()
    .default(false)
    .describe("Report `# noqa: CODE` / `# peptalk: ignore[rule]` comments that silence nothing peptalk found."),
  review: reviewSchema.describe("How the GitHub review is written."),
  check: checkSchema.describe("How the check run's conclusion is decided."),
});

export type PeptalkConfig = z.infer<typeof configSchema>;
export type ReviewOptions = PeptalkConfig["review"];
export type CheckOptions = PeptalkConfig["check"];

// `peptalk review`: the whole pull-request pipeline on a local git diff (or, with --pr,
// on a live pull request), printing the plan the App would execute.
import { allChecks } from "../../../checks/index.js";
import { SETTINGS_FILES } from "../../app/base-settings.js";
import { createCheckRun } from "../../app/check-run.js";
import { createRestClient } from "../../app/github.js";
import { completeWithOwnError, onErrorOf, reviewPullRequest } from "../../app/review-pull-request.js";
import { apiChanges } from "../../engine/api/compare.js";
import { isModulePath } from "../../engine/api/index.js";
import { enabledChecks, runEngine } from "../../engine/engine.js";
import { isIncluded } from "../../engine/files.js";
import { entryPointFiles } from "../../engine/pyproject.js";
import { addedLinesByPath } from "../../engine/house-style.js";
import { isProjectFile } from "../../engine/project.js";
import { planReview } from "../../planner/plan-review.js";
import type { ReviewPlan } from "../../planner/types.js";
import { localApiInput } from "../api-input.js";
import { findRepoRoot, loadConfig, parseYamlConfig } from "../config-loader.js";
import { defaultBranch, diffFiles, git, listTree, revParse, showFile } from "../git.js";
import { UsageError, type Io } from "../io.js";

export interface ReviewOptions {
  base?: string;
  head?: string;
  format: "text" | "json" | "markdown";
  pr?: string;
  post: boolean;
  config?: string;
}

export async function runReviewCommand(options: ReviewOptions, io: Io): Promise<number> {
  const plan = options.pr ? await reviewLivePullRequest(options, io) : await reviewLocalDiff(options, io);
  if (!plan) return 2;
  io.stdout(formatPlan(plan, options.format));
  return plan.check.conclusion === "failure" ? 1 : 0;
}

async function reviewLocalDiff(options: ReviewOptions, io: Io): Promise<ReviewPlan | null> {
  const root = findRepoRoot(io.cwd);
  try {
    git(root, ["rev-parse", "--git-dir"]);
  } catch {
    throw new UsageError("peptalk review needs a git repository (or --pr OWNER/REPO#N)");
  }
  const head = resolveRef(root, options.head ?? "HEAD");
  const baseRef = options.base ?? defaultBranch(root);
  if (!baseRef) throw new UsageError("no default branch found: pass --base REF");
  const base = git(root, ["merge-base", resolveRef(root, baseRef), head]).trim();
  const loaded = loadConfig(root, options.config);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr(`peptalk: config error${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
    return null;
  }
  const { config } = loaded;
  const changedFiles = diffFiles(root, base, head);
  const live = changedFiles.filter((f) => f.status !== "removed");
  const files = live
    .filter(
      (f) => (f.path.endsWith(".py") || f.path.endsWith(".pyi")) && isIncluded(f.path, config.include, config.exclude),
    )
    .flatMap((f) => {
      const content = showFile(root, head, f.path);
      return content ? [{ path: f.path, content }] : [];
    });
  const paths = listTree(root, head);
  const projectFiles: Record<string, string> = {};
  for (const path of paths.filter(isProjectFile))
    projectFiles[path] = showFile(root, head, path)?.toString("utf8") ?? "";
  for (const path of entryPointFiles(projectFiles["pyproject.toml"], paths))
    projectFiles[path] ??= showFile(root, head, path)?.toString("utf8") ?? "";
  const baseFiles: Record<string, string | null> = {};
  for (const f of changedFiles.filter((c) => isProjectFile(c.path))) {
    baseFiles[f.path] =
      f.status === "added" ? null : (showFile(root, base, f.previousPath ?? f.path)?.toString("utf8") ?? null);
  }
  // As in the App: the linter settings that decide what is checked are the base commit's.
  const settingsFiles: Record<string, string> = {};
  for (const name of SETTINGS_FILES) {
    const text = showFile(root, base, name);
    if (text) settingsFiles[name] = text.toString("utf8");
  }
  // The api checks compare the repository at base and head; a diff without Python cannot change it.
  const api = changedFiles.some((f) => isModulePath(f.path) || (f.previousPath && isModulePath(f.previousPath)))
    ? await localApiInput(root, base, head, changedFiles, config)
    : undefined;
  const changedPaths = changedFiles.map((f) => f.path);
  const result = await runEngine(
    {
      files,
      config,
      project: { paths, changedPaths, files: projectFiles, baseFiles, settingsFiles, ...(api ? { api } : {}) },
      changedLines: addedLinesByPath(changedFiles),
    },
    allChecks,
  );
  return planReview({
    findings: result.findings,
    changedFiles,
    existing: [],
    config,
    skipped: result.skipped,
    failures: result.failures,
    analysed: result.analysed,
    enabledRules: enabledChecks(allChecks, { config }).map((c) => c.id),
    honoured: result.honoured,
    houseStyle: result.houseStyle,
    fileTexts: new Map(files.map((f) => [f.path, f.content.toString("utf8")])),
    ...(api ? { apiChanges: apiChanges(api.base, api.head), apiIndexed: true } : {}),
  });
}

function resolveRef(root: string, ref: string): string {
  try {
    return revParse(root, ref);
  } catch {
    throw new UsageError(`unknown git revision: ${ref}`);
  }
}

async function reviewLivePullRequest(options: ReviewOptions, io: Io): Promise<ReviewPlan | null> {
  const match = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(options.pr ?? "");
  if (!match) throw new UsageError(`--pr takes OWNER/REPO#NUMBER, not "${options.pr}"`);
  const token = io.env["GITHUB_TOKEN"];
  if (!token) throw new UsageError("--pr needs a token in GITHUB_TOKEN");
  const [, owner, repo, number] = match as unknown as [string, string, string, string];
  const gh = await createRestClient(token, io.env["GITHUB_API_URL"], "peptalk");
  const { data: pr } = await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner,
    repo,
    pull_number: Number(number),
  });
  const ref = {
    owner,
    repo,
    number: Number(number),
    headSha: pr.head.sha as string,
    baseSha: pr.base.sha as string,
    changedFiles: pr.changed_files as number,
  };
  const checkRunId = options.post ? await createCheckRun(gh, { owner, repo }, ref.headSha, ref.number) : null;
  let rawConfig: unknown = null;
  let run;
  try {
    // Like the App, read the config from the default branch: a pull request cannot loosen its own review.
    const configErrors = [];
    try {
      const { data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner,
        repo,
        path: ".github/peptalk.yml",
        ref: pr.base.repo.default_branch,
        mediaType: { format: "raw" },
      });
      const parsed = parseYamlConfig(String(data), ".github/peptalk.yml");
      rawConfig = parsed.data ?? {};
      configErrors.push(...parsed.errors);
    } catch (err) {
      // No file: `[tool.peptalk]` of the base commit applies, else the defaults.
      if ((err as { status?: number }).status !== 404) throw err;
    }
    run = await reviewPullRequest(gh, ref, { rawConfig, configErrors, checkRunId, publish: options.post });
  } catch (err) {
    // A posted run never stays in_progress, and a crash never passes the gate.
    if (checkRunId !== null)
      await completeWithOwnError(gh, { owner, repo }, checkRunId, err, onErrorOf(rawConfig, err)).catch(
        () => undefined,
      );
    throw err;
  }
  if (run.outcome === "nothing-to-review") io.stderr("peptalk: this pull request changes no Python or packaging files");
  if (run.outcome === "superseded")
    io.stderr("peptalk: the pull request's head moved while reviewing; nothing was posted");
  return run.plan;
}

/** A LEFT-side line is a base line the pull request removed. */
function removedLine(at: { side?: "LEFT" | "RIGHT" }): string {
  return at.side === "LEFT" ? " (removed line)" : "";
}

export function formatPlan(plan: ReviewPlan, format: ReviewOptions["format"]): string {
  if (format === "json") {
    return JSON.stringify(
      {
        conclusion: plan.check.conclusion,
        title: plan.check.title,
        review: plan.review,
        comments: plan.comments.map((c) => ({
          path: c.path,
          line: c.line,
          startLine: c.startLine ?? null,
          side: c.side,
          rule: c.finding.rule,
          body: c.body,
        })),
        summaryOnly: plan.summaryOnly.map((s) => ({
          path: s.finding.path,
          line: s.finding.line,
          side: s.finding.side ?? "RIGHT",
          rule: s.finding.rule,
          message: s.finding.message,
          reason: s.reason,
        })),
        gate: {
          counted: plan.gate.counted.length,
          failing: plan.gate.failing.length,
          preExisting: plan.gate.preExisting,
        },
      },
      null,
      2,
    );
  }
  if (format === "markdown") {
    const comments = plan.comments.map(
      (c) => `#### \`${c.path}:${c.startLine ? `${c.startLine}-` : ""}${c.line}\`${removedLine(c)}\n\n${c.body}`,
    );
    return [`## peptalk: ${plan.check.title}`, "", plan.check.summary, "", "### Inline comments", "", ...comments].join(
      "\n",
    );
  }
  const out = [`Conclusion: ${plan.check.conclusion} (${plan.check.title})`, ""];
  out.push(plan.comments.length ? `Inline comments (${plan.comments.length}):` : "No new inline comments.");
  for (const c of plan.comments) {
    out.push(
      `  ${c.path}:${c.startLine ? `${c.startLine}-` : ""}${c.line}${removedLine(c)}  ${c.finding.severity} ${c.finding.rule}: ${c.finding.message}`,
    );
    const suggestion = /```+suggestion\n([\s\S]*?)\n?```/.exec(c.body);
    if (suggestion) for (const line of suggestion[1]!.split("\n")) out.push(`      | ${line}`);
  }
  if (plan.summaryOnly.length) {
    out.push("", `In the check run's summary only (${plan.summaryOnly.length}):`);
    for (const s of plan.summaryOnly)
      out.push(
        `  ${s.finding.path}:${s.finding.line}${removedLine(s.finding)}  ${s.finding.rule}: ${s.finding.message} [${s.reason}]`,
      );
  }
  return out.join("\n");
}

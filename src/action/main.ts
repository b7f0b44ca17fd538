#!/usr/bin/env node
// The GitHub Action entry: the App's pipeline (same planner, same publisher) driven by the
// workflow's event and token instead of a webhook. On a fork PR the token is read-only:
// then the findings are printed as workflow annotations, the closest thing to a review.
import { readFileSync } from "node:fs";
import { createCheckRun } from "../app/check-run.js";
import { createRestClient, type GitHubClient } from "../app/github.js";
import { completeWithOwnError, onErrorOf, reviewPullRequest } from "../app/review-pull-request.js";
import { parseYamlConfig } from "../cli/config-loader.js";
import { formatGithub } from "../cli/format/github.js";
import type { ConfigError } from "../engine/config/resolve.js";

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  log(line: string): void;
}

interface PullRequestEvent {
  pull_request?: {
    number: number;
    changed_files?: number;
    head: { sha: string; repo?: { full_name?: string } | null };
    base: { sha: string; repo: { full_name: string; default_branch: string } };
  };
  repository?: { full_name: string };
}

async function loadConfig(
  gh: GitHubClient,
  owner: string,
  repo: string,
  ref: string,
): Promise<{ raw: unknown; errors: ConfigError[] }> {
  try {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path: ".github/peptalk.yml",
      ref,
      mediaType: { format: "raw" },
    });
    const parsed = parseYamlConfig(String(data), ".github/peptalk.yml");
    return { raw: parsed.data ?? {}, errors: parsed.errors };
  } catch (err) {
    // No file: `[tool.peptalk]` of the base commit applies, else the defaults.
    if ((err as { status?: number }).status === 404) return { raw: null, errors: [] };
    throw err;
  }
}

/** Returns the process exit code: 1 when the gate fails, 0 otherwise. */
export async function runAction(io: ActionIo): Promise<number> {
  const { env } = io;
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  if (eventName !== "pull_request" && eventName !== "pull_request_target") {
    io.log(`peptalk: nothing to do for the ${eventName || "unknown"} event (run it on pull_request).`);
    return 0;
  }
  const event = JSON.parse(readFileSync(env["GITHUB_EVENT_PATH"] ?? "", "utf8")) as PullRequestEvent;
  const pr = event.pull_request;
  const token = env["INPUT_GITHUB_TOKEN"] || env["GITHUB_TOKEN"];
  if (!pr || !token) {
    io.log("peptalk: the event has no pull request, or no token was given (input github-token).");
    return pr ? 2 : 0;
  }
  const [owner, repo] = (event.repository?.full_name ?? pr.base.repo.full_name).split("/") as [string, string];
  const gh = await createRestClient(token, env["GITHUB_API_URL"], "peptalk-action");
  const fork = !!pr.head.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name;
  const post = env["INPUT_POST"] !== "false" && !(fork && eventName === "pull_request");
  const ref = {
    owner,
    repo,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    ...(pr.changed_files ? { changedFiles: pr.changed_files } : {}),
  };
  const checkRunId = post ? await createCheckRun(gh, { owner, repo }, ref.headSha, ref.number) : null;
  let rawConfig: unknown = null;
  let run;
  try {
    const config = await loadConfig(gh, owner, repo, pr.base.repo.default_branch);
    rawConfig = config.raw;
    run = await reviewPullRequest(gh, ref, {
      rawConfig: config.raw,
      configErrors: config.errors,
      checkRunId,
      publish: post,
    });
  } catch (err) {
    // Never leave the check run in_progress, and never let a crash pass the gate.
    const onError = onErrorOf(rawConfig, err);
    if (checkRunId !== null) await completeWithOwnError(gh, { owner, repo }, checkRunId, err, onError);
    io.log(`::error::peptalk failed (its own error, not a problem in this pull request): ${(err as Error).message}`);
    return onError === "neutral" ? 0 : 2;
  }
  if (!run.plan) {
    io.log("peptalk: this pull request changes no Python or packaging files.");
    return 0;
  }
  if (!post) {
    // A fork's token cannot comment: annotate the workflow run instead.
    io.log("peptalk: read-only token (fork pull request): findings are shown as annotations, not a review.");
    const inline = [...run.plan.comments.map((c) => c.finding), ...run.plan.summaryOnly.map((s) => s.finding)];
    if (inline.length) io.log(formatGithub(inline));
  }
  io.log(`peptalk: ${run.plan.check.title} (${run.plan.check.conclusion}).`);
  return run.plan.check.conclusion === "failure" ? 1 : 0;
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) {
  runAction({ env: process.env, log: (line) => process.stdout.write(`${line}\n`) }).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stdout.write(`::error::peptalk failed: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}

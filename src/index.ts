// The GitHub App entry: `probot run ./dist/src/index.js` (npm start) loads this function.
import type { ApplicationFunctionOptions, Probot } from "probot";
import peptalk from "./app/index.js";

/** Probot's fallback secret when WEBHOOK_SECRET is unset: anyone could sign deliveries with it. */
const PROBOT_DEFAULT_SECRET = "development";

/**
 * Why the App must not start, or null. Once an App exists (APP_ID is set), a real webhook
 * secret is required whatever NODE_ENV says: otherwise anyone can forge deliveries. Before that,
 * Probot runs its manifest registration flow, which needs no secret (and does not load this
 * module outside production).
 */
export function startupProblem(env: NodeJS.ProcessEnv): string | null {
  const secret = env["WEBHOOK_SECRET"];
  const weak = !secret || secret === PROBOT_DEFAULT_SECRET;
  if (env["APP_ID"] && weak)
    return "WEBHOOK_SECRET must be set to a real secret once APP_ID is configured (Probot would otherwise accept deliveries signed with its default secret).";
  if (env["NODE_ENV"] === "production" && weak)
    return "WEBHOOK_SECRET must be set when NODE_ENV=production (Probot would otherwise accept a default secret).";
  const role = env["PEPTALK_ROLE"];
  if (role !== undefined && role !== "" && role !== "all" && !env["REDIS_URL"])
    return `PEPTALK_ROLE=${role} splits webhooks and reviews across processes, which needs the shared queue: set REDIS_URL, or leave PEPTALK_ROLE unset.`;
  return null;
}

const problem = startupProblem(process.env);
if (problem) throw new Error(problem);

export default (app: Probot, options: ApplicationFunctionOptions): void => peptalk(app, options);

// The slice of Octokit the pipeline uses. Probot's `context.octokit` and `@octokit/rest`
// both provide it, so the App, `peptalk review --pr --post` and the Action share one publisher.

/* eslint-disable @typescript-eslint/no-explicit-any -- GitHub's JSON is untyped at this boundary; callers narrow what they read. */
export interface GitHubResponse<T = any> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

export interface GitHubClient {
  request<T = any>(route: string, params?: Record<string, unknown>): Promise<GitHubResponse<T>>;
  graphql<T = any>(query: string, params?: Record<string, unknown>): Promise<T>;
  paginate<T = any>(route: string, params?: Record<string, unknown>): Promise<T[]>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface RequestError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function statusOf(err: unknown): number | undefined {
  return (err as RequestError)?.status;
}

const SECONDARY = /secondary rate|abuse/i;
/** Waits longer than this are not worth holding a webhook handler for. */
const MAX_WAIT_SECONDS = 120;

/**
 * Retries requests GitHub answered with a secondary rate limit (403/429), after
 * `retry-after` seconds, at most `attempts` times. Probot's own handler only logs them.
 */
export function withSecondaryRateLimitRetry(client: GitHubClient, attempts = 2, sleep = defaultSleep): GitHubClient {
  const retrying =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fn(...args);
        } catch (err) {
          const e = err as RequestError;
          const limited =
            (e.status === 403 || e.status === 429) &&
            (SECONDARY.test(e.message ?? "") || e.response?.headers?.["retry-after"] !== undefined);
          if (!limited || attempt >= attempts) throw err;
          const retryAfter = Number(e.response?.headers?.["retry-after"] ?? 60);
          await sleep(Math.min(Number.isFinite(retryAfter) ? retryAfter : 60, MAX_WAIT_SECONDS) * 1000);
        }
      }
    };
  return {
    request: retrying(client.request.bind(client)) as GitHubClient["request"],
    graphql: retrying(client.graphql.bind(client)) as GitHubClient["graphql"],
    paginate: retrying(client.paginate.bind(client)) as GitHubClient["paginate"],
  };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A token-authenticated client for the CLI and the Action (`@octokit/rest`), with the same
 * secondary-rate-limit retries. Octokit's request log is quiet: expected 404s (no config
 * file) are handled by the callers, and real failures surface as errors.
 */
export async function createRestClient(
  token: string,
  baseUrl: string | undefined,
  userAgent: string,
): Promise<GitHubClient> {
  const { Octokit } = await import("@octokit/rest");
  const noop = (): void => {};
  const octokit = new Octokit({
    auth: token,
    baseUrl: baseUrl ?? "https://api.github.com",
    userAgent,
    log: { debug: noop, info: noop, warn: console.warn, error: noop },
  });
  return withSecondaryRateLimitRetry(octokit as unknown as GitHubClient);
}

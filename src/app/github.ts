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
const MAX_BACKOFF_MS = 10_000;

export interface RequestPolicy {
  /** Each request (each page of a listing) is abandoned after this long; default 30 s or `PEPTALK_GITHUB_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** Retries of a 5xx, a network error or a timeout, for requests safe to repeat. */
  retries?: number;
  /** The first pause before such a retry; it doubles each time (with jitter). */
  backoffMs?: number;
  /** Retries after a secondary rate limit (GitHub refused the request, so any may be repeated). */
  secondaryRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told the status of every answer (0 when none came: a network error or a timeout). */
  onResponse?: (status: number) => void;
}

type Params = Record<string, unknown> | undefined;

function defaultTimeout(): number {
  const configured = Number(process.env["PEPTALK_GITHUB_TIMEOUT_MS"]);
  return Number.isFinite(configured) && configured > 0 ? configured : 30_000;
}

function headerOf(err: RequestError, name: string): string | number | undefined {
  return err.response?.headers?.[name];
}

/**
 * A request may be sent again after a 5xx or a timeout when repeating it cannot create
 * anything twice: reads, PUT/PATCH/DELETE, GraphQL queries and thread resolution. A POST may
 * already have taken effect (a review, a check run): its caller looks before posting again.
 */
function repeatable(route: string): boolean {
  return !/^POST\b/i.test(route.trim());
}

const RESOLVE_THREAD =
  /\w+:\s*resolveReviewThread\(input:\s*\{\s*threadId:\s*"[^"]*"\s*\}\)\s*\{\s*thread\s*\{\s*isResolved\s*\}\s*\}/g;

/** GraphQL queries repeat safely; of mutations, only resolving threads (resolving twice is a no-op). */
function isRepeatableGraphql(query: string): boolean {
  const q = query.trim();
  if (!/^mutation\b/.test(q)) return true;
  return /^mutation\s*\{\s*\}$/.test(q.replace(RESOLVE_THREAD, ""));
}

/** The array in a listing response (`check_runs`, `workflow_runs`, … or the body itself). */
function pageItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === "object" && "total_count" in data && !("url" in data)) {
    for (const value of Object.values(data)) if (Array.isArray(value)) return value;
  }
  return [];
}

function nextLink(headers: GitHubResponse["headers"]): string | null {
  const link = String(headers?.["link"] ?? "");
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null;
}

/**
 * Every GitHub request with a timeout and one retry policy: secondary rate limits (403/429)
 * wait `retry-after` and retry, as Probot's own handler only logs them; 5xx answers, network
 * errors and timeouts of repeatable requests retry with exponential backoff, a bounded number
 * of times. Octokit's own retry plugin is turned off per request (it would also retry POSTs,
 * which is how orphan check runs and double reviews happen). Listings are paged here, so each
 * page gets the same timeout and retries.
 */
export function withRequestPolicy(client: GitHubClient, policy: RequestPolicy = {}): GitHubClient {
  const timeoutMs = policy.timeoutMs ?? defaultTimeout();
  const retries = policy.retries ?? 3;
  const backoffMs = policy.backoffMs ?? 500;
  const secondaryRetries = policy.secondaryRetries ?? 2;
  const sleep = policy.sleep ?? defaultSleep;

  // The clock starts when the request goes out, not when it is queued: Octokit's throttle may
  // hold writes back for seconds, and a queued request has not hung.
  const timedFetch =
    (inner: typeof fetch | undefined): typeof fetch =>
    (url, init) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      return (inner ?? globalThis.fetch)(url, { ...init, signal });
    };
  const withTimeout = (params: Params): Record<string, unknown> => {
    const request = (params?.["request"] as { fetch?: typeof fetch } | undefined) ?? {};
    return { ...params, request: { ...request, retries: 0, fetch: timedFetch(request.fetch) } };
  };

  async function attempt<R>(send: (params: Record<string, unknown>) => Promise<R>, params: Params, mayRepeat: boolean) {
    let transient = 0;
    let limited = 0;
    for (;;) {
      try {
        const response = await send(withTimeout(params));
        policy.onResponse?.((response as { status?: number } | null)?.status ?? 200);
        return response;
      } catch (err) {
        const e = err as RequestError;
        const status = e.status;
        policy.onResponse?.(status ?? 0);
        const secondary =
          (status === 403 || status === 429) &&
          (SECONDARY.test(e.message ?? "") || headerOf(e, "retry-after") !== undefined);
        if (secondary) {
          if (limited++ >= secondaryRetries) throw err;
          const retryAfter = Number(headerOf(e, "retry-after") ?? 60);
          await sleep(Math.min(Number.isFinite(retryAfter) ? retryAfter : 60, MAX_WAIT_SECONDS) * 1000);
          continue;
        }
        // No status: the request never got an answer (network error, timeout).
        const transientFailure = status === undefined || status >= 500;
        if (!transientFailure || !mayRepeat || transient >= retries) throw err;
        const retryAfter = Number(headerOf(e, "retry-after"));
        const base = Math.min(backoffMs * 2 ** transient, MAX_BACKOFF_MS);
        transient++;
        await sleep(
          Number.isFinite(retryAfter)
            ? Math.min(retryAfter, MAX_WAIT_SECONDS) * 1000
            : base / 2 + (Math.random() * base) / 2,
        );
      }
    }
  }

  const request: GitHubClient["request"] = (route, params) =>
    attempt((p) => client.request(route, p), params, repeatable(route));
  return {
    request,
    graphql: ((query: string, params?: Record<string, unknown>) =>
      attempt((p) => client.graphql(query, p), params, isRepeatableGraphql(query))) as GitHubClient["graphql"],
    paginate: (async (route: string, params?: Record<string, unknown>) => {
      const items: unknown[] = [];
      let response = await request(route, params);
      for (const item of pageItems(response.data)) items.push(item);
      for (let next = nextLink(response.headers); next; next = nextLink(response.headers)) {
        // The next page's URL carries every parameter; only the request options travel along.
        const options = params?.["request"] ? { request: params["request"] } : {};
        response = await request(`GET ${next}`, options);
        for (const item of pageItems(response.data)) items.push(item);
      }
      return items;
    }) as GitHubClient["paginate"],
  };
}

/** @deprecated The name from before timeouts and 5xx retries: every request now gets the whole policy. */
export function withSecondaryRateLimitRetry(client: GitHubClient, policy: RequestPolicy = {}): GitHubClient {
  return withRequestPolicy(client, policy);
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
  return withRequestPolicy(octokit as unknown as GitHubClient);
}

// Drives the real app through Probot with nock: real webhook payloads from
// @octokit/webhooks-examples, every GitHub request intercepted and asserted.
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import peptalk from "../../src/app/index.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const API = "https://api.github.com";
export const REPO = "/repos/Codertocat/Hello-World";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** Retries wait milliseconds here, not seconds. */
export const TEST_ENV = { ...process.env, PEPTALK_RETRY_BACKOFF_MS: "5" };

export function createProbot(env: NodeJS.ProcessEnv = TEST_ENV): Probot {
  const probot = new Probot({
    appId: 123,
    privateKey,
    logLevel: "fatal",
    // Retries and throttling are exercised by the app's own wrapper; here they would only slow tests.
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  void probot.load((app, options) => peptalk(app, options, env));
  return probot;
}

/** A webhook example payload (deep-copied), with an installation added when it has none. */
export function payload(event: string, action: string, index = 0): Record<string, any> {
  const list = examples.find((e) => e.name === event)!.examples.filter((e) => e["action"] === action);
  const copy = structuredClone(list[index]!) as Record<string, any>;
  copy["installation"] ??= { id: 1 };
  return copy;
}

let deliveries = 0;
export function deliveryId(): string {
  return `delivery-${++deliveries}-${Date.now()}`;
}

/**
 * The installation token every handler starts with, and the PATCH a worker sends when it takes a
 * queued review (status in_progress, nothing else): answered whenever it comes.
 */
export function mockAuth(scope: nock.Scope): nock.Scope {
  // Probot caches the token for an hour, so a second delivery may not ask again.
  scope
    .patch(
      new RegExp(`^${REPO}/check-runs/\\d+$`),
      (b) => b.status === "in_progress" && b.conclusion === undefined && b.output === undefined,
    )
    .optionally()
    .times(20)
    .reply(200, {});
  return scope
    .post("/app/installations/1/access_tokens")
    .optionally()
    .reply(201, { token: "test-token", permissions: {} });
}

/** Waits until the app's review queue has run every job the deliveries queued. */
export { metricsText, whenIdle } from "../../src/app/index.js";

/** `.github/peptalk.yml`: absent in the repo and in the owner's `.github` repo (Probot's lookup). */
export function mockNoConfig(scope: nock.Scope): nock.Scope {
  return scope
    .get(`${REPO}/contents/.github%2Fpeptalk.yml`)
    .reply(404)
    .get("/repos/Codertocat/.github/contents/.github%2Fpeptalk.yml")
    .reply(404);
}

export function mockConfig(scope: nock.Scope, yaml: string): nock.Scope {
  return scope.get(`${REPO}/contents/.github%2Fpeptalk.yml`).reply(200, yaml);
}

export { nock };

/** The look-up for an unfinished peptalk check run on the head commit, before creating one: none. */
export function mockNoOpenCheckRun(scope: nock.Scope, sha: string, times = 1): nock.Scope {
  return scope
    .get(`${REPO}/commits/${sha}/check-runs`)
    .query({ check_name: "peptalk", filter: "all", per_page: 100 })
    .times(times)
    .reply(200, { total_count: 0, check_runs: [] });
}

import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BIN } from "../helpers/cli.js";

const ENTRY = join(BIN, "../../index.js");

function load(env: Record<string, string>): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(ENTRY)})`], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    encoding: "utf8",
  });
  return { code: r.status, stderr: r.stderr };
}

describe("app entry", () => {
  it("refuses to start in production without WEBHOOK_SECRET (Probot would accept a default secret)", () => {
    const r = load({ NODE_ENV: "production" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("WEBHOOK_SECRET must be set when NODE_ENV=production");
  });

  it.each([
    ["no secret, development", { APP_ID: "123", NODE_ENV: "development" }],
    ["no secret, NODE_ENV unset", { APP_ID: "123" }],
    ["Probot's default secret", { APP_ID: "123", WEBHOOK_SECRET: "development" }],
    ["Probot's default secret, production", { APP_ID: "123", WEBHOOK_SECRET: "development", NODE_ENV: "production" }],
    ["an empty secret", { APP_ID: "123", WEBHOOK_SECRET: "", NODE_ENV: "test" }],
  ])("refuses to start once APP_ID is set without a real secret: %s", (_label, env) => {
    const r = load(env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("WEBHOOK_SECRET must be set to a real secret once APP_ID is configured");
  });

  it.each(["web", "worker"])("refuses PEPTALK_ROLE=%s without REDIS_URL: nothing would share the queue", (role) => {
    const r = load({ APP_ID: "123", WEBHOOK_SECRET: "s3cret", PEPTALK_ROLE: role });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`PEPTALK_ROLE=${role} splits webhooks and reviews across processes`);
  });

  it("loads with a real secret, and before registration (no APP_ID: Probot's manifest flow)", () => {
    expect(load({ NODE_ENV: "production", WEBHOOK_SECRET: "s3cret" }).code).toBe(0);
    expect(load({ APP_ID: "123", WEBHOOK_SECRET: "s3cret" }).code).toBe(0);
    expect(load({}).code).toBe(0);
    expect(load({ NODE_ENV: "development" }).code).toBe(0);
  });
});

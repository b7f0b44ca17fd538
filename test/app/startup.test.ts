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

  it("loads with a secret, and outside production", () => {
    expect(load({ NODE_ENV: "production", WEBHOOK_SECRET: "s3cret" }).code).toBe(0);
    expect(load({}).code).toBe(0);
  });
});

/**
 * The command line end to end, as a user runs it: add a gateway (a fake DIDWW) and test it, send one
 * message, launch a campaign from a CSV file and follow its progress while a worker process sends.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "@/lib/api/testing/run-worker";
import { config, repoRoot } from "@/lib/env";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";

const run = promisify(execFile);

describe.each(testDatabases())("command line on $name", (target) => {
  const t = useTestDatabase(target, "cli");
  let fake: DidwwFake;
  let worker: RunningWorker;
  beforeAll(async () => {
    fake = await startDidwwFake({ username: "cli-user", password: "cli-Secret-1" });
    worker = startWorker(t.url);
  });
  afterAll(async () => {
    await worker?.stop();
    await fake?.close();
  });

  const cli = async (...args: string[]) => {
    const cfg = config();
    const env = { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: cfg.authSecret, APP_ENCRYPTION_KEY: cfg.encryptionKey.toString("hex"), CLI_PASSWORD: "cli-Secret-1" };
    try {
      const { stdout } = await run(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/cli.ts", ...args], { cwd: repoRoot, env });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout + failed.stderr };
    }
  };

  it("adds and tests a provider, sends a message, and launches a CSV campaign to completion", async () => {
    const added = await cli("provider", "add", "--vendor", "didww", "--name", "CLI DIDWW", "--base-url", fake.url, "--credential", "username=cli-user", "--credential", "password=env:CLI_PASSWORD", "--rate", "1000");
    expect(added.code, added.stdout).toBe(0);
    const accountId = /Provider account (\d+)/.exec(added.stdout)![1];
    expect(added.stdout).toMatch(/deliveryReport: http.+\/api\/webhooks\/.+\/report/);
    const tested = await cli("provider", "test", accountId);
    expect(tested.stdout).toMatch(/^OK/);

    const refused = await cli("send", "--to", "+31655500001", "--text", "Hello from the CLI", "--account", accountId);
    expect(refused.code).toBe(1); // not confirmed: no terminal and no --yes
    const sent = await cli("send", "--to", "+31655500001", "--text", "Hello from the CLI", "--account", accountId, "--yes");
    expect(sent.code, sent.stdout).toBe(0);

    const dir = mkdtempSync(path.join(tmpdir(), "smscm-cli-"));
    const csv = path.join(dir, "spring.csv");
    writeFileSync(csv, "phone,first name,City\n+31655500002,Ann,Delft\n+31655500003,Bob,Leiden\nnope,Cy,Ede\n");
    const launched = await cli("campaign", "launch", "--csv", csv, "--text", "Hi {{first_name}} in {{city}}", "--account", accountId, "--yes");
    expect(launched.code, launched.stdout).toBe(0);
    expect(launched.stdout).toContain("2 new");
    expect(launched.stdout).toContain("1 rejected");
    const campaignId = /Campaign (\d+) started/.exec(launched.stdout)![1];

    const progress = await cli("campaign", "progress", campaignId, "--watch");
    expect(progress.stdout, worker.output()).toMatch(/"spring": completed, 2\/2 done/);
    const texts = fake.accepted.map((m) => `${m.destination}:${m.content}`);
    expect(texts).toEqual(expect.arrayContaining(["31655500001:Hello from the CLI", "31655500002:Hi Ann in Delft", "31655500003:Hi Bob in Leiden"]));
    expect(fake.accepted).toHaveLength(3);
  }, 120_000);

  it("explains a wrong command instead of failing with a stack trace", async () => {
    const wrong = await cli("campaign", "progress", "abc");
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain("positive whole number");
    const unknown = await cli("campaign", "progress", "99999");
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain("The campaign was not found.");
  }, 60_000);
});

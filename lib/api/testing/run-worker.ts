/**
 * The delivery worker for API tests: `scripts/worker.ts` in its own process on the test database, as
 * `npm start` runs it beside the app (and as several run on PostgreSQL). A separate process also keeps the
 * worker's SQLite transactions from interleaving with the API's inside one thread, which production never does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { config, repoRoot } from "@/lib/env";
import { TEST_APP_URL } from "./api-harness";

export interface RunningWorker {
  /** Everything the worker printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function startWorker(databaseUrl: string): RunningWorker {
  const cfg = config();
  const child: ChildProcess = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/worker.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: TEST_APP_URL, AUTH_SECRET: cfg.authSecret, APP_ENCRYPTION_KEY: cfg.encryptionKey.toString("hex") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, describe: () => string = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)} ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `worker-process.ts` as a child process and controls it: wait until it is ready, kill it with
 * SIGKILL (a crash at an arbitrary instant) or stop it with SIGTERM (a clean stop that reports peak memory).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkerProcessConfig } from "./worker-process";

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker-process.ts");
const ROOT = path.resolve(path.dirname(ENTRY), "../../..");

export interface WorkerChild {
  process: ChildProcess;
  /** Resolves once the worker loop runs. */
  ready: Promise<void>;
  /** SIGKILL: no cleanup at all, as a power cut or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the worker records what is in flight, then reports its peak memory in MB and its CPU time since ready. */
  stop(): Promise<{ maxRssMb: number; cpuMs: number }>;
}

export function spawnWorker(config: WorkerProcessConfig): WorkerChild {
  // One process (no tsx wrapper), so its signals and memory are the worker's own.
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, JSON.stringify(config)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const lines: string[] = [];
  let partial = "";
  let onLine: (() => void) | undefined;
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    onLine?.();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (test: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found) resolve(found);
      };
      onLine = check;
      check();
      void exited.then((code) => reject(new Error(`worker ${config.workerId} exited (${code}) before printing the expected line`)));
    });
  const ready = waitFor((line) => line === "ready").then(() => undefined);
  // A worker killed before it was ready rejects `ready`; callers that never awaited it must not fail for it.
  ready.catch(() => undefined);
  return {
    process: child,
    ready,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      const line = await waitFor((l) => l.startsWith("{"));
      await exited;
      return JSON.parse(line) as { maxRssMb: number; cpuMs: number };
    },
  };
}

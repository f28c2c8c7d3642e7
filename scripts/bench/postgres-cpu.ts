/**
 * CPU time the PostgreSQL server spent for one database: the sum over its backend processes (Linux /proc,
 * where a backend's command line reads `postgres: <user> <database> …`). Unlike wall time it barely moves
 * when other work shares the machine, so runs under different loads can be compared. Read it before the
 * connections close: a backend's time leaves /proc with it. Null where /proc cannot tell.
 */
import { readdirSync, readFileSync } from "node:fs";

export function postgresBackendCpuSeconds(databaseUrl: string): number | null {
  const database = new URL(databaseUrl).pathname.slice(1);
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const pid of entries) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!command.startsWith("postgres: ") || !command.split(" ").includes(database)) continue;
      // Fields after the parenthesised name: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // the process ended while we looked
    }
  }
  // Linux reports these in clock ticks of 1/100 s on every platform Node supports.
  return found ? ticks / 100 : null;
}

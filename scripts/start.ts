/**
 * `npm start` (and `npm run dev` with --dev): prepares the database and runs the app.
 * Validates configuration (generating secrets on first start), applies committed migrations offline,
 * seeds the first admin and the simulator account, builds the app when no build exists, then starts Next.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seed } from "@/lib/db/seed";
import { ConfigError, loadConfig, repoRoot } from "@/lib/env";

async function main() {
  const dev = process.argv.includes("--dev");
  const cfg = loadConfig();
  const applied = await applyMigrations(cfg.databaseUrl);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const db = createDb(cfg.databaseUrl);
  await seed(db, cfg);
  await db.$disconnect();

  // Next and next-auth read these; every child process shares the secrets we resolved.
  const env = {
    ...process.env,
    DATABASE_URL: cfg.databaseUrl,
    PORT: String(cfg.port),
    APP_URL: cfg.appUrl,
    AUTH_SECRET: cfg.authSecret,
    NEXTAUTH_SECRET: cfg.authSecret,
    NEXTAUTH_URL: cfg.appUrl,
    APP_ENCRYPTION_KEY: cfg.encryptionKey.toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = path.join(repoRoot, "node_modules", ".bin", "next");
  if (!dev && !existsSync(path.join(repoRoot, cfg.distDir, "BUILD_ID"))) {
    console.log("No build found: building the app once (about half a minute)…");
    const build = spawnSync(next, ["build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const child = spawn(next, [dev ? "dev" : "start", "-p", String(cfg.port)], { stdio: "inherit", env });
  // The embedded default runs the delivery engine beside the app; on PostgreSQL run `npm run worker`
  // processes instead (as many as you like).
  const worker = cfg.dialect === "sqlite" ? spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/worker.ts"], { stdio: "inherit", env }) : undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
      worker?.kill(signal);
    });
  }
  child.on("exit", (code) => {
    worker?.kill("SIGTERM");
    process.exit(code ?? 0);
  });
  console.log(`SMS Campaign Manager on ${cfg.appUrl}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { writeFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// A port (and with it a database and build folder) of its own, unless one is given: two runs at once on
// one machine must not share a server, a database or a build.
process.env.E2E_PORT ??= String(3200 + Math.floor(Math.random() * 700));
const { E2E_DATABASE_URL, E2E_PORT, E2E_USERS } = await import("./e2e/support/users");
const distDir = `.next-e2e-${E2E_PORT}`;
// Next adds its build folder's types to the tsconfig it builds with: give it a throwaway one.
const tsconfig = `tsconfig.e2e-${E2E_PORT}.json`;
writeFileSync(tsconfig, JSON.stringify({ extends: "./tsconfig.json" }));

/**
 * Journeys in Debian's Chromium (never a downloaded browser) against a production build served on a
 * fresh SQLite database of their own.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  globalTeardown: "./e2e/support/teardown.ts",
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "npx tsx e2e/support/prepare-database.ts && npx next build && npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${E2E_PORT}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(E2E_PORT),
      APP_URL: `http://127.0.0.1:${E2E_PORT}`,
      ADMIN_EMAIL: E2E_USERS.admin.email,
      ADMIN_PASSWORD: E2E_USERS.admin.password,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      NEXT_TSCONFIG: tsconfig,
    },
  },
});

/** The e2e server's database and the users prepare-database.ts creates in it. */
import path from "node:path";

// playwright.config.ts picks the port once and workers inherit it, so several runs can share a machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATABASE_URL = `file:${path.resolve(`data/e2e-${E2E_PORT}/app.db`)}`;

export const E2E_USERS = {
  admin: { email: "admin@e2e.test", password: "admin-password-1", role: "ADMIN" },
  marketer: { email: "marketer@e2e.test", password: "marketer-password-1", role: "MARKETER" },
  manager: { email: "manager@e2e.test", password: "manager-password-1", role: "MANAGER" },
} as const;

export type E2eUser = (typeof E2E_USERS)[keyof typeof E2E_USERS];

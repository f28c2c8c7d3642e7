/**
 * The application's configuration: every environment variable is read and validated here and nowhere else
 * (DESIGN.md, "Configuration"). Secrets the app may generate (AUTH_SECRET, APP_ENCRYPTION_KEY) are created on
 * first start and kept in `data/secrets.json`, so every process started from this folder shares them.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The repository root: every entry point (npm scripts, Next, tests) runs with it as working directory. */
export const repoRoot = process.cwd();
export const dataDir = path.join(repoRoot, "data");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default(`file:${path.join(dataDir, "app.db")}`),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes)")
    .optional(),
  ADMIN_EMAIL: z.email().default("admin@example.com"),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Next's build folder; end-to-end runs use one of their own. */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
});

export interface AppConfig {
  databaseUrl: string;
  dialect: "sqlite" | "postgres";
  port: number;
  appUrl: string;
  authSecret: string;
  /** 32 bytes for AES-256-GCM. */
  encryptionKey: Buffer;
  adminEmail: string;
  adminPassword?: string;
  production: boolean;
  distDir: string;
}

export class ConfigError extends Error {}

type GeneratedSecrets = { AUTH_SECRET: string; APP_ENCRYPTION_KEY: string };

/** Reads `data/secrets.json`, creating it (once, atomically) with fresh secrets when absent. */
function loadOrCreateSecrets(): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh: GeneratedSecrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    };
    try {
      // "wx" fails if another process created it first; then we read theirs.
      writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
      console.warn(`Generated AUTH_SECRET and APP_ENCRYPTION_KEY in ${file}. Back this file up: without the key, stored gateway credentials cannot be read.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
}

/** Validates `env` (default: process.env) into the app's configuration; throws a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  const dialect = vars.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres";
  let { AUTH_SECRET: authSecret, APP_ENCRYPTION_KEY: encryptionKey } = vars;
  if (!authSecret || !encryptionKey) {
    if (dialect === "postgres") {
      // Machines sharing one PostgreSQL must share keys; generating a second key would make stored
      // credentials unreadable elsewhere.
      throw new ConfigError("On PostgreSQL, AUTH_SECRET and APP_ENCRYPTION_KEY must be set (the same on every machine).");
    }
    const generated = loadOrCreateSecrets();
    authSecret ??= generated.AUTH_SECRET;
    encryptionKey ??= generated.APP_ENCRYPTION_KEY;
  }
  return {
    databaseUrl: vars.DATABASE_URL,
    dialect,
    port: vars.PORT,
    appUrl: (vars.APP_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ""),
    authSecret,
    encryptionKey: Buffer.from(encryptionKey, "hex"),
    adminEmail: vars.ADMIN_EMAIL,
    adminPassword: vars.ADMIN_PASSWORD,
    production: vars.NODE_ENV === "production",
    distDir: vars.NEXT_DIST_DIR,
  };
}

let cached: AppConfig | undefined;

/** The configuration of this process, validated once. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

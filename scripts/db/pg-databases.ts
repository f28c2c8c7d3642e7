/**
 * Throwaway PostgreSQL databases for the wasm engine's shadow database, the drift check and tests: each gets
 * a unique name and is force-dropped after, so runs never collide or leave databases behind.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The server used when TEST_POSTGRES_URL is not set (CI's and this machine's PostgreSQL). */
export const DEFAULT_PG_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Pool config as separate fields: given a `connectionString`, pg ignores a `database` set beside it, so a
 * database other than the URL's could not be selected.
 */
export function pgPoolConfig(serverUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(serverUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database ?? (decodeURIComponent(url.pathname.slice(1)) || undefined),
    max: 2,
  };
}

/** `serverUrl` pointing at `database` instead. */
export function pgUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgPoolConfig(serverUrl));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createPgDatabase(serverUrl: string, purpose: string): Promise<string> {
  const name = `smscm_${purpose}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return name;
}

export async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function isPgReachable(serverUrl: string): Promise<boolean> {
  try {
    await withServer(serverUrl, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/**
 * Which database a DATABASE_URL names. One parser so the runner, the client factory and the scripts
 * agree: `postgresql://` (or `postgres://`) selects PostgreSQL, `file:` selects SQLite.
 */
import path from "node:path";

export type DatabaseTarget =
  | { kind: "sqlite"; /** Absolute path of the database file. */ file: string }
  | { kind: "postgres"; url: string };

/**
 * A relative SQLite path resolves against `root` (the repo root, which is the working directory of all our
 * entry points), never against wherever a library happens to open the file.
 */
export function parseDatabaseUrl(url: string, root = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/\?.*$/, "");
    if (!file) throw new Error(`DATABASE_URL "${url}" names no file`);
    return { kind: "sqlite", file: path.resolve(root, file) };
  }
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${url}"`);
}


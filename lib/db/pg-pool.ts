/**
 * A PostgreSQL pool that survives losing an idle connection (a server restart, a dropped test database):
 * node-postgres emits such losses as pool errors, which crash the process when nobody listens. The next
 * query simply opens a new connection.
 */
import pg from "pg";

export function createPgPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on("error", (error) => console.warn(`[postgres] an idle connection was closed: ${error.message}`));
  return pool;
}

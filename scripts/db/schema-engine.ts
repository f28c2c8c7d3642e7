/**
 * Drives Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) through the driver
 * adapters. Prisma's CLI needs a native engine binary that cannot be downloaded here, so development
 * (new migrations) and CI (drift check) use the wasm engine instead; start-up never loads it.
 *
 * Node 20 cannot `import` a .wasm file, so the bindings module is loaded on its own and given the
 * instance exports through its `__wbg_set_wasm` (../../shared/STACK-NOTES.md).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import type { DatabaseKind, MigrationFile } from "../../lib/db/migration-files";
import { APP_MIGRATIONS_TABLE } from "../../lib/db/migrate";
import { createPgDatabase, dropPgDatabase, pgPoolConfig } from "./pg-databases";

type Bindings = typeof import("@prisma/schema-engine-wasm");

let bindings: Promise<Bindings> | undefined;

/** Instantiates the wasm module once per process. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as Bindings & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    // The engine's panic hook writes its message through this global (a TypeError would hide it otherwise).
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`schema engine panic: ${message}`),
    };
    return glue;
  })();
  return bindings;
}

/**
 * Our own bookkeeping table is not part of the Prisma schema; the engine must neither create nor drop it.
 * PostgreSQL wants the name qualified with its schema.
 */
const FILTER: Record<DatabaseKind, SchemaFilter> = {
  sqlite: { externalTables: [APP_MIGRATIONS_TABLE], externalEnums: [] },
  postgres: { externalTables: [`public.${APP_MIGRATIONS_TABLE}`], externalEnums: [] },
};

/** pg's type ids for `"char"` (the engine reads pg_catalog columns of that type) and `text`. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * adapter-pg rejects result columns of type `"char"` ("Column type 'char' could not be deserialized"),
 * which the engine's introspection of pg_catalog returns. pg already reads them as strings, so relabelling
 * them as text is enough.
 */
function adapterReadingCharAsText(pool: pg.Pool): PrismaPg {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const relabel = (result: pg.QueryResult) => {
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  Object.assign(pool, {
    query: (...args: unknown[]) => {
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(relabel) : pending;
    },
  });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

/**
 * The engine replays a whole migration file through `executeRaw` on the SQLite shadow database, which
 * better-sqlite3 refuses before running anything ("more than one statement"); such scripts go through
 * `executeScript` instead.
 */
function sqliteAcceptingScripts(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl: ":memory:" });
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    return Object.assign(adapter, {
      executeRaw: async (query: SqlQuery) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.args.length > 0 || !/more than one statement/.test(String((error as Error).message))) throw error;
          await adapter.executeScript(query.sql);
          return 0;
        }
      },
    });
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

const PROVIDER: Record<DatabaseKind, string> = { sqlite: "sqlite", postgres: "postgresql" };

/**
 * Runs `use` with an engine connected to `databaseUrl` (SQLite: `file:` URL; PostgreSQL: a server URL).
 * Shadow databases are an in-memory SQLite database, or a uniquely named PostgreSQL database created here
 * and force-dropped after: adapter-pg's own shadow handling drops it while its pool still holds connections.
 */
async function withSchemaEngine<T>(
  kind: DatabaseKind,
  schema: string,
  databaseUrl: string,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const shadowDatabases: string[] = [];
  // The engine does not always dispose its adapters; ended here so no idle pool keeps the process alive.
  const pools: pg.Pool[] = [];
  const pgAdapter = (database?: string) => {
    const pool = new pg.Pool(pgPoolConfig(databaseUrl, database));
    pools.push(pool);
    return adapterReadingCharAsText(pool).connect();
  };
  const adapter: SqlMigrationAwareDriverAdapterFactory =
    kind === "sqlite"
      ? sqliteAcceptingScripts(databaseUrl)
      : {
          provider: "postgres",
          adapterName: "@prisma/adapter-pg",
          connect: () => pgAdapter(),
          connectToShadowDb: async () => {
            const name = await createPgDatabase(databaseUrl, "shadow");
            shadowDatabases.push(name);
            return pgAdapter(name);
          },
        };
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine: SchemaEngine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, bound);
  try {
    return await use(engine);
  } catch (error) {
    throw withDriverErrors(error, bound.errorRegistry);
  } finally {
    engine.free();
    for (const pool of pools) if (!pool.ended) await pool.end();
    for (const name of shadowDatabases) await dropPgDatabase(databaseUrl, name);
  }
}

/**
 * Errors thrown in JavaScript (the driver) reach the engine as "External error id#N"; the text is in the
 * adapter's registry. Appending it turns an opaque failure into the driver's own message.
 */
function withDriverErrors(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error)) return error;
  const details = [...error.message.matchAll(/External error id#(\d+)/g)].map((match) => {
    const record = registry.consumeError(Number(match[1]));
    return `  id#${match[1]}: ${record?.error instanceof Error ? record.error.message : String(record?.error)}`;
  });
  if (details.length > 0) error.message += `\nDriver errors:\n${details.join("\n")}`;
  return error;
}

function migrationList(kind: DatabaseKind, migrations: MigrationFile[]): MigrationList {
  return {
    baseDir: "/",
    // The engine reads the provider from the lock file; we keep it in memory rather than commit one per folder.
    lockfile: { path: "migration_lock.toml", content: `provider = "${PROVIDER[kind]}"\n` },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/** The SQL script from `from` to `to`, or "" when they already match. */
async function diffScript(kind: DatabaseKind, engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await engine.diff({ from, to, script: true, exitCode: true, filters: FILTER[kind] });
  return result.exitCode === 0 ? "" : (result.stdout ?? "");
}

/**
 * SQL taking a database migrated with `migrations` to `schema`. The engine replays the migrations on a
 * shadow database, so `databaseUrl` is only connected to (PostgreSQL: a server to create it on).
 */
export async function diffMigrationsToSchema(
  kind: DatabaseKind,
  migrations: MigrationFile[],
  schema: string,
  databaseUrl: string,
): Promise<string> {
  return withSchemaEngine(kind, schema, databaseUrl, (engine) =>
    diffScript(kind, engine, { tag: "migrations", ...migrationList(kind, migrations) }, {
      tag: "schemaDatamodel",
      files: [{ path: "schema.prisma", content: schema }],
    }),
  );
}

/** SQL taking the live database at `databaseUrl` to `schema`: "" means no drift. */
export async function diffDatabaseToSchema(kind: DatabaseKind, databaseUrl: string, schema: string): Promise<string> {
  const files = [{ path: "schema.prisma", content: schema }];
  return withSchemaEngine(kind, schema, databaseUrl, (engine) =>
    diffScript(kind, engine, { tag: "schemaDatasource", files, configDir: process.cwd() }, { tag: "schemaDatamodel", files }),
  );
}

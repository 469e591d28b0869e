/**
 * Versioned schema migrations, run at start in one transaction under an advisory lock, so
 * any number of instances starting at once against one PostgreSQL apply each migration
 * exactly once (the others wait on the lock, then find nothing left to do).
 *
 * A new migration is one new file in `migrations/` plus one line in {@link MIGRATIONS}.
 * Never edit a migration that has shipped: add the next one.
 *
 * @module
 */
import type { Database } from "./db.ts";
import type { Migration } from "./migrations/migration.ts";
import { migration as m0001 } from "./migrations/0001_reports.ts";
import { migration as m0002 } from "./migrations/0002_console.ts";

export type { Migration } from "./migrations/migration.ts";

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002];

/** The schema version this build expects. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The advisory lock key of migrations and maintenance ("kiriwake" in ASCII, as an int8). */
export const MIGRATION_LOCK = "7739843231912913765";

/** What {@link migrate} did. */
export interface MigrateResult {
  /** The versions this call applied (empty when another instance had done it). */
  applied: number[];
  /** The schema version now. */
  version: number;
}

/**
 * Applies every pending migration in one transaction.
 *
 * @throws {Error} when the database's schema is newer than this build (an older collector
 *   must not write to a schema it does not know), or when a migration fails (nothing of
 *   it stays)
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  return await db.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock($1::bigint)", [MIGRATION_LOCK]);
    await sql.exec(`CREATE TABLE IF NOT EXISTS kiriwake_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await sql.query<{ version: number }>(
      "SELECT version FROM kiriwake_migrations ORDER BY version",
    );
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (newest > latest) {
      throw new Error(
        `The database schema is version ${newest}, newer than this collector knows (${latest}): upgrade the collector`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await sql.exec(m.sql);
      await sql.query("INSERT INTO kiriwake_migrations (version, name) VALUES ($1::int, $2)", [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return { applied, version: Math.max(newest, ...applied) };
  });
}

/** The schema version the database is at (0 before the first migration). */
export async function schemaVersion(db: Database): Promise<number> {
  const [table] = await db.query<{ t: string | null }>(
    "SELECT to_regclass('kiriwake_migrations')::text AS t",
  );
  if (!table?.t) return 0;
  const [row] = await db.query<{ v: number }>(
    "SELECT coalesce(max(version), 0)::int AS v FROM kiriwake_migrations",
  );
  return row?.v ?? 0;
}

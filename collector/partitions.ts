/**
 * Monthly partitions of `reports` (by month of receipt, UTC): made a few months ahead at
 * start and by the hourly maintenance, and dropped once the retention job has emptied them.
 * A default partition catches anything outside (it should stay empty).
 *
 * Partition names and bounds are built from integers only (DDL takes no parameters).
 *
 * @module
 */
import type { Database } from "./db.ts";

/** The advisory lock key of partition maintenance (one instance at a time). */
export const PARTITION_LOCK = "7739843231912913766";

/** A month partition's name and bounds. */
export interface MonthPartition {
  name: string;
  from: string;
  to: string;
}

/**
 * The partition of the month `offset` months after the month of `at` (UTC).
 *
 * @example
 * ```ts
 * monthPartition(new Date("2026-12-15T00:00:00Z"), 1);
 * // { name: "reports_y2027m01", from: "2027-01-01T00:00:00Z", to: "2027-02-01T00:00:00Z" }
 * ```
 */
export function monthPartition(at: Date, offset: number): MonthPartition {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const y = start.getUTCFullYear();
  const m = String(start.getUTCMonth() + 1).padStart(2, "0");
  const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
  return { name: `reports_y${y}m${m}`, from: iso(start), to: iso(end) };
}

/**
 * Creates the partitions from `monthsBack` months before `now` to `monthsAhead` after it
 * that do not exist yet. Returns the names it created.
 */
export async function ensurePartitions(
  db: Database,
  now: Date,
  monthsAhead = 2,
  monthsBack = 0,
): Promise<string[]> {
  return await db.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock($1::bigint)", [PARTITION_LOCK]);
    const made: string[] = [];
    for (let i = -monthsBack; i <= monthsAhead; i++) {
      const p = monthPartition(now, i);
      const [row] = await sql.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
        p.name,
      ]);
      if (row?.t) continue;
      await sql.exec(
        `CREATE TABLE ${p.name} PARTITION OF reports FOR VALUES FROM ('${p.from}') TO ('${p.to}')`,
      );
      made.push(p.name);
    }
    return made;
  });
}

/**
 * Drops month partitions that ended before `before` and are empty (the retention job
 * empties them first). A partition still holding rows — a tenant with a longer retention —
 * stays. Returns the names dropped.
 */
export async function dropEmptyPartitions(db: Database, before: Date): Promise<string[]> {
  return await db.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock($1::bigint)", [PARTITION_LOCK]);
    const parts = await sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'reports'::regclass AND c.relname ~ '^reports_y[0-9]{4}m[0-9]{2}$'`,
    );
    const dropped: string[] = [];
    for (const { name } of parts) {
      const [, y, m] = name.match(/^reports_y(\d{4})m(\d{2})$/)!;
      const end = new Date(Date.UTC(Number(y), Number(m), 1));
      if (end > before) continue;
      // As the owner, on the partition itself (which has no row-level security): every row.
      const [row] = await sql.query<{ empty: boolean }>(
        `SELECT NOT EXISTS (SELECT 1 FROM ${name}) AS empty`,
      );
      if (!row?.empty) continue;
      await sql.exec(`DROP TABLE ${name}`);
      dropped.push(name);
    }
    return dropped;
  });
}

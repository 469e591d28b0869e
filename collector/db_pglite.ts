/**
 * The collector's embedded database: PGlite (PostgreSQL compiled to WebAssembly) in a data
 * directory, so one command starts a working collector with the same SQL as production.
 * One process only: `open_db.ts` locks the directory against a second collector.
 *
 * Requires `--allow-read` and `--allow-write` on the data directory.
 *
 * @module
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Database, Sql } from "./db.ts";

/**
 * Opens (creating on first use) the PGlite database in `dir`, or in memory when `dir` is
 * null (tests). `template` is a data directory dump (`PGlite.dumpDataDir`) to start from,
 * which is much faster than a fresh initdb (tests).
 */
export async function openPglite(dir: string | null, template?: Blob | File): Promise<Database> {
  const opts = template ? { loadDataDir: template } : {};
  const pg = dir === null ? new PGlite(opts) : new PGlite(dir, opts);
  await pg.waitReady;
  return pgliteDatabase(pg, dir === null ? "pglite (memory)" : `pglite ${dir}`);
}

/** The collector's view of an open PGlite instance. */
export function pgliteDatabase(pg: PGlite, where: string): Database {
  const wrap = (q: PGlite | Transaction): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await q.query<R>(text, params as unknown[])).rows;
    },
    async exec(text: string): Promise<void> {
      await q.exec(text);
    },
  });
  const base = wrap(pg);
  return {
    kind: "pglite",
    where,
    query: base.query,
    exec: base.exec,
    transaction: <T>(fn: (s: Sql) => Promise<T>) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

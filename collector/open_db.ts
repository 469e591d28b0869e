/**
 * Opens the collector's database from `--db`: a `postgres://` URL is a real PostgreSQL
 * (shared by any number of instances); anything else is the embedded PGlite in the data
 * directory, locked so that a second collector on the same directory is refused instead
 * of corrupting it.
 *
 * @module
 */
import { join } from "node:path";
import { RefusedError } from "../util/errors.ts";
import type { Database } from "./db.ts";
import { openPglite } from "./db_pglite.ts";
import { openPostgres } from "./db_postgres.ts";

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(db: string | undefined): db is string {
  return db !== undefined && /^postgres(ql)?:\/\//i.test(db);
}

/** The embedded database's directory inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, "pglite");
}

/**
 * Opens the database: PostgreSQL at `db` when it is a URL, else PGlite in `dataDir`.
 *
 * @throws {RefusedError} when another collector holds the data directory
 */
export async function openDatabase(db: string | undefined, dataDir: string): Promise<Database> {
  if (isPostgresUrl(db)) return openPostgres(db);
  await Deno.mkdir(dataDir, { recursive: true });
  const lock = await lockDir(dataDir);
  const inner = await openPglite(pgliteDir(dataDir));
  return {
    ...inner,
    async close() {
      await inner.close();
      lock.close();
    },
  };
}

/** Takes the data directory's lock file, or fails within two seconds. */
async function lockDir(dataDir: string): Promise<Deno.FsFile> {
  const path = join(dataDir, "collector.lock");
  const file = await Deno.open(path, { create: true, write: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const locked = await Promise.race([
    file.lock(true).then(() => true, () => false),
    new Promise<false>((r) => timer = setTimeout(() => r(false), 2_000)),
  ]);
  clearTimeout(timer);
  if (!locked) {
    file.close();
    throw new RefusedError({
      ja: `別のコレクターが "${dataDir}" を使用中です (${path} がロックされています)`,
      en: `Another collector is using "${dataDir}" (${path} is locked)`,
    });
  }
  return file;
}

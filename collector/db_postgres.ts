/**
 * The collector's database on a real PostgreSQL, through the `postgres` driver: a pool per
 * instance, prepared statements, a statement timeout, and a connect timeout short enough
 * that an upload during an outage gets its 503 quickly.
 *
 * Requires `--allow-net` to the database (and `--allow-env`, `--allow-read` for the driver).
 *
 * @module
 */
import postgres from "postgres";
import type { Database, Sql } from "./db.ts";

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** Connections in this instance's pool. */
  max?: number;
  /** Seconds to wait for a connection before the query fails (and the client gets 503). */
  connectTimeoutS?: number;
  /** Milliseconds any one statement may run. */
  statementTimeoutMs?: number;
}

/**
 * Connects to `url` (`postgres://user:password@host:port/db`). Connections open lazily,
 * so this does not fail when the database is down; the first query does.
 */
export function openPostgres(url: string, opts: PostgresOptions = {}): Database {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    connect_timeout: opts.connectTimeoutS ?? 5,
    idle_timeout: 60,
    max_lifetime: 30 * 60,
    onnotice: () => {},
    connection: {
      application_name: "kiriwake-collector",
      statement_timeout: opts.statementTimeoutMs ?? 15_000,
    },
  });
  const wrap = (q: postgres.Sql | postgres.ReservedSql): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      return [...rows] as R[];
    },
    async exec(text: string): Promise<void> {
      await q.unsafe(text);
    },
  });
  const base = wrap(sql);
  return {
    kind: "postgres",
    where: redactUrl(url),
    query: base.query,
    exec: base.exec,
    transaction: <T>(fn: (s: Sql) => Promise<T>) => pipelined(sql, wrap, fn),
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * A transaction whose `BEGIN` goes out with its first statement (the driver packs what is
 * issued in the same turn into one write), saving the round trip the driver's own
 * `begin()` waits for: an upload is then two round trips (begin, scope and insert; commit),
 * not three. PostgreSQL runs the messages of one connection in order, so the statements
 * are inside the transaction; after any failure the rest fail and nothing is committed.
 */
async function pipelined<T>(
  sql: postgres.Sql,
  wrap: (q: postgres.ReservedSql) => Sql,
  fn: (s: Sql) => Promise<T>,
): Promise<T> {
  const c = await sql.reserve();
  try {
    const begun = c.unsafe("BEGIN").execute();
    // Awaited below; a failed BEGIN is then what is thrown, not what it caused.
    begun.catch(() => {});
    let result: T;
    try {
      result = await fn(wrap(c));
    } catch (e) {
      await begun;
      throw e;
    }
    await begun;
    await c.unsafe("COMMIT");
    return result;
  } catch (e) {
    await c.unsafe("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/**
 * `url` without its password, for logs.
 *
 * @example
 * ```ts
 * redactUrl("postgres://app:secret@db:5432/kw"); // "postgres://app:***@db:5432/kw"
 * ```
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

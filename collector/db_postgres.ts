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
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Sql => ({
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
    transaction: <T>(fn: (s: Sql) => Promise<T>) => sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
    close: () => sql.end({ timeout: 5 }),
  };
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

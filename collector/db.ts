/**
 * The one seam between the collector and its database: a tiny interface that both the
 * embedded PGlite and a real PostgreSQL (through `postgres`) implement, so every query the
 * collector runs is the same SQL on both. Only the data-access layer (`store.ts`), the
 * migrations and maintenance use it.
 *
 * @module
 */

/** Runs SQL inside one transaction (or, outside one, on any connection). */
export interface Sql {
  /** One statement with `$1…` parameters (always bound, never interpolated). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations only). */
  exec(text: string): Promise<void>;
}

/** A database the collector can use. */
export interface Database extends Sql {
  /** `pglite` (embedded, one process) or `postgres` (shared by any number of instances). */
  readonly kind: "pglite" | "postgres";
  /** Where it is, without any password (for logs and `/readyz`). */
  readonly where: string;
  /** Runs `fn` in a transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Closes the connections (waits up to a few seconds for queries in flight). */
  close(): Promise<void>;
}

/** The database cannot be reached or cannot serve now: the client should try again later. */
export class DatabaseUnavailableError extends Error {
  /** @param cause the driver's error */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

// SQLSTATE classes and codes that mean "not now" rather than "never": connection
// exceptions, operator intervention (shutdown), insufficient resources, serialization
// failures and deadlocks, statement timeouts and lock timeouts.
const TRANSIENT_CLASSES = ["08", "53", "57"];
const TRANSIENT_CODES = new Set(["40001", "40P01", "55P03", "57014"]);
const TRANSIENT_DRIVER = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * True when `e` says the database is down, restarting, overloaded or timed out (a 503),
 * false for errors that would happen again (a 500: a bug or a constraint).
 *
 * @example
 * ```ts
 * isTransient({ code: "ECONNREFUSED" }); // true
 * isTransient({ code: "57P01" }); // true: terminating connection due to administrator command
 * isTransient({ code: "23505" }); // false: unique violation
 * ```
 */
export function isTransient(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== "string") return false;
  if (TRANSIENT_DRIVER.has(code) || TRANSIENT_CODES.has(code)) return true;
  return /^[0-9A-Z]{5}$/.test(code) && TRANSIENT_CLASSES.includes(code.slice(0, 2));
}

/** The SQLSTATE of a database error, or null. */
export function sqlState(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** The constraint a database error names (unique violations), or null. */
export function constraintOf(e: unknown): string | null {
  const c = e as { constraint_name?: unknown; constraint?: unknown };
  const name = c?.constraint_name ?? c?.constraint;
  return typeof name === "string" ? name : null;
}

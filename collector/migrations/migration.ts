/**
 * The shape of one schema migration (`collector/migrate.ts` runs them in order).
 *
 * @module
 */

/** One schema change. */
export interface Migration {
  /** 1, 2, 3…: applied in order, each once. */
  version: number;
  /** A few words, recorded with it. */
  name: string;
  /** The statements (no parameters). */
  sql: string;
}

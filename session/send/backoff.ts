/**
 * When to try a waiting report again: 30 s after the first failed attempt, doubling up to an
 * hour, spread ±20 % so many kits that lost the same line do not all come back at the same
 * second; never sooner than the collector's `Retry-After`.
 *
 * @example
 * ```ts
 * import { nextAttemptAt } from "./backoff.ts";
 * const now = new Date("2026-12-03T09:00:00Z");
 * nextAttemptAt(1, now, undefined, () => 0.5).toISOString(); // "2026-12-03T09:00:30.000Z"
 * nextAttemptAt(3, now, undefined, () => 0.5).toISOString(); // "2026-12-03T09:02:00.000Z"
 * nextAttemptAt(1, now, 600, () => 0.5).toISOString(); // "2026-12-03T09:10:00.000Z"
 * ```
 *
 * @module
 */

/** The first delay, ms. */
export const FIRST_DELAY_MS = 30_000;
/** The longest delay, ms. */
export const MAX_DELAY_MS = 60 * 60_000;
/** The longest `Retry-After` honoured, s (a broken header must not park a report for days). */
export const MAX_RETRY_AFTER_S = 6 * 3600;

/**
 * The time of the next automatic attempt after `attempts` failed ones.
 *
 * @param retryAfterS the collector's `Retry-After`, when it sent one
 * @param random a number in [0, 1); `Math.random` by default
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  retryAfterS?: number,
  random: () => number = Math.random,
): Date {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const spread = base * (0.8 + 0.4 * random());
  const floor = retryAfterS !== undefined && Number.isFinite(retryAfterS) && retryAfterS > 0
    ? Math.min(retryAfterS, MAX_RETRY_AFTER_S) * 1000
    : 0;
  return new Date(now.getTime() + Math.round(Math.max(spread, floor)));
}

/**
 * Reads a `Retry-After` header (seconds, or an HTTP date) as seconds from `now`, or
 * undefined when absent or unreadable.
 */
export function retryAfterSeconds(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const t = Date.parse(header);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.round((t - now.getTime()) / 1000));
}

/**
 * Small statistics the evidence rests on: a rate with its sample count and a 95 % Wilson
 * score interval, and order statistics (median, percentiles) for round-trip times. A verdict
 * on a rate compares its interval, not its estimate, with a limit, so two lost echoes out of
 * twenty do not count as much as two hundred out of two thousand.
 *
 * @example
 * ```ts
 * import { failureRate, median } from "./stats.ts";
 * const lost = failureRate(3, 200);
 * // { failures: 3, n: 200, estimate: 0.015, low: 0.0051, high: 0.0432, method: "wilson-95" }
 * median([12, 800, 11, 13]); // 12.5: one slow echo does not move it
 * ```
 *
 * @module
 */
import { z } from "zod";

/** z for a two-sided 95 % interval (the 97.5th percentile of the standard normal). */
const Z95 = 1.959963984540054;

/** A proportion's point estimate and 95 % Wilson score interval, all fractions in 0..1. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
  method: "wilson-95";
}

/** A rate as evidence carries it: what was counted, out of how many, and its interval. */
export type Rate =
  & ({ failures: number; successes?: never } | { successes: number; failures?: never })
  & { n: number }
  & Interval;

/** The zod schema of {@link Rate} (exactly one of `failures` / `successes`). */
export const rateSchema: z.ZodType<Rate> = z.union([
  z.object({
    failures: z.number().int().nonnegative(),
    n: z.number().int().positive(),
    estimate: z.number().min(0).max(1),
    low: z.number().min(0).max(1),
    high: z.number().min(0).max(1),
    method: z.literal("wilson-95"),
  }).strict(),
  z.object({
    successes: z.number().int().nonnegative(),
    n: z.number().int().positive(),
    estimate: z.number().min(0).max(1),
    low: z.number().min(0).max(1),
    high: z.number().min(0).max(1),
    method: z.literal("wilson-95"),
  }).strict(),
]) as unknown as z.ZodType<Rate>;

/**
 * The 95 % Wilson score interval of `k` events in `n` trials (Wilson 1927; Brown, Cai and
 * DasGupta 2001 recommend it over the normal approximation for small n and rates near 0).
 * Values are rounded to 0.0001.
 *
 * @param k events counted (0 ≤ k ≤ n, an integer)
 * @param n trials (a positive integer)
 * @throws {RangeError} when n is not a positive integer or k is outside 0..n
 * @example
 * ```ts
 * import { wilson } from "./stats.ts";
 * wilson(0, 20); // { estimate: 0, low: 0, high: 0.1611, method: "wilson-95" }
 * ```
 */
export function wilson(k: number, n: number): Interval {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`Cannot compute an interval over ${n} trials: need a positive integer`);
  }
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`Cannot compute an interval of ${k} events in ${n} trials`);
  }
  const p = k / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / denom;
  return {
    estimate: round4(p),
    // At k = 0 and k = n the bound is exactly 0 or 1; floating point must not say otherwise.
    low: k === 0 ? 0 : round4(Math.max(0, centre - half)),
    high: k === n ? 1 : round4(Math.min(1, centre + half)),
    method: "wilson-95",
  };
}

/**
 * `failures` out of `n` as evidence: the count, n and the Wilson interval.
 *
 * @throws {RangeError} as {@link wilson}
 * @example
 * ```ts
 * import { failureRate } from "./stats.ts";
 * failureRate(2, 20).high; // 0.301
 * ```
 */
export function failureRate(failures: number, n: number): Rate {
  return { failures, n, ...wilson(failures, n) };
}

/**
 * `successes` out of `n` as evidence: the count, n and the Wilson interval.
 *
 * @throws {RangeError} as {@link wilson}
 */
export function successRate(successes: number, n: number): Rate {
  return { successes, n, ...wilson(successes, n) };
}

/**
 * Where a rate stands against a limit, with 95 % confidence: `above` when the whole interval
 * lies over `limit`, `below` when it lies at or under it, `undecided` when it straddles it
 * (measure more, or say the evidence is inconclusive).
 *
 * @example
 * ```ts
 * import { compareRate, failureRate } from "./stats.ts";
 * compareRate(failureRate(1, 20), 0.01); // "undecided": one lost echo proves nothing
 * compareRate(failureRate(8, 40), 0.01); // "above"
 * compareRate(failureRate(0, 400), 0.01); // "below"
 * ```
 */
export function compareRate(
  rate: Pick<Interval, "low" | "high">,
  limit: number,
): "above" | "below" | "undecided" {
  if (rate.low > limit) return "above";
  if (rate.high <= limit) return "below";
  return "undecided";
}

/**
 * The difference of two independent proportions `a − b` with its 95 % interval by
 * Newcombe's hybrid score method (Newcombe 1998, method 10), built from each side's Wilson
 * interval. The difference is significant when the interval excludes 0.
 *
 * @example
 * ```ts
 * import { failureRate, rateDifference } from "./stats.ts";
 * // 9 of 60 lost beyond the router, 0 of 60 up to it: the loss starts beyond it.
 * rateDifference(failureRate(9, 60), failureRate(0, 60)).low > 0; // true
 * ```
 */
export function rateDifference(
  a: Pick<Interval, "estimate" | "low" | "high">,
  b: Pick<Interval, "estimate" | "low" | "high">,
): { estimate: number; low: number; high: number } {
  const d = a.estimate - b.estimate;
  const low = d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2);
  const high = d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2);
  return { estimate: round4(d), low: round4(low), high: round4(high) };
}

/**
 * The median of `values` (the mean of the middle two for an even count); null when empty.
 *
 * @example
 * ```ts
 * import { median } from "./stats.ts";
 * median([3, 1, 2]); // 2
 * median([]); // null
 * ```
 */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/**
 * The `p`th percentile of `values` by linear interpolation between closest ranks (the
 * "R-7" / spreadsheet `PERCENTILE.INC` definition); null when empty.
 *
 * @param p percentile in 0..100
 * @throws {RangeError} when p is outside 0..100
 * @example
 * ```ts
 * import { percentile } from "./stats.ts";
 * percentile([10, 20, 30, 40], 90); // 37
 * percentile([5], 95); // 5
 * ```
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Cannot take percentile ${p}: need 0..100`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return round3(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo));
}

/**
 * A rate as people read it: "3 of 200 (1.5 %, 95 % interval 0.5–4.3 %)".
 *
 * @example
 * ```ts
 * import { describeRate, failureRate } from "./stats.ts";
 * describeRate(failureRate(3, 200)).en; // "3 of 200 (1.5 %, 95 % interval 0.5–4.3 %)"
 * ```
 */
export function describeRate(rate: Rate): { ja: string; en: string } {
  const k = rate.failures ?? rate.successes;
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const range = `${Math.round(rate.low * 1000) / 10}–${pct(rate.high)}`;
  return {
    ja: `${rate.n} 回中 ${k} 回 (${pct(rate.estimate)}、95% 区間 ${range})`,
    en: `${k} of ${rate.n} (${pct(rate.estimate)}, 95 % interval ${range})`,
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Small statistics over samples, shared by the throughput and latency calculations.
 * All functions are pure and return `null` for an empty input instead of `NaN`.
 *
 * @module
 */

/** Arithmetic mean, or null for no samples. */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Population standard deviation, or null for no samples. */
export function stddev(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / xs.length);
}

/**
 * The `p` quantile (0–1) with linear interpolation between closest ranks, or null.
 *
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** The median, or null. */
export function median(xs: readonly number[]): number | null {
  return percentile(xs, 0.5);
}

/**
 * Single-sided trimmed mean as the responsiveness draft uses it: the mean of the samples
 * at or below the `keep` percentile (0.95 drops the slowest 5 %). At least one sample is
 * always kept.
 */
export function trimmedMean(xs: readonly number[], keep = 0.95): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const n = Math.max(1, Math.ceil(s.length * keep));
  return mean(s.slice(0, n));
}

/**
 * Jitter as Cloudflare's speed test computes it: the mean absolute difference between
 * consecutive samples, in the order they were taken. Null below two samples.
 */
export function jitter(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  let s = 0;
  for (let i = 1; i < xs.length; i++) s += Math.abs(xs[i] - xs[i - 1]);
  return s / (xs.length - 1);
}

/** Rounds to `digits` decimals, keeping null. */
export function round(x: number | null, digits = 1): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

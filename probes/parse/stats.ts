/**
 * Small statistics over round-trip times, shared by the ping and traceroute parsers and
 * the probes that aggregate them.
 *
 * @module
 */

/** Rounds to 0.001, the precision ping prints. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Jitter as the mean absolute difference of consecutive RTTs, in the order measured: the
 * D(i−1, i) of RFC 3550 §6.4.1 averaged plainly (RFC 3550 smooths it with gain 1/16 instead,
 * which needs far more samples than a ten-ping run has). Null with fewer than two samples.
 *
 * @example
 * ```ts
 * jitterMs([10, 12, 11]); // (2 + 1) / 2 = 1.5
 * ```
 */
export function jitterMs(rtts: readonly number[]): number | null {
  if (rtts.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < rtts.length; i++) sum += Math.abs(rtts[i] - rtts[i - 1]);
  return round3(sum / (rtts.length - 1));
}

/** Minimum, mean and maximum, rounded to 0.001; null for no samples. */
export function minAvgMax(
  rtts: readonly number[],
): { minMs: number; avgMs: number; maxMs: number } | null {
  if (rtts.length === 0) return null;
  // A loop, not Math.min(...rtts): spreading a long array as arguments overflows the stack.
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rtts) {
    sum += r;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return { minMs: round3(min), avgMs: round3(sum / rtts.length), maxMs: round3(max) };
}

/**
 * Stability detection of the responsiveness draft ("Final Algorithm"): a series (goodput
 * per interval, or responsiveness per interval) is stable when the standard deviation of
 * the last MAD moving averages is within SDT of the latest moving average, each moving
 * average spanning MAD intervals.
 *
 * @module
 */
import { mean, stddev } from "./stats.ts";

/** The draft's defaults: Moving Average Distance and Standard Deviation Tolerance. */
export const MAD = 4;
/** Standard Deviation Tolerance: 5 %. */
export const SDT = 0.05;

/** Moving averages of `values` over windows of `mad` (one per full window). */
export function movingAverages(values: readonly number[], mad = MAD): number[] {
  const out: number[] = [];
  for (let i = mad - 1; i < values.length; i++) {
    out.push(mean(values.slice(i - mad + 1, i + 1))!);
  }
  return out;
}

/**
 * True when the last `mad` moving averages of `values` vary by less than `sdt` of the
 * newest one. Needs `2·mad − 1` values; a series of zeros is never stable (nothing flows).
 */
export function isStable(values: readonly number[], mad = MAD, sdt = SDT): boolean {
  const mas = movingAverages(values, mad);
  if (mas.length < mad) return false;
  const last = mas.slice(-mad);
  const current = last[last.length - 1];
  if (!(current > 0)) return false;
  return stddev(last)! < sdt * current;
}

/**
 * Variant for series that already are moving averages (responsiveness per interval is
 * computed over the probes of the last MAD intervals): stable when the last `mad` values
 * vary by less than `sdt` of the newest.
 */
export function isStableSeries(values: readonly number[], mad = MAD, sdt = SDT): boolean {
  if (values.length < mad) return false;
  const last = values.slice(-mad);
  const current = last[last.length - 1];
  if (!(current > 0)) return false;
  return stddev(last)! < sdt * current;
}

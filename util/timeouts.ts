/**
 * The range every configured duration lives in. Timers in JavaScript hold a signed 32-bit
 * count of milliseconds: 2^31 ms and more wraps round and fires at once (a "24-day" timeout
 * fires after a few milliseconds). Durations are refused outside the range when a file is
 * loaded, and clamped into it wherever a timer is set, so neither can happen.
 *
 * @module
 */
import { z } from "zod";

/** The shortest configurable duration, in milliseconds. */
export const MIN_DURATION_MS = 1;
/** The longest configurable duration (one hour), in milliseconds: far below 2^31 - 1. */
export const MAX_DURATION_MS = 3_600_000;

/**
 * The zod schema of a duration in milliseconds: an integer within
 * {@link MIN_DURATION_MS}…{@link MAX_DURATION_MS}.
 *
 * @example
 * ```ts
 * import { durationMs } from "./timeouts.ts";
 * durationMs().safeParse(2 ** 31).success; // false
 * ```
 */
export function durationMs(): z.ZodNumber {
  return z.number().int().min(MIN_DURATION_MS).max(MAX_DURATION_MS);
}

/**
 * `ms` clamped into the duration range (a non-number becomes the shortest), for timers set
 * from values that did not come through {@link durationMs}.
 *
 * @example
 * ```ts
 * import { clampDurationMs } from "./timeouts.ts";
 * clampDurationMs(2 ** 31); // 3600000
 * ```
 */
export function clampDurationMs(ms: number): number {
  if (!Number.isFinite(ms)) return ms > 0 ? MAX_DURATION_MS : MIN_DURATION_MS;
  return Math.min(MAX_DURATION_MS, Math.max(MIN_DURATION_MS, Math.round(ms)));
}

/**
 * When the next sample is due: the interval (or the burst interval while a burst lasts), moved
 * at random by up to `jitter` of it either way, and never on the hour — a full hour is when
 * every cron job, every other watcher and every backup runs, and samples taken then would
 * measure them. Pure: the random source and the UTC offset are given.
 *
 * @module
 */

/** The plan of a watch's timing. */
export interface TimingPlan {
  everyMs: number;
  /** Share of the interval each sample may move either way, 0–0.5. */
  jitter: number;
  /** A denser interval for a while after trouble is seen; null: none. */
  burst: { everyMs: number; forMs: number } | null;
  /** When the watch ends (ms); null: until stopped. */
  untilAt: number | null;
}

/** The longest a sample is kept away from the full hour, ms. */
const HOUR_MARGIN_MS = 30_000;

/**
 * The time of the sample after one taken at `lastAt`, or null when the watch is over by then.
 *
 * @param burstUntil while `lastAt` is before this, the burst interval applies
 * @param random a number in [0, 1) (Math.random in use, fixed in tests)
 * @param utcOffsetMinutes the local offset, so "the hour" is the local one (+5:30 exists)
 * @example
 * ```ts
 * import { nextSampleAt } from "./schedule.ts";
 * const plan = { everyMs: 600_000, jitter: 0.2, burst: null, untilAt: null };
 * // 09:50:00 UTC, no jitter (random 0.5): 10:00:00 exactly would be on the hour → 10:00:30.
 * new Date(nextSampleAt(Date.UTC(2026, 0, 1, 9, 50), plan, null, () => 0.5, 0)!).toISOString();
 * // "2026-01-01T10:00:30.000Z"
 * ```
 */
export function nextSampleAt(
  lastAt: number,
  plan: TimingPlan,
  burstUntil: number | null,
  random: () => number,
  utcOffsetMinutes: number,
): number | null {
  const every = plan.burst && burstUntil !== null && lastAt < burstUntil
    ? plan.burst.everyMs
    : plan.everyMs;
  const shift = plan.jitter * (2 * random() - 1);
  const t = offTheHour(
    Math.round(lastAt + every * (1 + shift)),
    Math.min(HOUR_MARGIN_MS, every / 4),
    utcOffsetMinutes,
  );
  return plan.untilAt !== null && t >= plan.untilAt ? null : t;
}

/**
 * `t`, or the first moment `margin` after the local full hour when `t` lies within `margin`
 * of one.
 *
 * @example
 * ```ts
 * import { offTheHour } from "./schedule.ts";
 * offTheHour(Date.UTC(2026, 0, 1, 9, 59, 50), 30_000, 0) === Date.UTC(2026, 0, 1, 10, 0, 30); // true
 * ```
 */
export function offTheHour(t: number, margin: number, utcOffsetMinutes: number): number {
  const local = t + utcOffsetMinutes * 60_000;
  const intoHour = ((local % 3_600_000) + 3_600_000) % 3_600_000;
  if (intoHour < margin) return t + margin - intoHour;
  if (3_600_000 - intoHour < margin) return t + 3_600_000 - intoHour + margin;
  return t;
}

/** How far from the full hour a sample is kept, at most (half a minute). */
export const OFF_HOUR_MS = HOUR_MARGIN_MS;

/**
 * Parses a duration: `90s`, `10m`, `2h`, `7d` (or plain milliseconds).
 *
 * @throws {RangeError} naming the text when it is not a positive duration
 * @example
 * ```ts
 * import { parseDuration } from "./schedule.ts";
 * parseDuration("10m"); // 600000
 * ```
 */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    (m?.[2] ?? "ms").toLowerCase() as "ms"
  ];
  const n = m ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(n > 0)) throw new RangeError(`not a duration: "${text}" (e.g. 90s, 10m, 2h, 7d)`);
  return n;
}

/**
 * Parses `--until`: an ISO time, or a local clock time `HH:MM` (the next one after `now`).
 *
 * @throws {RangeError} naming the text when it is neither
 * @example
 * ```ts
 * import { parseUntil } from "./schedule.ts";
 * // At 21:00 UTC, "23:30" (UTC offset 0) is 2.5 hours away.
 * parseUntil("23:30", Date.UTC(2026, 0, 1, 21), 0) - Date.UTC(2026, 0, 1, 21); // 9000000
 * ```
 */
export function parseUntil(text: string, now: number, utcOffsetMinutes: number): number {
  const clock = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (clock) {
    const h = Number(clock[1]), min = Number(clock[2]);
    if (h > 24 || min > 59) throw new RangeError(`not a time: "${text}"`);
    const off = utcOffsetMinutes * 60_000;
    const localNow = now + off;
    const dayStart = localNow - (((localNow % 86_400_000) + 86_400_000) % 86_400_000);
    let t = dayStart + (h * 60 + min) * 60_000 - off;
    if (t <= now) t += 86_400_000;
    return t;
  }
  const t = Date.parse(text);
  if (!/\d{4}-\d{2}-\d{2}/.test(text) || isNaN(t)) {
    throw new RangeError(`not a time: "${text}" (e.g. 23:30 or 2026-12-01T07:00)`);
  }
  return t;
}

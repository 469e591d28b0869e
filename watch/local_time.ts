/**
 * Local time as the customer reads it, in the time zone the watch ran in (not the one the
 * report is opened in): the hour for busy/quiet hours, and `21:14` (or `21:14:05` when samples
 * are seconds apart) for event times.
 *
 * @module
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
    });
    formats.set(key, f);
  }
  return f;
}

/**
 * The local hour (0–23) of `ms` in `timeZone`.
 *
 * @example
 * ```ts
 * import { localHour } from "./local_time.ts";
 * localHour(Date.UTC(2026, 0, 1, 12, 30), "Asia/Tokyo"); // 21
 * ```
 */
export function localHour(ms: number, timeZone: string): number {
  const parts = format(timeZone, false).formatToParts(new Date(ms));
  return Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
}

/**
 * `HH:MM` (or `HH:MM:SS`) of `ms` in `timeZone`.
 *
 * @example
 * ```ts
 * import { clockTime } from "./local_time.ts";
 * clockTime(Date.UTC(2026, 0, 1, 12, 14, 5), "Asia/Tokyo", true); // "21:14:05"
 * ```
 */
export function clockTime(ms: number, timeZone: string, seconds = false): string {
  return format(timeZone, seconds).format(new Date(ms));
}

/** True when `hour` lies in `from` ≤ h < `to`, wrapping past midnight when `from` > `to`. */
export function inHours(hour: number, span: { from: number; to: number }): boolean {
  return span.from <= span.to
    ? hour >= span.from && hour < span.to
    : hour >= span.from || hour < span.to;
}

/** The device's time zone and its offset from UTC at `at`, minutes (east positive). */
export function deviceZone(at: Date): { timeZone: string; utcOffsetMinutes: number } {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC",
    utcOffsetMinutes: -at.getTimezoneOffset(),
  };
}

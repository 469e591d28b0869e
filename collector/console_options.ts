/**
 * The console's settings, with defaults for a provider's support desk. Checked once, when the
 * console is built, so a bad value fails before the first request.
 *
 * @module
 */
import { DEFAULT_PARAMS, type ScryptParams } from "./password.ts";

/** Settings of the console. */
export interface ConsoleSettings {
  /** scrypt cost of new password hashes. */
  passwordParams: ScryptParams;
  /** Wrong passwords in a row that lock an account. */
  maxFailures: number;
  /** How long a locked account stays locked, minutes. */
  lockMinutes: number;
  /** A session ends after this long without a request, minutes. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in whatever happens, hours. */
  sessionHours: number;
  /** Sign-in attempts per minute from one address (any account), before 429. */
  signInPerMinute: number;
  /** Days of reports around a report's time that form its crowd baseline. */
  baselineDays: number;
  /** Fewer peers than this: the baseline says it cannot judge. */
  baselineMinPeers: number;
  /** The window of the incident view, minutes. */
  incidentWindowMinutes: number;
  /** Reports blaming one segment (or hop) within the window that make an incident. */
  incidentThreshold: number;
  /** Reports on one list page. */
  pageSize: number;
  /** Most rows of one CSV export. */
  exportLimit: number;
  /** Cookies with `Secure`: `auto` when the request came over HTTPS (or said so through a trusted proxy). */
  secureCookies: "auto" | "always";
}

/** The defaults. */
export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  passwordParams: DEFAULT_PARAMS,
  maxFailures: 5,
  lockMinutes: 15,
  sessionIdleMinutes: 120,
  sessionHours: 12,
  signInPerMinute: 20,
  baselineDays: 28,
  baselineMinPeers: 20,
  incidentWindowMinutes: 60,
  incidentThreshold: 5,
  pageSize: 50,
  exportLimit: 10_000,
  secureCookies: "auto",
};

/**
 * The defaults with `over` applied, checked.
 *
 * @throws {RangeError} naming the first setting out of range
 */
export function consoleSettingsWith(over: Partial<ConsoleSettings> = {}): ConsoleSettings {
  const s = { ...DEFAULT_CONSOLE_SETTINGS, ...over };
  const whole: (keyof ConsoleSettings)[] = [
    "maxFailures",
    "lockMinutes",
    "sessionIdleMinutes",
    "sessionHours",
    "signInPerMinute",
    "baselineDays",
    "baselineMinPeers",
    "incidentWindowMinutes",
    "incidentThreshold",
    "pageSize",
    "exportLimit",
  ];
  for (const k of whole) {
    const v = s[k] as number;
    if (!Number.isSafeInteger(v) || v < 1) {
      throw new RangeError(`${k} must be a whole number ≥ 1: ${v}`);
    }
  }
  if (s.pageSize > 500) throw new RangeError(`pageSize must be at most 500: ${s.pageSize}`);
  if (s.exportLimit > 1_000_000) {
    throw new RangeError(`exportLimit must be at most 1000000: ${s.exportLimit}`);
  }
  const p = s.passwordParams;
  if (!(p.N >= 2 ** 10 && (p.N & (p.N - 1)) === 0 && p.r >= 1 && p.p >= 1)) {
    throw new RangeError(`passwordParams need N a power of two ≥ 1024, r ≥ 1, p ≥ 1`);
  }
  return s;
}

/**
 * The collector's settings, with defaults that suit one instance on a small machine. Checked
 * once when the collector starts, so a bad value fails before the first request.
 *
 * @module
 */
import { DEFAULT_MAX_UPLOAD_BYTES } from "../report/upload_schema.ts";
import type { ReceiptStyle } from "../util/receipt.ts";

/** A rate limit: `perMinute` sustained (0 = off), `burst` at once. */
export interface RateSetting {
  perMinute: number;
  burst: number;
}

/** Settings of a collector instance. */
export interface CollectorSettings {
  /** Largest upload body, bytes (413 beyond). */
  maxUploadBytes: number;
  /** Longest an upload body may take to arrive, ms (408 beyond). */
  bodyTimeoutMs: number;
  /** Longest pause between two pieces of an upload body, ms (408 beyond). */
  bodyIdleMs: number;
  /** Longest the database may take to store one report, ms (503 beyond). */
  dbTimeoutMs: number;
  /** Uploads processed at once; more wait for a 503 with Retry-After. */
  maxConcurrentUploads: number;
  /** Seconds the kit is told to wait after a 503. */
  retryAfterS: number;
  /** Days a report is kept (a tenant may set its own). */
  retentionDays: number;
  /** Form of the receipt codes. */
  receiptStyle: ReceiptStyle;
  /** IANA zone of the stored hour of day (the crowd baseline's hour). */
  timeZone: string;
  /** Per source address. */
  rateSource: RateSetting;
  /** Per verified licence. */
  rateLicence: RateSetting;
  /** Take the client address from the last `X-Forwarded-For` hop (behind a load balancer). */
  trustProxy: boolean;
  /** How often the maintenance (partitions, retention) runs, ms. */
  maintenanceMs: number;
  /** How often the status file is checked for a new version, ms. */
  statusRefreshMs: number;
}

/** The defaults. */
export const DEFAULT_SETTINGS = {
  maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
  bodyTimeoutMs: 120_000,
  bodyIdleMs: 20_000,
  dbTimeoutMs: 10_000,
  maxConcurrentUploads: 64,
  retryAfterS: 30,
  retentionDays: 365,
  receiptStyle: "alnum",
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  rateSource: { perMinute: 60, burst: 30 },
  rateLicence: { perMinute: 600, burst: 200 },
  trustProxy: false,
  maintenanceMs: 60 * 60_000,
  statusRefreshMs: 30_000,
} satisfies CollectorSettings;

/**
 * `DEFAULT_SETTINGS` with `over` applied, checked.
 *
 * @throws {RangeError} naming the first setting out of range
 */
export function settingsWith(over: Partial<CollectorSettings> = {}): CollectorSettings {
  const s: CollectorSettings = { ...DEFAULT_SETTINGS, ...over };
  const positive: (keyof CollectorSettings)[] = [
    "maxUploadBytes",
    "bodyTimeoutMs",
    "bodyIdleMs",
    "dbTimeoutMs",
    "maxConcurrentUploads",
    "retryAfterS",
    "retentionDays",
    "maintenanceMs",
    "statusRefreshMs",
  ];
  for (const k of positive) {
    const v = s[k] as number;
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${k} must be a positive number: ${v}`);
  }
  if (!Number.isInteger(s.retentionDays)) {
    throw new RangeError(`retentionDays must be whole days: ${s.retentionDays}`);
  }
  if (s.maxUploadBytes > 64 * 1024 * 1024) {
    throw new RangeError(`maxUploadBytes must be at most 64 MiB: ${s.maxUploadBytes}`);
  }
  for (const k of ["rateSource", "rateLicence"] as const) {
    const r = s[k];
    if (!(r.perMinute >= 0) || !(r.burst >= 1)) {
      throw new RangeError(`${k} needs perMinute ≥ 0 and burst ≥ 1: ${r.perMinute}/${r.burst}`);
    }
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: s.timeZone });
  } catch {
    throw new RangeError(`timeZone is not an IANA time zone: ${s.timeZone}`);
  }
  return s;
}

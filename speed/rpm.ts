/**
 * Responsiveness in round-trips per minute (RPM), computed as the IETF draft
 * "Responsiveness under Working Conditions" (draft-ietf-ippm-responsiveness, sections
 * "Aggregating the Measurements" and "Confidence of Test-Results") defines it:
 *
 * ```
 * Foreign_Responsiveness = 60000 / ((TM(tcp_f) + TM(tls_f) + TM(http_f)) / 3)   (TLS)
 * Foreign_Responsiveness = 60000 / ((TM(tcp_f) + TM(http_f)) / 2)               (TCP only)
 * Loaded_Responsiveness  = 60000 / TM(http_l)
 * Responsiveness         = (Foreign_Responsiveness + Loaded_Responsiveness) / 2
 * ```
 *
 * where TM is the single-sided trimmed mean at the 95th percentile. The classification
 * bands (poor < 300, fair < 1000, good < 6000, excellent) are the draft's too.
 *
 * @module
 */
import { trimmedMean } from "./stats.ts";

/** The draft's Trimmed Mean Percentage (TMP). */
export const TRIM_KEEP = 0.95;

/** Probe samples of one measurement window, in milliseconds. */
export interface ProbeSamples {
  /** TCP handshake time of foreign probes (`tcp_f`). */
  tcp: readonly number[];
  /** TLS handshake time per round trip of foreign probes (`tls_f`); empty without TLS. */
  tls: readonly number[];
  /** Time of a 1-byte GET on a fresh connection (`http_f`). */
  http: readonly number[];
  /** Time of a 1-byte GET on a load-generating connection (`http_l`, "self probes"). */
  self: readonly number[];
}

/** Responsiveness and its parts. */
export interface Responsiveness {
  /** The draft's Responsiveness in RPM, rounded. */
  rpm: number;
  foreignRpm: number;
  loadedRpm: number;
  /** The trimmed means the figure rests on, in ms. */
  tm: { tcp: number; tls: number | null; http: number; self: number };
}

/**
 * Computes responsiveness from one window of samples. Null when either kind of probe has
 * no sample (the draft needs both). TLS samples are used when present.
 */
export function responsiveness(s: ProbeSamples): Responsiveness | null {
  const tcp = trimmedMean(s.tcp, TRIM_KEEP);
  const http = trimmedMean(s.http, TRIM_KEEP);
  const self = trimmedMean(s.self, TRIM_KEEP);
  const tls = trimmedMean(s.tls, TRIM_KEEP);
  if (tcp === null || http === null || self === null) return null;
  const foreignMs = tls === null ? (tcp + http) / 2 : (tcp + tls + http) / 3;
  // A 0 ms round trip (coarse clocks on loopback) would divide by zero: clamp to 1 µs.
  const foreignRpm = 60_000 / Math.max(foreignMs, 0.001);
  const loadedRpm = 60_000 / Math.max(self, 0.001);
  return {
    rpm: Math.round((foreignRpm + loadedRpm) / 2),
    foreignRpm: Math.round(foreignRpm),
    loadedRpm: Math.round(loadedRpm),
    tm: { tcp, tls, http, self },
  };
}

/** The draft's confidence labels. */
export type Confidence = "Low" | "Medium" | "High";

/**
 * The draft's confidence of a stage: Low when fewer than MAD intervals of it ran, Medium
 * when they ran but never became stable, High when stable within the standard deviation
 * tolerance.
 */
export function confidence(intervals: number, mad: number, stable: boolean): Confidence {
  if (stable) return "High";
  return intervals >= mad ? "Medium" : "Low";
}

/** The draft's responsiveness classes. */
export type RpmClass = "poor" | "fair" | "good" | "excellent";

/** Classifies an RPM value by the draft's bands (300, 1000 and 6000 RPM). */
export function rpmClass(rpm: number): RpmClass {
  if (rpm < 300) return "poor";
  if (rpm < 1000) return "fair";
  if (rpm < 6000) return "good";
  return "excellent";
}

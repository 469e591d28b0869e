/**
 * Turns what a direction recorded (interval rates, probe samples, why it stopped) into its
 * result: goodput, confidence, RPM, latency under load and the probes' share.
 *
 * @module
 */
import type { SpeedError } from "./errors.ts";
import { confidence, responsiveness } from "./rpm.ts";
import type { DirectionResult, StopReason } from "./schema.ts";
import { MAD } from "./stability.ts";
import { jitter, mean, median, round } from "./stats.ts";

export type { DirectionResult, StopReason };

/** Probe samples stamped with the interval they completed in. */
export interface ProbeWindow {
  foreign: { i: number; tcpMs: number; tlsMs: number | null; httpMs: number }[];
  self: { i: number; ms: number }[];
}

/** What {@link summarizeDirection} needs. */
export interface DirectionRecord {
  direction: "download" | "upload";
  stopReason: StopReason;
  error: SpeedError | null;
  durationMs: number;
  bytes: number;
  probeBytes: number;
  foreignFailures: number;
  /** Goodput of each full interval, Mbit/s. */
  rates: number[];
  streamCounts: number[];
  intervalMs: number;
  /** Interval count when goodput became stable, or null. */
  saturatedAt: number | null;
  /** Intervals of the responsiveness stage. */
  rpmIntervals: number;
  rpmStable: boolean;
  window: ProbeWindow;
}

/**
 * Goodput. Once stable: the mean from the first stable moving-average window to the end
 * (at least MAD intervals, usually more: a longer steady window tracks iperf3's 10 s figure
 * more closely than the last MAD intervals alone). Otherwise the moving average of the last
 * MAD intervals, or with fewer, what there is.
 */
export function finalGoodput(
  r: Pick<DirectionRecord, "rates" | "bytes" | "durationMs" | "error" | "saturatedAt">,
): number | null {
  if (r.bytes === 0) return r.error && r.error.kind !== "stalled" ? null : 0;
  if (r.saturatedAt !== null && r.rates.length >= r.saturatedAt) {
    return mean(r.rates.slice(Math.max(0, r.saturatedAt - MAD)));
  }
  // Never stable (a noisy or still-ramping line): everything after the first MAD intervals,
  // which mostly carry the ramp; a longer window averages out noise of single intervals.
  if (r.rates.length >= 2 * MAD) return mean(r.rates.slice(MAD));
  if (r.rates.length >= MAD) return mean(r.rates.slice(-MAD));
  // The first interval is mostly ramp-up: leave it out when there is more.
  if (r.rates.length >= 2) return mean(r.rates.slice(1));
  return (r.bytes * 8) / r.durationMs / 1000;
}

/** Summarizes one direction. */
export function summarizeDirection(r: DirectionRecord): DirectionResult {
  const n = r.rates.length;
  // The final window: the last MAD intervals (and whatever completed after the last tick).
  const from = n >= MAD ? n - MAD : Math.min(1, n);
  const foreign = r.window.foreign.filter((s) => s.i >= from);
  const self = r.window.self.filter((s) => s.i >= from);
  const rpm = responsiveness({
    tcp: foreign.map((s) => s.tcpMs),
    tls: foreign.flatMap((s) => s.tlsMs === null ? [] : [s.tlsMs]),
    http: foreign.map((s) => s.httpMs),
    self: self.map((s) => s.ms),
  });
  const http = foreign.map((s) => s.httpMs);
  const mbps = finalGoodput(r);
  return {
    direction: r.direction,
    stopReason: r.stopReason,
    error: r.error ? { kind: r.error.kind, message: r.error.message } : null,
    durationMs: Math.round(r.durationMs),
    bytes: r.bytes,
    mbps: round(mbps, 2),
    streams: Math.max(0, ...r.streamCounts),
    intervals: r.rates.map((mbps, i) => ({
      endMs: (i + 1) * r.intervalMs,
      mbps: round(mbps, 2)!,
      streams: r.streamCounts[i],
    })),
    capacity: {
      stable: r.saturatedAt !== null,
      confidence: confidence(n, MAD, r.saturatedAt !== null),
    },
    responsiveness: {
      rpm: rpm?.rpm ?? null,
      confidence: confidence(r.rpmIntervals, MAD, r.rpmStable),
      foreignRpm: rpm?.foreignRpm ?? null,
      loadedRpm: rpm?.loadedRpm ?? null,
      tcpMs: round(rpm?.tm.tcp ?? null, 2),
      tlsMs: round(rpm?.tm.tls ?? null, 2),
      httpMs: round(rpm?.tm.http ?? null, 2),
      selfMs: round(rpm?.tm.self ?? null, 2),
      foreignSamples: foreign.length,
      selfSamples: self.length,
    },
    loadedLatency: {
      medianMs: round(median(http), 2),
      jitterMs: round(jitter(http), 2),
      samples: http.length,
    },
    probes: {
      bytes: r.probeBytes,
      share: r.bytes > 0 ? round(r.probeBytes / r.bytes, 4) : null,
      foreignFailures: r.foreignFailures,
    },
  };
}

/**
 * One direction of the test (download or upload), run as the responsiveness draft's
 * "Final Algorithm": load-generating connections are added one per interval until the
 * goodput is stable, then responsiveness is tracked until it is stable too. Foreign and self
 * probes run throughout, limited so they never use more than 5 % of the bytes the load
 * moved (the draft's PTC) nor more than {@link MAX_PROBES_PER_S} a second.
 *
 * Intervals are fixed time buckets; an interval is evaluated once every byte of it is known
 * (for uploads: once every connection's server has confirmed past its end).
 *
 * The direction always ends by itself: stable, out of time, out of budget, stalled (nothing
 * moved for `stallMs`) or failed (a connection error aborts it, as the draft says).
 *
 * @module
 */
import { Buckets } from "./buckets.ts";
import { type DirectionResult, type ProbeWindow, summarizeDirection } from "./direction_result.ts";
import type { StopReason } from "./direction_result.ts";
import { SpeedError, toSpeedError } from "./errors.ts";
import { foreignProbe } from "./foreign.ts";
import { type Direction, MAX_CHUNK, runLoadStream, type StreamHooks } from "./load.ts";
import { responsiveness } from "./rpm.ts";
import { isStable, isStableSeries, MAD, SDT } from "./stability.ts";
import type { SpeedTarget } from "./target.ts";

/** The draft's PTC: probes may use this share of the capacity. */
export const PROBE_SHARE = 0.05;
/**
 * Probes per second of each kind. The draft allows up to 100 (MPS); fewer keep the CPU of
 * TLS handshakes off the load on small machines, and each self probe idles one connection for
 * a round trip (costing up to 2–3 % of upload goodput at 20/s on a 20 ms queue); 10/s still
 * gives about 20 samples of each kind per 2 s window.
 */
export const MAX_PROBES_PER_S = 10;
/** Wire bytes charged per probe, as the draft estimates them (TLS foreign, self). */
export const FOREIGN_TLS_BYTES = 5000;
/** A foreign probe over plain TCP: handshake, FIN and ~10 packet headers plus ~250 B of HTTP. */
export const FOREIGN_TCP_BYTES = 1500;
/** A self probe: the draft's estimate. */
export const SELF_BYTES = 1000;
const MAX_FOREIGN_IN_FLIGHT = 4;

/** Options of {@link runDirection}. */
export interface DirectionOptions {
  target: SpeedTarget;
  direction: Direction;
  /** The draft's ID. */
  intervalMs: number;
  /** The direction ends within this long. */
  maxMs: number;
  /** The load may request at most this many bytes. */
  budgetBytes: number;
  initialStreams: number;
  maxStreams: number;
  connectTimeoutMs: number;
  /** Nothing moving for this long ends the direction as `stalled`. */
  stallMs: number;
  /** Largest request (the server's limit). */
  maxChunk?: number;
  signal?: AbortSignal;
  onProgress?(p: { elapsedMs: number; mbps: number; streams: number }): void;
}

interface Stream {
  /** Until when this stream's bytes are known (uploads: its last confirmation). */
  horizon: number;
  confirmed: boolean;
  ended: boolean;
}

/** Measures one direction. Never rejects: failures are part of the result. */
export async function runDirection(o: DirectionOptions): Promise<DirectionResult> {
  const t0 = performance.now();
  const up = o.direction === "upload";
  const stop = new AbortController();
  const buckets = new Buckets(t0, o.intervalMs);
  let bytes = 0;
  let reserved = 0;
  let probeBytes = 0;
  let lastSelf = -Infinity;
  let lastProgress = t0;
  let inFlight = 0;
  let foreignFailures = 0;
  let error: SpeedError | null = null;
  let stopReason: StopReason | null = null;
  let saturatedAt: number | null = null;
  /** The interval in which the budget ran out: later ones only carry the tail of the load. */
  let budgetOutAt: number | null = null;
  const rates: number[] = [];
  const streamCounts: number[] = [];
  const rpmSeries: number[] = [];
  const window: ProbeWindow = { foreign: [], self: [] };
  const streams: Stream[] = [];
  const running: Promise<void>[] = [];
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => resolveDone = r);
  const interval = () => Math.floor((performance.now() - t0) / o.intervalMs);
  const minGap = 1000 / MAX_PROBES_PER_S;

  let stopAt = Infinity;
  function finish(reason: StopReason, e?: unknown) {
    if (stopReason) return;
    stopReason = reason;
    stopAt = performance.now();
    if (e !== undefined) error = toSpeedError(e, o.target.url);
    stop.abort();
    clearInterval(ticker);
    clearTimeout(deadline);
    resolveDone();
  }
  const onParent = () => finish("aborted");
  o.signal?.addEventListener("abort", onParent, { once: true });

  const wantSelfProbe = () => {
    const now = performance.now();
    if (now - lastSelf < minGap || PROBE_SHARE * bytes - probeBytes < SELF_BYTES) return false;
    lastSelf = now;
    probeBytes += SELF_BYTES;
    return true;
  };

  const addStream = () => {
    const s: Stream = { horizon: performance.now(), confirmed: false, ended: false };
    streams.push(s);
    const hooks: StreamHooks = {
      signal: stop.signal,
      connectTimeoutMs: o.connectTimeoutMs,
      maxChunk: o.maxChunk ?? MAX_CHUNK,
      reserve(want) {
        const n = Math.min(want, o.budgetBytes - reserved);
        if (n <= 0) {
          budgetOutAt ??= interval();
          return 0;
        }
        reserved += n;
        return n;
      },
      onBytes(n) {
        const now = performance.now();
        lastProgress = now;
        if (up) return;
        bytes += n;
        buckets.add(n, now);
      },
      onUploaded(n, from, to) {
        bytes += n;
        buckets.spread(n, from, to);
        s.horizon = to;
        s.confirmed = true;
        lastProgress = to;
      },
      wantSelfProbe,
      onSelfProbe(ms) {
        window.self.push({ i: interval(), ms });
      },
    };
    running.push(
      runLoadStream(o.target, o.direction, hooks).then(
        () => {
          s.ended = true;
          // A stream ends by itself only when the budget is spent.
          if (streams.every((x) => x.ended) && !stopReason) finish("budget");
        },
        (e) => finish("error", e),
      ),
    );
  };

  const foreignCost = o.target.tls ? FOREIGN_TLS_BYTES : FOREIGN_TCP_BYTES;
  const foreignLoop = async () => {
    while (!stop.signal.aborted) {
      await sleep(minGap, stop.signal);
      if (stop.signal.aborted) break;
      if (inFlight >= MAX_FOREIGN_IN_FLIGHT || PROBE_SHARE * bytes - probeBytes < foreignCost) {
        continue;
      }
      probeBytes += foreignCost;
      inFlight++;
      const left = o.maxMs - (performance.now() - t0);
      foreignProbe(o.target, { timeoutMs: Math.max(100, left), signal: stop.signal })
        .then((s) => window.foreign.push({ i: interval(), ...s }))
        .catch(() => {
          if (!stop.signal.aborted) foreignFailures++;
        })
        .finally(() => inFlight--);
    }
  };

  /** Intervals whose bytes are all known. */
  const settled = (final: boolean) => {
    // Nothing after the stop is complete: connections closed mid-chunk.
    let horizon = Math.min(performance.now(), stopAt);
    if (up) {
      for (const s of streams) {
        if (s.ended || (final && !s.confirmed)) continue;
        horizon = Math.min(horizon, s.horizon);
      }
    }
    return Math.max(0, Math.floor((horizon - t0) / o.intervalMs));
  };

  /** The draft's per-interval step, for each newly settled interval. */
  const evaluate = () => {
    const known = settled(false);
    while (rates.length < known && !stopReason) {
      rates.push(buckets.rates(rates.length + 1)[rates.length]);
      streamCounts.push(streams.length);
      const n = rates.length;
      if (saturatedAt === null) {
        if (isStable(rates, MAD, SDT)) saturatedAt = n;
        else if (streams.length < o.maxStreams && reserved < o.budgetBytes) addStream();
      } else {
        const r = responsiveness(windowSamples(window, n - MAD, n));
        if (r) rpmSeries.push(r.rpm);
        if (isStableSeries(rpmSeries, MAD, SDT)) finish("stable");
      }
      o.onProgress?.({
        elapsedMs: performance.now() - t0,
        mbps: rates[n - 1],
        streams: streams.length,
      });
    }
  };

  const tick = () => {
    evaluate();
    if (!stopReason && performance.now() - lastProgress >= o.stallMs) {
      finish("stalled", new SpeedError("stalled", `${o.target.url}: no data for ${o.stallMs} ms`));
    }
  };
  const ticker = setInterval(tick, Math.max(20, o.intervalMs / 4));
  const deadline = setTimeout(() => finish("time"), o.maxMs);

  if (o.signal?.aborted) finish("aborted");
  for (let i = 0; i < Math.min(o.initialStreams, o.maxStreams); i++) addStream();
  const probing = foreignLoop();
  await done;
  o.signal?.removeEventListener("abort", onParent);
  await Promise.allSettled([...running, probing]);
  // Intervals that completed while stopping (uploads confirm late) still count.
  let final = Math.max(rates.length, settled(true));
  if (budgetOutAt !== null && budgetOutAt >= 1) final = Math.min(final, budgetOutAt);
  const allRates = buckets.rates(final);
  while (streamCounts.length < final) streamCounts.push(streams.length);
  return summarizeDirection({
    direction: o.direction,
    stopReason: stopReason!,
    error,
    durationMs: performance.now() - t0,
    bytes,
    probeBytes,
    foreignFailures,
    rates: allRates,
    streamCounts,
    intervalMs: o.intervalMs,
    saturatedAt,
    rpmIntervals: saturatedAt === null ? 0 : rates.length - saturatedAt,
    rpmStable: stopReason === "stable",
    window,
  });
}

/** The probe samples completed in intervals `[from, to)`. */
export function windowSamples(w: ProbeWindow, from: number, to: number) {
  const f = w.foreign.filter((s) => s.i >= from && s.i < to);
  const s = w.self.filter((x) => x.i >= from && x.i < to);
  return {
    tcp: f.map((x) => x.tcpMs),
    tls: f.flatMap((x) => x.tlsMs === null ? [] : [x.tlsMs]),
    http: f.map((x) => x.httpMs),
    self: s.map((x) => x.ms),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

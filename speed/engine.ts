/**
 * Measures one speed test server: idle latency, then download, then upload (sequential, so
 * added delay is attributed to the downlink or the uplink), then the grades. Never rejects:
 * whatever goes wrong is recorded as the outcome with what was measured before it.
 *
 * Requires `--allow-net`.
 *
 * @module
 */
import { aimScores } from "./aim.ts";
import type { SpeedPlan } from "./budget.ts";
import { bufferbloatGrade, worseGrade } from "./bufferbloat.ts";
import type { SpeedServer } from "./config.ts";
import { PROBE_SHARE, runDirection } from "./direction.ts";
import { toSpeedError } from "./errors.ts";
import { idlePhase } from "./idle.ts";
import { MAX_CHUNK } from "./load.ts";
import type { DirectionResult, IdleResult, ServerResult } from "./schema.ts";
import { round } from "./stats.ts";
import { speedTarget } from "./target.ts";

/** Connecting gives up after this long (a 0 bit/s line never completes a handshake). */
export const CONNECT_TIMEOUT_MS = 3000;
/** Bytes of the idle phase: `info` and 20 pings, requests and answers (~250 B each). */
export const IDLE_BYTES = 8_000;
/** A direction in which nothing flows for this long ends as `stalled`. */
export const STALL_MS = 3000;

/** Progress while measuring one server. */
export interface SpeedProgress {
  phase: "idle" | "download" | "upload";
  elapsedMs: number;
  mbps?: number;
  streams?: number;
}

/** Options of {@link measureServer}. */
export interface MeasureOptions {
  server: SpeedServer;
  plan: SpeedPlan;
  /** Bytes this server may use (defaults to the plan's share). */
  budgetBytes?: number;
  signal?: AbortSignal;
  onProgress?(p: SpeedProgress): void;
  /** Overrides {@link CONNECT_TIMEOUT_MS} (tests). */
  connectTimeoutMs?: number;
  /** Overrides {@link STALL_MS} (tests). */
  stallMs?: number;
}

/** Measures one server. */
export async function measureServer(o: MeasureOptions): Promise<ServerResult> {
  const { server, plan } = o;
  const name = server.name ?? new URL(server.url).host;
  const base = { name, url: server.url, kind: server.kind };
  const target = speedTarget(server.url, server.caCerts);
  const budget = o.budgetBytes ?? plan.serverBytes;
  let idle: IdleResult;
  let serverMax: number;
  o.onProgress?.({ phase: "idle", elapsedMs: 0 });
  try {
    const r = await idlePhase(target, {
      maxMs: plan.idleMs,
      connectTimeoutMs: o.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      signal: o.signal,
    });
    idle = r.idle;
    serverMax = r.serverMaxBytes;
  } catch (e) {
    const err = toSpeedError(e, server.url);
    return finish(base, {
      outcome: err.kind,
      error: err.message,
      idle: null,
      download: null,
      upload: null,
    });
  }
  const run = (direction: "download" | "upload", budgetBytes: number) =>
    runDirection({
      target,
      direction,
      intervalMs: plan.intervalMs,
      maxMs: plan.directionMs,
      budgetBytes,
      initialStreams: plan.initialStreams,
      maxStreams: plan.maxStreams,
      connectTimeoutMs: o.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      stallMs: o.stallMs ?? STALL_MS,
      maxChunk: Math.min(MAX_CHUNK, serverMax),
      signal: o.signal,
      onProgress: (p) => o.onProgress?.({ phase: direction, ...p }),
    });
  // Probes may add up to PROBE_SHARE of the load on top of it, and the idle phase a few
  // kilobytes: the load gets the rest, so the total stays within the budget.
  const load = Math.max(0, Math.floor(budget * (1 - PROBE_SHARE)) - IDLE_BYTES);
  const download = await run("download", Math.floor(load / 2));
  const upload = o.signal?.aborted ? null : await run("upload", Math.max(0, load - download.bytes));
  const failed = [download, upload].find((d) => d?.error);
  return finish(base, {
    outcome: failed?.error?.kind ?? (o.signal?.aborted ? "aborted" : "ok"),
    ...(failed?.error ? { error: failed.error.message } : {}),
    idle,
    download,
    upload,
  });
}

type Measured = Pick<ServerResult, "outcome" | "error" | "idle" | "download" | "upload">;

/**
 * Intervals a direction must have run before its latency under load is graded. A direction
 * that ends within its first interval (a fast path and a small budget) has not loaded the line:
 * its one latency sample was taken while the server's CPU was the queue, and graded it raised
 * a bufferbloat warning in the lab on a path that had none. The number of samples is no guide:
 * on a badly bloated line each sample takes most of a second, so there are only one or two.
 */
export const MIN_GRADED_INTERVALS = 2;

/** Adds the grades to what was measured. */
export function finish(
  base: Pick<ServerResult, "name" | "url" | "kind">,
  m: Measured,
): ServerResult {
  const idleMs = m.idle?.latencyMs ?? null;
  const added = (d: DirectionResult | null) =>
    idleMs !== null && d?.loadedLatency.medianMs != null &&
      d.intervals.length >= MIN_GRADED_INTERVALS
      ? round(d.loadedLatency.medianMs - idleMs, 2)
      : null;
  const downAdded = added(m.download);
  const upAdded = added(m.upload);
  const downGrade = downAdded === null ? null : bufferbloatGrade(downAdded);
  const upGrade = upAdded === null ? null : bufferbloatGrade(upAdded);
  const rpms = [m.download, m.upload]
    .filter((d): d is DirectionResult => d?.responsiveness.rpm != null)
    .sort((a, b) => a.responsiveness.rpm! - b.responsiveness.rpm!);
  const bps = (d: DirectionResult | null) => d?.mbps != null ? d.mbps * 1e6 : null;
  return {
    ...base,
    ...m,
    bufferbloat: {
      downloadAddedMs: downAdded,
      uploadAddedMs: upAdded,
      download: downGrade,
      upload: upGrade,
      grade: worseGrade(downGrade, upGrade),
    },
    rpm: {
      value: rpms[0]?.responsiveness.rpm ?? null,
      confidence: rpms[0]?.responsiveness.confidence ?? null,
    },
    aim: aimScores({
      latencyMs: idleMs,
      jitterMs: m.idle?.jitterMs ?? null,
      downloadBps: bps(m.download),
      uploadBps: bps(m.upload),
      downLoadedLatencyMs: m.download?.loadedLatency.medianMs ?? null,
      upLoadedLatencyMs: m.upload?.loadedLatency.medianMs ?? null,
      packetLoss: null,
    }),
    bytesUsed: (m.idle ? IDLE_BYTES : 0) + (m.download?.bytes ?? 0) + (m.upload?.bytes ?? 0) +
      (m.download?.probes.bytes ?? 0) + (m.upload?.probes.bytes ?? 0),
  };
}

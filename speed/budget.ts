/**
 * The data budget and time plan of a speed test: how many bytes it may use (stated before
 * the run), how the budget and the 25 s the probe has are shared between servers and
 * directions, and what metered mode changes.
 *
 * @module
 */
import type { ThroughputConfig } from "./config.ts";
import type { Localized } from "../util/text.ts";

/** The whole probe ends within this long (the limit). */
export const PROBE_LIMIT_MS = 25_000;
/** What the plan spends: the rest of the limit is margin for connects and closing. */
const PLAN_MS = 23_000;
/** Connects, `info` and tear-down of one server, besides idle sampling. */
const SERVER_OVERHEAD_MS = 500;
const METERED_DIRECTION_MS = 5_000;
const METERED_MAX_STREAMS = 4;

/** What one run will do. */
export interface SpeedPlan {
  metered: boolean;
  /** All servers and directions together use at most this many bytes. */
  maxBytes: number;
  /** Each direction of each server ends within this long. */
  directionMs: number;
  idleMs: number;
  intervalMs: number;
  initialStreams: number;
  maxStreams: number;
  /** Budget of each server. */
  serverBytes: number;
}

/** Overrides from the command line. */
export interface PlanOverrides {
  maxBytes?: number;
  metered?: boolean;
  /** A fixed stream count: no ramp. */
  streams?: number;
}

/** Plans a run over `servers` servers. */
export function planSpeed(
  cfg: ThroughputConfig,
  servers: number,
  o: PlanOverrides = {},
): SpeedPlan {
  const metered = o.metered ?? cfg.budget.metered;
  const base = metered ? cfg.budget.meteredMaxBytes : cfg.budget.maxBytes;
  const maxBytes = o.maxBytes !== undefined
    ? Math.min(o.maxBytes, metered ? base : Infinity)
    : base;
  const count = Math.max(1, servers);
  const idleMs = cfg.durations.idleMs;
  const share = Math.floor((PLAN_MS / count - idleMs - SERVER_OVERHEAD_MS) / 2);
  const directionMs = Math.max(
    1000,
    Math.min(cfg.durations.directionMs, share, metered ? METERED_DIRECTION_MS : Infinity),
  );
  let maxStreams = metered ? Math.min(cfg.streams.max, METERED_MAX_STREAMS) : cfg.streams.max;
  let initialStreams = Math.min(cfg.streams.initial, maxStreams);
  if (o.streams !== undefined) maxStreams = initialStreams = o.streams;
  return {
    metered,
    maxBytes,
    directionMs,
    idleMs,
    intervalMs: cfg.durations.intervalMs,
    initialStreams,
    maxStreams,
    serverBytes: Math.floor(maxBytes / count),
  };
}

/**
 * Parses a byte count: `123`, `500k`, `40MB`, `2G` (decimal units, as data plans count).
 *
 * @throws {RangeError} naming the value when it is not a positive size
 */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)b?\s*$/i.exec(text);
  const unit = { "": 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 }[(m?.[2] ?? "").toLowerCase()];
  const n = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(n > 0)) throw new RangeError(`not a byte size: "${text}" (e.g. 500MB, 2G)`);
  return n;
}

/** Megabytes for people: `1,234 MB`, `0.5 MB`. */
export function formatMB(bytes: number): string {
  const mb = bytes / 1e6;
  return `${
    mb >= 10 ? Math.round(mb).toLocaleString("en-US") : String(Math.round(mb * 10) / 10)
  } MB`;
}

/** The statement made before the run: how much data it may use, in both languages. */
export function budgetNote(plan: SpeedPlan): Localized {
  const mb = formatMB(plan.maxBytes);
  const secs = Math.round(plan.directionMs / 1000);
  return {
    ja: `速度測定は最大 ${mb} のデータを使います (下り・上りそれぞれ最長 ${secs} 秒${
      plan.metered ? "、従量制モード" : ""
    })`,
    en: `The speed test uses at most ${mb} of data (download and upload, up to ${secs} s each${
      plan.metered ? ", metered mode" : ""
    })`,
  };
}

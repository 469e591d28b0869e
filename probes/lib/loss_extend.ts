/**
 * One extra round of `path.loss`: every point pinged again by several series at once,
 * staggered so that together they send an echo every interval ÷ streams (on Linux 20 a
 * second per point; on macOS and Windows, which allow 1 s intervals only, 4).
 *
 * @module
 */
import type { ProbeContext } from "../types.ts";
import type { SeriesPoint } from "./loss_points.ts";
import { runPing, sendIntervalMs } from "./ping_run.ts";
import type { PingSpec } from "./ping_command.ts";

/** Series run at once per point in an extra round. */
export const EXTEND_STREAMS = 4;
/** How long each series of a round sends for. */
const ROUND_MS = 2000;

/** A point with the rounds added to it. */
export type ExtendedPoint = SeriesPoint & {
  extra?: { intervalMs: number; samples: (number | null)[] }[];
};

/**
 * Pings every point of `points` once more (one round) and adds the echoes to them.
 *
 * @returns echoes added per point, or null when a round does not fit in `remainingMs`
 */
export async function extendSeries(
  ctx: ProbeContext,
  points: ExtendedPoint[],
  remainingMs: number,
): Promise<number | null> {
  const cfg = ctx.config.ping;
  const probe: PingSpec = {
    target: "",
    family: 4,
    count: 1,
    intervalMs: cfg.intervalMs,
    waitMs: cfg.waitMs,
  };
  const interval = sendIntervalMs(ctx.os, { ...probe, count: 2 });
  const count = Math.max(2, Math.floor(ROUND_MS / interval));
  const worstMs = count * interval + cfg.waitMs + interval;
  if (points.length === 0 || remainingMs < worstMs) return null;
  const limits = { lossWarnPercent: 100, rttWarnMs: Infinity, jitterWarnMs: Infinity };
  await Promise.all(points.map(async (p) => {
    const streams = await Promise.all(
      Array.from({ length: EXTEND_STREAMS }, async (_, s) => {
        await new Promise((ok) => setTimeout(ok, (s * interval) / EXTEND_STREAMS));
        const spec = {
          ...probe,
          target: p.target,
          family: p.family,
          count,
          ...(p.payloadBytes ? { payloadBytes: p.payloadBytes, dontFragment: true } : {}),
        };
        return (await runPing(ctx, ctx.os, spec, limits)).record;
      }),
    );
    const measured = streams.filter((r) => r.sent);
    // Interleave by send time: stream s sends its i-th echo at (i + s / streams) intervals.
    const merged: (number | null)[] = [];
    for (let i = 0; i < count; i++) {
      for (const r of measured) if (i < r.samples.length) merged.push(r.samples[i]);
    }
    p.sent += measured.reduce((n, r) => n + r.sent!, 0);
    p.lost += measured.reduce((n, r) => n + Math.max(0, r.sent! - r.received), 0);
    (p.extra ??= []).push({ intervalMs: interval / EXTEND_STREAMS, samples: merged });
  }));
  return count * EXTEND_STREAMS;
}

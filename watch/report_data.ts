/**
 * The watch part of a report, from the history: the series of every point (thinned to at
 * most {@link MAX_POINTS} buckets so a month stays readable and small), the throughput
 * samples, the events found on the full series, the busy-hours comparison and the verdict.
 * Pure: the store is read by the caller.
 *
 * @module
 */
import type { Diagnosis } from "../diagnosis/schema.ts";
import type { WatchBlock, WatchEvent, WatchSeries } from "../report/watch_schema.ts";
import { median } from "../util/stats.ts";
import { deviceEvents } from "./device_events.ts";
import { type AnalysisOptions, pathEvents } from "./path_events.ts";
import { pathOrder } from "./path_state.ts";
import type { Reading, Sample } from "./sample.ts";
import type { Gap } from "./store.ts";
import { timeOfDay } from "./time_of_day.ts";
import { watchVerdict } from "./verdict.ts";

/** Charts draw at most this many buckets per series. */
export const MAX_POINTS = 1500;

/** The session as the report states it. */
export type SessionFacts = WatchBlock["session"];

/** Builds the watch block and its diagnosis. */
export function watchReportData(
  session: SessionFacts,
  samples: readonly Sample[],
  gaps: readonly Gap[],
  opts: Omit<AnalysisOptions, "everyMs" | "timeZone">,
): { block: WatchBlock; diagnosis: Diagnosis } {
  const analysis: AnalysisOptions = {
    ...opts,
    everyMs: session.everyMs,
    timeZone: session.timeZone,
  };
  const events: WatchEvent[] = [
    ...pathEvents(samples, analysis),
    ...deviceEvents(samples, gaps, analysis),
  ].sort((a, b) => a.from.localeCompare(b.from)).map((e, i) => ({ id: `e${i + 1}`, ...e }));
  const tod = timeOfDay(samples, {
    busyHours: session.busyHours,
    timeZone: session.timeZone,
    lossLimit: opts.lossLimit,
  });
  const start = Date.parse(session.startedAt);
  const last = samples.at(-1);
  const hours = last ? (last.at + last.durationMs - samples[0].at) / 3_600_000 : 0;
  const measured = new Set(samples.flatMap((s) => s.readings.map((r) => r.segment as string)));
  const { verdict, diagnosis } = watchVerdict({
    events,
    timeOfDay: tod,
    measured,
    accessType: session.accessType,
    hours,
  });
  const buckets = bucketsOf(samples.length);
  const tp = samples.filter((s) => s.throughput);
  return {
    block: {
      kind: "watch",
      session,
      samples: {
        t: buckets.map(([a]) => secs(samples[a].at - start)),
        durationMs: buckets.map(([a, b]) =>
          Math.round(median(samples.slice(a, b).map((s) => s.durationMs)) ?? 0)
        ),
      },
      series: seriesOf(samples, buckets),
      throughput: {
        t: tp.map((s) => secs(s.at - start)),
        downMbps: tp.map((s) => s.throughput!.downMbps),
        upMbps: tp.map((s) => s.throughput!.upMbps),
        bytes: tp.map((s) => s.throughput!.bytes),
      },
      events,
      timeOfDay: tod,
      verdict,
    },
    diagnosis,
  };
}

const DNS_ORDER = ["system", "provider", "public"];

/** Consecutive sample ranges `[from, to)` of at most {@link MAX_POINTS} buckets. */
function bucketsOf(n: number): [number, number][] {
  const size = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += size) out.push([i, Math.min(n, i + size)]);
  return out;
}

function seriesOf(samples: readonly Sample[], buckets: [number, number][]): WatchSeries[] {
  const first = new Map<string, Reading>();
  for (const s of samples) for (const r of s.readings) if (!first.has(r.key)) first.set(r.key, r);
  const order = ["lan", "isp", "dns", "internet"];
  const points = [...first.values()].sort((a, b) =>
    order.indexOf(a.segment) - order.indexOf(b.segment) || pathOrder(a) - pathOrder(b) ||
    DNS_ORDER.indexOf(a.role) - DNS_ORDER.indexOf(b.role) || a.key.localeCompare(b.key)
  );
  return points.map((p) => {
    const rtt: (number | null)[] = [];
    const sent: (number | null)[] = [];
    const lost: (number | null)[] = [];
    for (const [a, b] of buckets) {
      const rs = samples.slice(a, b).flatMap((s) => s.readings.filter((r) => r.key === p.key));
      const times = rs.map((r) => r.rttMs).filter((x): x is number => x !== null);
      rtt.push(times.length ? Math.round(median(times)! * 100) / 100 : null);
      sent.push(rs.length ? rs.reduce((n, r) => n + r.sent, 0) : null);
      lost.push(rs.length ? rs.reduce((n, r) => n + r.lost, 0) : null);
    }
    return {
      key: p.key,
      segment: p.segment,
      label: p.label,
      kind: p.kind,
      rttMs: rtt,
      sent,
      lost,
    };
  });
}

function secs(ms: number): number {
  return Math.round(ms / 100) / 10;
}

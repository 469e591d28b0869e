/**
 * Recognises the data shapes the pages can draw as charts, in any probe's data, wherever
 * they sit: latency samples (ping replies or arrays of milliseconds), route traces (hops with
 * per-probe RTTs), throughput over time (points with a time and a rate) and request phases
 * (DNS/connect/TLS/first-byte times). Pure; everything else falls back to tables.
 *
 * @module
 */

/** Latency samples of one target; `null` marks a lost sample. */
export interface LatencyShape {
  kind: "latency";
  label: string;
  samples: (number | null)[];
}

/** One hop of a route trace. */
export interface HopRow {
  ttl: number;
  address: string | null;
  rtts: (number | null)[];
}

/** A route trace. */
export interface HopsShape {
  kind: "hops";
  label: string;
  hops: HopRow[];
}

/** A throughput series in megabits per second over seconds. */
export interface SeriesShape {
  kind: "throughput";
  label: string;
  points: { s: number; mbps: number }[];
}

/** Request phases of several targets, in milliseconds. */
export interface PhasesShape {
  kind: "phases";
  label: string;
  rows: { name: string; dnsMs: number; connectMs: number; tlsMs: number; ttfbMs: number }[];
}

/** A chart the pages know how to draw. */
export type Shape = LatencyShape | HopsShape | SeriesShape | PhasesShape;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => typeof v === "number" && Number.isFinite(v) ? v : null;

const SAMPLE_KEYS = /^(samples|samplesMs|rtts|rttsMs|rttMs|latencies|latenciesMs)$/;
const TIME_KEYS: [string, number][] = [
  ["t", 1],
  ["tS", 1],
  ["timeS", 1],
  ["atS", 1],
  ["endS", 1],
  ["elapsedS", 1],
  ["seconds", 1],
  ["startS", 1],
  ["atMs", 1e-3],
  ["tMs", 1e-3],
  ["endMs", 1e-3],
  ["elapsedMs", 1e-3],
];
const RATE_KEYS: [string, number][] = [
  ["mbps", 1],
  ["Mbps", 1],
  ["throughputMbps", 1],
  ["rateMbps", 1],
  ["bps", 1e-6],
  ["bitsPerSecond", 1e-6],
  ["bitsPerSec", 1e-6],
  ["kbps", 1e-3],
];
const PHASES = ["dnsMs", "connectMs", "tlsMs", "ttfbMs"] as const;

/**
 * Finds every drawable shape in `data` (depth-limited), in document order. When `drawn` is
 * given, the arrays the shapes were made from are added to it (their tables can then be
 * collapsed under the chart).
 */
export function findShapes(data: unknown, label = "", drawn?: Set<unknown>): Shape[] {
  const out: Shape[] = [];
  walk(data, label, 0, out, drawn ?? new Set());
  return out;
}

function walk(v: unknown, path: string, depth: number, out: Shape[], drawn: Set<unknown>): void {
  if (depth > 5) return;
  if (Array.isArray(v)) {
    const phases = phasesOf(v, path);
    // Request records hold more than their phases (status, TLS, certificate): keep them open.
    if (phases) out.push(phases);
    else v.forEach((x, i) => walk(x, nameOf(x) ?? `${path}[${i}]`, depth + 1, out, drawn));
    return;
  }
  if (!isObj(v)) return;
  const here = nameOf(v) ?? path;
  const latency = latencyOf(v, here);
  if (latency) out.push(latency), drawn.add(v.replies);
  const hops = hopsOf(v, here);
  if (hops) out.push(hops), drawn.add(v.hops);
  for (const [k, x] of Object.entries(v)) {
    if (k === "replies" && latency) continue;
    if (k === "hops" && hops) continue;
    if (SAMPLE_KEYS.test(k) && Array.isArray(x) && x.every((s) => s === null || num(s) !== null)) {
      if (x.length >= 2) {
        out.push({ kind: "latency", label: join(here, k), samples: x as (number | null)[] });
        drawn.add(x);
      }
      continue;
    }
    const series = Array.isArray(x) ? seriesOf(x, join(here, k)) : null;
    if (series) {
      out.push(series);
      drawn.add(x);
      continue;
    }
    walk(x, join(here, k), depth + 1, out, drawn);
  }
}

function latencyOf(v: Obj, label: string): LatencyShape | null {
  const replies = v.replies;
  if (!Array.isArray(replies) || replies.length < 2) return null;
  if (!replies.every((r) => isObj(r) && num(r.rttMs) !== null)) return null;
  const rs = (replies as Obj[]).filter((r) => r.duplicate !== true);
  const seqs = rs.map((r) => num(r.seq));
  if (seqs.every((s) => s !== null)) {
    // Missing sequence numbers are lost requests: show them as gaps, not hide them.
    const first = Math.min(...(seqs as number[]));
    const sent = num(v.sent);
    const last = Math.max(...(seqs as number[]), sent !== null ? first + sent - 1 : -Infinity);
    if (last - first < 10_000) {
      const bySeq = new Map(rs.map((r) => [r.seq as number, r.rttMs as number]));
      const samples: (number | null)[] = [];
      for (let s = first; s <= last; s++) samples.push(bySeq.get(s) ?? null);
      return { kind: "latency", label, samples };
    }
  }
  return { kind: "latency", label, samples: rs.map((r) => r.rttMs as number) };
}

function hopsOf(v: Obj, label: string): HopsShape | null {
  const hops = v.hops;
  if (!Array.isArray(hops) || hops.length === 0) return null;
  const rows: HopRow[] = [];
  for (const h of hops) {
    if (!isObj(h) || num(h.ttl ?? h.hop) === null) return null;
    const probes = Array.isArray(h.probes) ? h.probes.filter(isObj) : [];
    const rtts = probes.length > 0
      ? probes.map((p) => num(p.rttMs))
      : Array.isArray(h.rttMs)
      ? h.rttMs.map(num)
      : [num(h.rttMs)];
    const address = probes.map((p) => p.address).find((a) => typeof a === "string") ??
      (typeof h.address === "string" ? h.address : null);
    rows.push({ ttl: num(h.ttl ?? h.hop)!, address: address as string | null, rtts });
  }
  return { kind: "hops", label, hops: rows };
}

function seriesOf(arr: unknown[], label: string): SeriesShape | null {
  if (arr.length < 2 || !arr.every(isObj)) return null;
  const first = arr[0] as Obj;
  const time = TIME_KEYS.find(([k]) => num(first[k]) !== null);
  const rate = RATE_KEYS.find(([k]) => num(first[k]) !== null);
  if (!time || !rate) return null;
  const points: { s: number; mbps: number }[] = [];
  for (const p of arr as Obj[]) {
    const s = num(p[time[0]]);
    const r = num(p[rate[0]]);
    if (s === null || r === null) return null;
    points.push({ s: s * time[1], mbps: r * rate[1] });
  }
  return { kind: "throughput", label, points };
}

function phasesOf(arr: unknown[], label: string): PhasesShape | null {
  if (arr.length === 0 || !arr.every(isObj)) return null;
  const objs = arr as Obj[];
  const has = (o: Obj) => PHASES.filter((k) => k in o).length >= 3;
  if (!objs.every(has)) return null;
  return {
    kind: "phases",
    label,
    rows: objs.map((o, i) => ({
      name: nameOf(o) ?? String(i + 1),
      dnsMs: num(o.dnsMs) ?? 0,
      connectMs: num(o.connectMs) ?? 0,
      tlsMs: num(o.tlsMs) ?? 0,
      ttfbMs: num(o.ttfbMs) ?? 0,
    })),
  };
}

function nameOf(v: unknown): string | null {
  if (!isObj(v)) return null;
  for (const k of ["name", "target", "direction", "host", "url", "address"]) {
    if (typeof v[k] === "string" && v[k]) return v[k] as string;
  }
  return null;
}

function join(a: string, b: string): string {
  return a ? `${a} › ${b}` : b;
}
